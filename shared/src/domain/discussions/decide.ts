/** Decisions on discussions: guiding questions, and messages in chats and threads. */
import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can, spaceAccess } from '../access/can.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import { DiscussionLimits, spaceKey, withinEditWindow, type GuidingQuestion, type Message, type SpaceRef } from './model.js';

export type DiscussionCommand = CommandOf<'discussion'>;

const noMessage = () => refuse(ErrorCode.notFound, 'No such message.');

/** Mentioned people who exist and may read the space, each once; the author is left out. */
function mentionable(state: WorkshopState, space: SpaceRef, ids: readonly string[], author: string): string[] {
  return [...new Set(ids)].filter((id) => id !== author && spaceAccess(state, id, space) !== 'none');
}

/** What someone shows of themselves next to a message: the country or organisation they represent. */
function affiliationOf(state: WorkshopState, participantId: string): string | null {
  const a = state.participants[participantId]?.affiliation;
  return a?.kind === 'country' ? a.country : a?.kind === 'organisation' ? a.organisation : null;
}

/** Why someone may not post into a space, or null if they may. */
function postRefusal(state: WorkshopState, space: SpaceRef, participantId: string): Decision | null {
  const access = spaceAccess(state, participantId, space);
  if (access === 'write') return null;
  if (space.kind === 'thread' && !state.boards.byId[space.boardId]) return refuse(ErrorCode.notFound, 'No such board.');
  if (space.kind === 'chat' && !state.breakouts.order.some((id) => state.breakouts.byId[id]!.groups.some((g) => g.id === space.groupId))) {
    return refuse(ErrorCode.notFound, 'No such group.');
  }
  if (access === 'read') return refuse(ErrorCode.forbidden, 'You can read this discussion but not write in it (the round is over, or it is another group’s).');
  return refuse(ErrorCode.forbidden, 'This discussion belongs to another group.');
}

export function decideDiscussions(state: WorkshopState, command: DiscussionCommand, ctx: DecideContext): Decision {
  const actor = ctx.actor;
  if (command.type === 'discussion:setQuestions') {
    if (!can(state, actor, { kind: 'discussion.manage' })) return forbidden();
    const round = state.breakouts.byId[command.payload.roundId];
    if (!round) return refuse(ErrorCode.notFound, 'No such breakout round.');
    if (round.status === 'closed') return refuse(ErrorCode.conflict, 'This round is closed; its questions are part of its record.');
    const current = state.discussions.questions[round.id] ?? [];
    const known = new Set(current.map((q) => q.id));
    const ids = new Set<string>();
    const questions: GuidingQuestion[] = [];
    for (const q of command.payload.questions) {
      // A question keeps its id (its answers hang on it) when it is one of this round's; new ones get new ids.
      const id = q.id !== undefined && known.has(q.id) && !ids.has(q.id) ? q.id : ctx.newId();
      ids.add(id);
      questions.push({ id, text: q.text });
    }
    if (JSON.stringify(questions) === JSON.stringify(current)) return accept();
    return accept({ type: 'discussion.questionsSet', roundId: round.id, questions });
  }

  if (!actor) return forbidden();
  const me = actor.participantId;
  const { space } = command.payload;
  const key = spaceKey(space);
  const existing = state.discussions.spaces[key];

  switch (command.type) {
    case 'discussion:post': {
      const { clientId, text, mentions } = command.payload;
      // A retry of a message already posted (its ack was lost): done, nothing twice.
      if (existing?.messages.some((m) => m.clientId === clientId && m.author === me)) return accept();
      const refusal = postRefusal(state, space, me);
      if (refusal) return refusal;
      const recent = (state.discussions.recent[me] ?? []).filter((t) => t > ctx.now - DiscussionLimits.rateWindowMs);
      if (recent.length >= DiscussionLimits.ratePerWindow) {
        return refuse(ErrorCode.rateLimited, 'You are sending messages too quickly; slow down and try again in a few seconds.');
      }
      if ((existing?.messages.length ?? 0) >= DiscussionLimits.messagesPerSpace) return refuse(ErrorCode.conflict, 'This discussion is full.');
      if (!existing && space.kind === 'thread') {
        const threads = Object.values(state.discussions.spaces).filter((s) => s.ref.kind === 'thread' && s.ref.boardId === space.boardId).length;
        if (threads >= DiscussionLimits.threadsPerBoard) return refuse(ErrorCode.conflict, 'This board has too many threads.');
      }
      const message: Message = {
        id: ctx.newId(),
        clientId,
        author: me,
        affiliation: affiliationOf(state, me),
        text,
        mentions: mentionable(state, space, mentions, me),
        // The log gives these their final values (see apply): the event's time and sequence number.
        at: ctx.now,
        seq: 0,
        editedAt: null,
        deleted: false,
        rev: 0,
      };
      return accept({ type: 'discussion.posted', space, message });
    }
    case 'discussion:edit':
    case 'discussion:delete': {
      const message = existing?.messages.find((m) => m.id === command.payload.messageId);
      if (!message || message.deleted) return noMessage();
      const isFacilitator = can(state, actor, { kind: 'discussion.manage' });
      if (command.type === 'discussion:delete' && isFacilitator) return accept({ type: 'discussion.deleted', space, messageId: message.id, by: me });
      if (message.author !== me) {
        return refuse(ErrorCode.forbidden, command.type === 'discussion:edit' ? 'You can edit only your own messages.' : 'You can delete only your own messages.');
      }
      if (spaceAccess(state, me, space) !== 'write') return refuse(ErrorCode.forbidden, 'This discussion is closed.');
      if (!withinEditWindow(message, ctx.now)) {
        return refuse(ErrorCode.conflict, `A message can be changed only within ${DiscussionLimits.editWindowMs / 60_000} minutes of posting it.`);
      }
      if (command.type === 'discussion:delete') return accept({ type: 'discussion.deleted', space, messageId: message.id, by: me });
      const mentions = mentionable(state, space, command.payload.mentions, me);
      if (message.text === command.payload.text && JSON.stringify(message.mentions) === JSON.stringify(mentions)) return accept();
      return accept({ type: 'discussion.edited', space, messageId: message.id, text: command.payload.text, mentions });
    }
  }
}
