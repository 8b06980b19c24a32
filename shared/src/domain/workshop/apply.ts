import type { DomainEvent } from '../../protocol/events.js';
import type { WorkshopState } from './model.js';

/**
 * The reducer: the state after one event. Pure and total over valid event
 * sequences; the server and every client run the same one. `state` is null
 * only before `workshop.created`.
 */
export function applyEvent(state: WorkshopState | null, event: DomainEvent): WorkshopState {
  if (event.type === 'workshop.created') {
    return {
      id: event.workshopId,
      seq: event.seq,
      createdAt: event.at,
      joinCode: event.joinCode,
      definition: event.definition,
      settings: event.settings,
      participants: {},
      run: { currentItemId: null, startedAt: null },
    };
  }
  if (!state) throw new Error(`event ${event.type} before workshop.created`);
  const next: WorkshopState = { ...state, seq: event.seq };
  switch (event.type) {
    case 'workshop.settingsUpdated':
      next.settings = { ...state.settings, ...event.settings };
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
    case 'agenda.currentSet':
      next.run = { currentItemId: event.itemId, startedAt: event.itemId ? event.at : null };
      return next;
  }
}

/** Applies events in order. */
export function applyEvents(state: WorkshopState | null, events: readonly DomainEvent[]): WorkshopState | null {
  let s = state;
  for (const e of events) s = applyEvent(s, e);
  return s;
}

function patchParticipant(
  state: WorkshopState,
  id: string,
  patch: Partial<WorkshopState['participants'][string]>,
): WorkshopState {
  const p = state.participants[id];
  if (!p) return state;
  return { ...state, participants: { ...state.participants, [id]: { ...p, ...patch } } };
}
