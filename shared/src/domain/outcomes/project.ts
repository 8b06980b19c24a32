/**
 * What non-facilitators see of outcomes: every input (the register is the
 * room's), but who proposed one only when it is their own. Facilitators see
 * authors, and every view and export shows them only as the workshop's
 * attribution setting allows.
 */
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { OutcomesEvent } from './apply.js';
import type { OutcomesState, WorkplanInput } from './model.js';

function projectInput(input: WorkplanInput, viewer: Viewer): WorkplanInput {
  return input.author === viewer.participantId ? input : { ...input, author: '' };
}

/** An outcomes event as a non-facilitator viewer may see it. */
export function projectOutcomesEvent(event: OutcomesEvent, viewer: Viewer): OutcomesEvent {
  return event.type === 'input.proposed' ? { ...event, input: projectInput(event.input, viewer) } : event;
}

/** Who sees an outcomes event differently from the public: the author of a proposed input. */
export function outcomesEventSubjects(event: OutcomesEvent): string[] {
  return event.type === 'input.proposed' ? [event.input.author] : [];
}

export function projectOutcomesState(slice: OutcomesState, viewer: Viewer, _state: WorkshopState): OutcomesState {
  const byId: Record<string, WorkplanInput> = {};
  for (const [id, input] of Object.entries(slice.byId)) byId[id] = projectInput(input, viewer);
  return { ...slice, byId };
}
