import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';
import type { Question } from './model.js';

/** Applies a Q&A event. */
export function applyQa(state: WorkshopState, event: EventOf<'qa'>): WorkshopState {
  const qa = state.qa;
  const next = (byId: Record<string, Question>, order = qa.order, settings = qa.settings): WorkshopState => ({
    ...state,
    seq: event.seq,
    qa: { byId, order, settings },
  });
  const patch = (id: string, p: Partial<Question>): WorkshopState => {
    const q = qa.byId[id];
    return q ? next({ ...qa.byId, [id]: { ...q, ...p } }) : next(qa.byId);
  };
  switch (event.type) {
    case 'qa.asked':
    case 'qa.approved': {
      if (!event.question) return next(qa.byId);
      const order = qa.order.includes(event.questionId) ? qa.order : [...qa.order, event.questionId];
      return next({ ...qa.byId, [event.questionId]: event.question }, order);
    }
    case 'qa.hidden':
      return patch(event.questionId, { status: 'hidden' });
    case 'qa.answered':
      return patch(event.questionId, { status: 'answered' });
    case 'qa.upvoted': {
      const q = qa.byId[event.questionId];
      if (!q) return next(qa.byId);
      return patch(q.id, { votes: q.votes + 1, voters: event.voter ? [...q.voters, event.voter] : q.voters });
    }
    case 'qa.unvoted': {
      const q = qa.byId[event.questionId];
      if (!q) return next(qa.byId);
      return patch(q.id, { votes: Math.max(0, q.votes - 1), voters: q.voters.filter((v) => v !== event.voter) });
    }
    case 'qa.merged': {
      const from = qa.byId[event.questionId];
      const into = qa.byId[event.intoId];
      const byId = { ...qa.byId };
      if (from) byId[from.id] = { ...from, mergedInto: event.intoId };
      if (into) byId[into.id] = { ...into, voters: event.voters, votes: event.votes };
      return next(byId);
    }
    case 'qa.configured':
      return next(qa.byId, qa.order, { ...qa.settings, ...event.settings });
  }
}
