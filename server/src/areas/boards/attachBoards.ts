/**
 * The server side of boards beyond commands and events:
 *
 * - a guard for every board document (and private document): the schema and
 *   bounds, locked frames and private mode, checked against the workshop's
 *   current state on every change (shared/src/domain/boards/boardGuard.ts);
 * - templates: a board's document is filled from its template the first time
 *   it is opened;
 * - private mode: when the facilitator reveals (turns private mode off), every
 *   participant's private notes move onto the board; notes that reach a
 *   private document later (made offline) move as soon as they arrive.
 */
import {
  BoardLimits,
  checkAnswersDocument,
  checkBoardTransaction,
  docName,
  fillFromTemplate,
  movePrivateItems,
  templateFilled,
  type DocRef,
  type WorkshopState,
} from '@plenary/shared';
import type { DocGuard, DocGuardProvider } from '../../realtime/yjs/DocRoom.js';
import type { AreaContext, AreaHandle } from '../AreaContext.js';
import type { WorkshopRuntime } from '../../workshops/WorkshopRuntime.js';

type BoardDocRef = Extract<DocRef, { kind: 'board' | 'privateBoard' }>;

export function attachBoards(ctx: AreaContext): AreaHandle {
  const moving = new Map<string, Promise<void>>();
  let closed = false;

  /** Moves one participant's private notes onto the board; one move per document at a time. */
  const movePrivate = (workshopId: string, boardId: string, participantId: string): Promise<void> => {
    const key = `${workshopId}/${boardId}/${participantId}`;
    const running = moving.get(key);
    if (running) return running.then(() => movePrivate(workshopId, boardId, participantId));
    const job = (async () => {
      const privateRef: DocRef = { kind: 'privateBoard', workshopId, boardId, participantId };
      const boardRef: DocRef = { kind: 'board', workshopId, boardId };
      const from = await ctx.hub.lease(docName(privateRef), privateRef);
      try {
        if (from.doc.getMap('items').size === 0) return;
        const to = await ctx.hub.lease(docName(boardRef), boardRef);
        try {
          // Onto the board first (stored), then out of the private document: a crash in between duplicates nothing.
          movePrivateItems(from.doc, to.doc, to.origin);
          await to.settled();
        } finally {
          to.release();
        }
        await from.settled();
      } finally {
        from.release();
      }
    })()
      .catch((err: unknown) => ctx.log.error({ err, workshopId, boardId, participantId }, 'could not move private notes onto the board'))
      .finally(() => {
        if (moving.get(key) === job) moving.delete(key);
      });
    moving.set(key, job);
    return job;
  };

  const guards: DocGuardProvider = async (_name, ref, doc, origin) => {
    // The hub takes one guard provider: breakout answers documents are checked here too.
    if (ref.kind === 'groupAnswers') return answersGuard;
    if (ref.kind !== 'board' && ref.kind !== 'privateBoard') return null;
    const runtime = await ctx.workshops.get(ref.workshopId);
    if (!runtime) return null;
    const board = runtime.state.boards.byId[ref.boardId];
    if (ref.kind === 'board' && board && !templateFilled(doc)) {
      fillFromTemplate(doc, board.template, runtime.state.definition, origin);
    }
    return boardGuard(runtime, ref, (participantId) => {
      if (closed || ref.kind !== 'privateBoard' || runtime.state.boards.byId[ref.boardId]?.private) return;
      void movePrivate(ref.workshopId, ref.boardId, participantId);
    });
  };
  ctx.hub.useGuards(guards);

  const unsubscribe = ctx.workshops.onEvents((runtime, events, state) => {
    for (const event of events) {
      if (event.type === 'board.privateSet' && !event.private) void reveal(runtime.id, event.boardId, state);
    }
  });

  /** Moves every participant's private notes of a board onto it. */
  const reveal = async (workshopId: string, boardId: string, state: WorkshopState) => {
    const people = Object.values(state.participants).filter((p) => p.role === 'participant');
    for (const p of people) {
      if (closed) return;
      await movePrivate(workshopId, boardId, p.id);
    }
    ctx.log.info({ workshopId, boardId, participants: people.length }, 'private notes revealed');
  };

  return {
    close: async () => {
      closed = true;
      unsubscribe();
      await Promise.all(moving.values());
    },
  };
}

/** A group's answers document holds only the answer editor's schema, within its bounds (shared/src/domain/discussions/answers.ts). */
const answersGuard: DocGuard = { check: (doc) => checkAnswersDocument(doc) };

/** The guard of one board (or private) document, reading the workshop's state as it is at each change. */
function boardGuard(runtime: WorkshopRuntime, ref: BoardDocRef, afterUpdate: (participantId: string) => void): DocGuard {
  return {
    check(doc, tx, participantId) {
      const state = runtime.state;
      const board = state.boards.byId[ref.boardId];
      const privileged = state.participants[participantId]?.role === 'facilitator';
      return checkBoardTransaction(doc, tx, {
        privileged,
        lockedFrames: new Set(board?.lockedFrames ?? []),
        noNewItems: ref.kind === 'board' && !privileged && !!board?.private,
        maxItems: BoardLimits.itemsPerBoard,
      });
    },
    afterUpdate,
  };
}
