import type { DomainEvent, EventOf } from '../../protocol/events.js';
import { initialBoardsState } from '../boards/model.js';
import { initialPollsState } from '../polls/model.js';
import { initialQaState } from '../qa/model.js';
import { initialBreakoutsState } from '../breakouts/model.js';
import { initialRunState } from '../run/model.js';
import { initialOutcomesState } from '../outcomes/model.js';
import { initialDiscussionsState } from '../discussions/model.js';
import type { WorkshopState } from '../state.js';
import type { Participant } from './model.js';
import { shiftDays } from './reschedule.js';

export type CoreEvent = EventOf<'workshop'> | EventOf<'participant'>;

/** The state a workshop starts with. */
export function createState(event: Extract<DomainEvent, { type: 'workshop.created' }>): WorkshopState {
  return {
    id: event.workshopId,
    seq: event.seq,
    createdAt: event.at,
    joinCode: event.joinCode,
    definition: event.definition,
    settings: event.settings,
    participants: {},
    run: initialRunState(),
    polls: initialPollsState(),
    boards: initialBoardsState(),
    qa: initialQaState(),
    outcomes: initialOutcomesState(),
    breakouts: initialBreakoutsState(),
    discussions: initialDiscussionsState(),
  };
}

/** Applies a core event (people, settings, agenda position). */
export function applyWorkshop(state: WorkshopState, event: CoreEvent): WorkshopState {
  const next: WorkshopState = { ...state, seq: event.seq };
  switch (event.type) {
    case 'workshop.created':
      return createState(event);
    case 'workshop.settingsUpdated':
      next.settings = { ...state.settings, ...event.settings };
      return next;
    case 'workshop.rescheduled':
      next.definition = { ...state.definition, days: shiftDays(state.definition.days, event.shiftDays) };
      return next;
    case 'participant.joined':
      next.participants = { ...state.participants, [event.participant.id]: event.participant };
      return next;
    case 'participant.renamed':
      return patchParticipant(next, event.participantId, { name: event.name });
    case 'participant.languageSet':
      return patchParticipant(next, event.participantId, { language: event.language });
    case 'participant.removed':
      return patchParticipant(next, event.participantId, { removed: true });
    case 'participant.roleSet':
      return patchParticipant(next, event.participantId, { role: event.role });
  }
}

function patchParticipant(state: WorkshopState, id: string, patch: Partial<Participant>): WorkshopState {
  const p = state.participants[id];
  if (!p) return state;
  return { ...state, participants: { ...state.participants, [id]: { ...p, ...patch } } };
}
