import type { EventOf } from '../../protocol/events.js';
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { Question, QaState } from './model.js';

/** A question as a non-facilitator sees it: no hidden asker, only their own upvote. */
export function projectQuestion(q: Question, viewer: Viewer): Question {
  const mine = viewer.participantId !== null && q.asker === viewer.participantId;
  return {
    ...q,
    asker: q.identity === 'named' || mine ? q.asker : '',
    voters: viewer.participantId !== null && q.voters.includes(viewer.participantId) ? [viewer.participantId] : [],
  };
}

/** Whether a non-facilitator may see this question at all. */
function visibleTo(q: Question, viewer: Viewer): boolean {
  if (q.status === 'visible' || q.status === 'answered') return true;
  return q.status === 'pending' && viewer.participantId !== null && q.asker === viewer.participantId;
}

export function projectQaEvent(event: EventOf<'qa'>, viewer: Viewer): EventOf<'qa'> {
  switch (event.type) {
    case 'qa.asked':
      return { ...event, question: event.question && visibleTo(event.question, viewer) ? projectQuestion(event.question, viewer) : null };
    case 'qa.approved':
      return { ...event, question: projectQuestion(event.question, viewer) };
    case 'qa.upvoted':
    case 'qa.unvoted':
      return { ...event, voter: event.voter === viewer.participantId ? event.voter : '' };
    case 'qa.merged':
      return { ...event, voters: event.voters.filter((v) => v === viewer.participantId) };
    default:
      return event;
  }
}

/** Who sees a Q&A event differently: a named or country-only asker their own question; voters their own vote. */
export function qaEventSubjects(event: EventOf<'qa'>): string[] {
  switch (event.type) {
    case 'qa.asked':
      return event.question && event.question.identity !== 'anonymous' ? [event.question.asker] : [];
    case 'qa.upvoted':
    case 'qa.unvoted':
      return [event.voter];
    case 'qa.merged':
      return event.voters;
    default:
      return [];
  }
}

export function projectQaState(slice: QaState, viewer: Viewer, _state: WorkshopState): QaState {
  const byId: Record<string, Question> = {};
  for (const q of Object.values(slice.byId)) if (visibleTo(q, viewer)) byId[q.id] = projectQuestion(q, viewer);
  return { ...slice, byId, order: slice.order.filter((id) => id in byId) };
}
