/**
 * Permission: one pure rule, used by the server to enforce and by the client
 * to hide what a role cannot do. The role that counts is the participant's
 * role in the current state; a removed participant may do nothing.
 */
import type { DocRef } from '../../protocol/docs.js';
import type { Role } from '../workshop/model.js';
import type { WorkshopState } from '../state.js';
import type { InputOwner } from '../outcomes/model.js';
import type { SpaceRef } from '../discussions/model.js';
import { inPollAudience } from '../polls/audience.js';

export interface Actor {
  participantId: string;
  role: Role;
}

export type Action =
  | { kind: 'participant.rename'; participantId: string }
  | { kind: 'participant.setLanguage' }
  | { kind: 'participant.remove'; participantId: string }
  | { kind: 'participant.setRole'; participantId: string }
  | { kind: 'workshop.updateSettings' }
  | { kind: 'workshop.create' }
  | { kind: 'agenda.control' }
  | { kind: 'projector.control' }
  | { kind: 'qa.ask' }
  | { kind: 'qa.vote' }
  | { kind: 'qa.moderate' }
  | { kind: 'board.manage' }
  | { kind: 'breakout.manage' }
  | { kind: 'breakout.choose' }
  | { kind: 'board.vote'; boardId: string }
  | { kind: 'poll.manage' }
  | { kind: 'poll.vote'; pollId: string }
  | { kind: 'input.propose'; owner: InputOwner }
  | { kind: 'input.edit'; inputId: string }
  | { kind: 'input.manage' }
  | { kind: 'discussion.manage' }
  | { kind: 'discussion.read'; space: SpaceRef }
  | { kind: 'discussion.post'; space: SpaceRef }
  | { kind: 'doc.read'; doc: DocRef }
  | { kind: 'doc.write'; doc: DocRef };

/** The actor as the state knows them now, or null if unknown or removed. */
export function currentActor(state: WorkshopState, participantId: string): Actor | null {
  const p = state.participants[participantId];
  if (!p || p.removed) return null;
  return { participantId: p.id, role: p.role };
}

/** May this actor do this action in this workshop, as it is now? */
export function can(state: WorkshopState, actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  const me = currentActor(state, actor.participantId);
  if (!me) return false;
  const isFacilitator = me.role === 'facilitator';
  switch (action.kind) {
    case 'participant.rename':
      return (action.participantId === me.participantId && me.role !== 'projector') || isFacilitator;
    case 'participant.setLanguage':
      return me.role !== 'projector';
    case 'participant.remove':
      return isFacilitator && action.participantId !== me.participantId;
    case 'participant.setRole':
      return isFacilitator;
    case 'qa.ask':
    case 'qa.vote':
      return me.role === 'participant' || isFacilitator;
    case 'qa.moderate':
      return isFacilitator;
    case 'workshop.updateSettings':
    case 'workshop.create':
    case 'agenda.control':
    case 'projector.control':
      return isFacilitator;
    case 'board.manage':
    case 'breakout.manage':
      return isFacilitator;
    case 'breakout.choose':
      return me.role === 'participant';
    case 'board.vote': {
      const board = state.boards.byId[action.boardId];
      if (!board || !(me.role === 'participant' || isFacilitator)) return false;
      return isFacilitator || board.scope.kind === 'plenary' || groupAccess(state, me.participantId, board.scope.groupId) === 'write';
    }
    case 'poll.manage':
      return isFacilitator;
    case 'poll.vote': {
      // Observers and the projector follow polls; a poll reaches people through its audience.
      const poll = state.polls.byId[action.pollId];
      if (!poll || !(me.role === 'participant' || isFacilitator)) return false;
      return inPollAudience(state, poll.audience, me.participantId);
    }
    case 'input.propose': {
      // Participants propose for their own country or organisation; facilitators for anyone.
      if (isFacilitator) return true;
      const a = state.participants[me.participantId]!.affiliation;
      const o = action.owner;
      if (me.role !== 'participant') return false;
      return o.kind === 'country' ? a.kind === 'country' && a.country === o.country : a.kind === 'organisation' && a.organisation === o.organisation;
    }
    case 'input.edit': {
      // Authors edit (and delete) their own inputs until a facilitator agrees, drops or merges them.
      if (isFacilitator) return true;
      const input = state.outcomes.byId[action.inputId];
      return me.role === 'participant' && !!input && input.author === me.participantId && input.status === 'proposed' && input.mergedInto === null;
    }
    case 'input.manage':
    case 'discussion.manage':
      return isFacilitator;
    case 'discussion.read':
      return spaceAccess(state, me.participantId, action.space) !== 'none';
    case 'discussion.post':
      return spaceAccess(state, me.participantId, action.space) === 'write';
    case 'doc.read':
      if (action.doc.workshopId !== state.id) return false;
      if (action.doc.kind === 'groupNotes' || action.doc.kind === 'groupAnswers') return isFacilitator || groupAccess(state, me.participantId, action.doc.groupId) !== 'none';
      // A board's documents exist only once the board does (this bounds what can be stored).
      if (action.doc.kind === 'board') {
        const board = state.boards.byId[action.doc.boardId];
        if (!board) return false;
        return isFacilitator || board.scope.kind === 'plenary' || groupAccess(state, me.participantId, board.scope.groupId) !== 'none';
      }
      if (action.doc.kind === 'privateBoard') {
        return action.doc.boardId in state.boards.byId && (isFacilitator || action.doc.participantId === me.participantId);
      }
      if (action.doc.kind === 'privateOverview') return isFacilitator && action.doc.boardId in state.boards.byId;
      return true;
    case 'doc.write':
      if (action.doc.workshopId !== state.id || me.role === 'observer' || me.role === 'projector') return false;
      // The private overview is the server's mirror: nobody writes it.
      if (action.doc.kind === 'privateOverview') return false;
      if (isFacilitator) return action.doc.kind !== 'privateBoard';
      switch (action.doc.kind) {
        case 'notes':
          return state.settings.notesEditableBy === 'everyone';
        case 'board': {
          const board = state.boards.byId[action.doc.boardId];
          if (!board || board.locked) return false;
          return board.scope.kind === 'plenary' || groupAccess(state, me.participantId, board.scope.groupId) === 'write';
        }
        case 'privateBoard':
          // One's own private notes; written while the board is private, and
          // afterwards too (offline edits), when the server moves them onto the board.
          return action.doc.participantId === me.participantId && !state.boards.byId[action.doc.boardId]?.locked;
        case 'groupNotes':
        case 'groupAnswers':
          return groupAccess(state, me.participantId, action.doc.groupId) === 'write';
      }
  }
}

/**
 * What a non-facilitator may do with a breakout group's work: its members
 * write while the round runs (and read it afterwards); others read it when the
 * round lets groups see each other's work, and everyone once the round is
 * closed (the gallery).
 */
export function groupAccess(state: WorkshopState, participantId: string, groupId: string): 'write' | 'read' | 'none' {
  for (const roundId of state.breakouts.order) {
    const round = state.breakouts.byId[roundId]!;
    if (!round.groups.some((g) => g.id === groupId)) continue;
    const member = round.members[participantId] === groupId;
    const live = round.status === 'running' || round.status === 'closing';
    if (member) return live ? 'write' : round.status === 'closed' ? 'read' : 'none';
    if (round.status === 'closed' || (live && round.readAcross)) return 'read';
    return 'none';
  }
  return 'none';
}

/** Whether the round of a group lets everyone read the group's work now: it is closed, or it runs and lets groups read each other. */
function groupOpenToAll(state: WorkshopState, groupId: string): boolean {
  for (const roundId of state.breakouts.order) {
    const round = state.breakouts.byId[roundId]!;
    if (!round.groups.some((g) => g.id === groupId)) continue;
    return round.status === 'closed' || ((round.status === 'running' || round.status === 'closing') && round.readAcross);
  }
  return false;
}

/**
 * What someone may do in a discussion space (a group's chat, a board note's
 * thread): write, read, or nothing. `participantId` null asks for anyone who
 * is neither a member nor a facilitator (the public projection).
 *
 * A group's chat follows the group's work (`groupAccess`): its members write
 * while the round runs; facilitators read every group's chat and post into it
 * while the round runs. A thread follows its board: who may take part on the
 * board (as for dot votes, also on a locked board) writes, who may read it reads.
 * Observers and projector screens never write.
 */
export function spaceAccess(state: WorkshopState, participantId: string | null, space: SpaceRef): 'write' | 'read' | 'none' {
  const me = participantId === null ? null : currentActor(state, participantId);
  if (participantId !== null && !me) return 'none';
  const writer = me !== null && (me.role === 'participant' || me.role === 'facilitator');
  const cap = (a: 'write' | 'read' | 'none') => (a === 'write' && !writer ? 'read' : a);
  const groupLevel = (groupId: string): 'write' | 'read' | 'none' => {
    if (me?.role === 'facilitator') {
      const round = state.breakouts.order.map((id) => state.breakouts.byId[id]!).find((r) => r.groups.some((g) => g.id === groupId));
      if (!round) return 'none';
      return round.status === 'running' || round.status === 'closing' ? 'write' : 'read';
    }
    if (me) return cap(groupAccess(state, me.participantId, groupId));
    return groupOpenToAll(state, groupId) ? 'read' : 'none';
  };
  if (space.kind === 'chat') return groupLevel(space.groupId);
  const board = state.boards.byId[space.boardId];
  if (!board) return 'none';
  if (board.scope.kind === 'plenary') return writer ? 'write' : 'read';
  if (me?.role === 'facilitator') return 'write';
  return groupLevel(board.scope.groupId);
}
