import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';
import type { OutcomesState, WorkplanInput } from './model.js';

export type OutcomesEvent = EventOf<'input'> | EventOf<'report'>;

/** Applies an outcomes event. */
export function applyOutcomes(state: WorkshopState, event: OutcomesEvent): WorkshopState {
  const slice = state.outcomes;
  const next = (patch: Partial<OutcomesState>): WorkshopState => ({ ...state, seq: event.seq, outcomes: { ...slice, ...patch } });
  const patchInput = (byId: Record<string, WorkplanInput>, id: string, p: Partial<WorkplanInput>) => {
    const input = byId[id];
    if (input) byId[id] = { ...input, ...p, updatedAt: event.at };
  };
  switch (event.type) {
    case 'input.proposed': {
      const order = slice.order.includes(event.input.id) ? slice.order : [...slice.order, event.input.id];
      return next({ byId: { ...slice.byId, [event.input.id]: event.input }, order });
    }
    case 'input.updated': {
      const byId = { ...slice.byId };
      patchInput(byId, event.inputId, event.fields);
      return next({ byId });
    }
    case 'input.statusSet': {
      const byId = { ...slice.byId };
      patchInput(byId, event.inputId, { status: event.status });
      return next({ byId });
    }
    case 'input.merged': {
      const byId = { ...slice.byId };
      for (const id of event.inputIds) patchInput(byId, id, { mergedInto: event.intoId });
      const into = byId[event.intoId];
      if (into) patchInput(byId, into.id, { mergedFrom: [...into.mergedFrom, ...event.inputIds.filter((id) => !into.mergedFrom.includes(id))] });
      return next({ byId });
    }
    case 'input.deleted': {
      const byId = { ...slice.byId };
      delete byId[event.inputId];
      return next({ byId, order: slice.order.filter((id) => id !== event.inputId) });
    }
    case 'report.configured':
      return next({ report: { ...slice.report, boardIds: event.boardIds } });
  }
}
