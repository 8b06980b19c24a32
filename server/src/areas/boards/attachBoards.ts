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
 * - the private overview: while a board is private, every change to a private
 *   document is mirrored into the board's overview document, which facilitators
 *   read (one connection instead of one per participant) and nobody writes. It
 *   is rebuilt from the private documents whenever it opens, and emptied on reveal.
 */
import {
  BoardDoc,
  BoardLimits,
  checkAnswersDocument,
  checkBoardTransaction,
  docName,
  fillFromTemplate,
  mirrorPrivateItems,
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
  const moving = coalescing((err, key) => ctx.log.error({ err, key }, 'could not move private notes onto the board'));
  const mirroring = coalescing((err, key) => ctx.log.error({ err, key }, 'could not mirror private notes into the overview'));
  let closed = false;

  const overviewRef = (workshopId: string, boardId: string): DocRef => ({ kind: 'privateOverview', workshopId, boardId });

  /** Makes the overview's entries by one participant those of their private document. */
  const mirrorPrivate = (workshopId: string, boardId: string, participantId: string): Promise<void> =>
    mirroring(`${workshopId}/${boardId}/${participantId}`, async () => {
      if (closed) return;
      const privateRef: DocRef = { kind: 'privateBoard', workshopId, boardId, participantId };
      const from = await ctx.hub.lease(docName(privateRef), privateRef);
      try {
        const ref = overviewRef(workshopId, boardId);
        const to = await ctx.hub.lease(docName(ref), ref);
        try {
          if (mirrorPrivateItems(from.doc, to.doc, participantId, to.origin)) await to.settled();
        } finally {
          to.release();
        }
      } finally {
        from.release();
      }
    });

  /** Every participant's entries, from their private documents (the overview just opened: it may lag behind them). */
  const rebuildOverview = async (workshopId: string, boardId: string) => {
    const runtime = await ctx.workshops.get(workshopId);
    if (!runtime?.state.boards.byId[boardId]?.private) return;
    for (const p of Object.values(runtime.state.participants)) {
      if (closed) return;
      if (p.role === 'participant') await mirrorPrivate(workshopId, boardId, p.id);
    }
  };

  /** Revealed: nothing is private any more. */
  const emptyOverview = async (workshopId: string, boardId: string) => {
    const ref = overviewRef(workshopId, boardId);
    const overview = await ctx.hub.lease(docName(ref), ref);
    try {
      const items = new BoardDoc(overview.doc).items;
      if (items.size === 0) return;
      overview.doc.transact(() => items.clear(), overview.origin);
      await overview.settled();
    } finally {
      overview.release();
    }
  };

  /** Moves one participant's private notes onto the board; one move per document at a time. */
  const movePrivate = (workshopId: string, boardId: string, participantId: string): Promise<void> =>
    moving(`${workshopId}/${boardId}/${participantId}`, async () => {
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
    });

  const guards: DocGuardProvider = async (_name, ref, doc, origin) => {
    // The hub takes one guard provider: breakout answers documents are checked here too.
    if (ref.kind === 'groupAnswers') return answersGuard;
    if (ref.kind === 'privateOverview') {
      // Opened as the room loads: mirror once it has (a lease waits for that).
      setImmediate(() => void rebuildOverview(ref.workshopId, ref.boardId).catch((err: unknown) => ctx.log.error({ err, ref }, 'could not rebuild the private overview')));
      return readOnlyGuard;
    }
    if (ref.kind !== 'board' && ref.kind !== 'privateBoard') return null;
    const runtime = await ctx.workshops.get(ref.workshopId);
    if (!runtime) return null;
    const board = runtime.state.boards.byId[ref.boardId];
    if (ref.kind === 'board' && board && !templateFilled(doc)) {
      fillFromTemplate(doc, board.template, runtime.state.definition, origin);
    }
    return boardGuard(runtime, ref, (participantId) => {
      if (closed || ref.kind !== 'privateBoard') return;
      if (runtime.state.boards.byId[ref.boardId]?.private) void mirrorPrivate(ref.workshopId, ref.boardId, participantId);
      else void movePrivate(ref.workshopId, ref.boardId, participantId);
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
    await emptyOverview(workshopId, boardId).catch((err: unknown) => ctx.log.error({ err, workshopId, boardId }, 'could not empty the private overview'));
    ctx.log.info({ workshopId, boardId, participants: people.length }, 'private notes revealed');
  };

  return {
    close: async () => {
      closed = true;
      unsubscribe();
      await Promise.all([moving.idle(), mirroring.idle()]);
    },
  };
}

/** The private overview is the server's: no connection writes it (access says so too). */
const readOnlyGuard: DocGuard = { check: () => ({ code: 'read_only', message: 'The private overview is written by the server only.' }) };

/**
 * Runs one job per key at a time; a request while it runs makes it run once
 * more afterwards (many quick changes, one or two mirrors or moves: both jobs
 * do all there is to do when they run, so once more is enough).
 */
function coalescing(onError: (err: unknown, key: string) => void) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const run = (key: string, job: () => Promise<void>): Promise<void> => {
    const current = running.get(key);
    if (current) {
      again.add(key);
      return current;
    }
    const done = (async () => {
      do {
        again.delete(key);
        await job().catch((err: unknown) => onError(err, key));
      } while (again.has(key));
    })().finally(() => running.delete(key));
    running.set(key, done);
    return done;
  };
  return Object.assign(run, { idle: () => Promise.all(running.values()).then(() => undefined) });
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
