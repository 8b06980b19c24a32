/** Decisions on Q&A. */
import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can } from '../access/can.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import { questionsPerWorkshop, type Question } from './model.js';

const noQuestion = () => refuse(ErrorCode.notFound, 'No such question.');

export function decideQa(state: WorkshopState, command: CommandOf<'qa'>, ctx: DecideContext): Decision {
  const qa = state.qa;
  const actor = ctx.actor;
  switch (command.type) {
    case 'qa:ask': {
      if (!actor || !can(state, actor, { kind: 'qa.ask' })) return forbidden();
      if (!qa.settings.open) return refuse(ErrorCode.forbidden, 'Questions are closed right now.');
      const { text, identity } = command.payload;
      if (!qa.settings.identities.includes(identity)) return refuse(ErrorCode.forbidden, 'The facilitator does not allow asking this way.');
      if (qa.order.length >= questionsPerWorkshop) return refuse(ErrorCode.conflict, 'This workshop has too many questions.');
      const me = state.participants[actor.participantId]!;
      const a = me.affiliation;
      const affiliation = a.kind === 'country' ? a.country : a.kind === 'organisation' ? a.organisation : null;
      if (identity === 'country' && !affiliation) {
        return refuse(ErrorCode.invalid, 'You have no country or organisation to show; choose another way to appear.');
      }
      const question: Question = {
        id: ctx.newId(),
        text,
        identity,
        asker: identity === 'anonymous' ? ctx.pseudonym('qa', actor.participantId) : actor.participantId,
        affiliation: identity === 'country' ? affiliation : null,
        at: ctx.now,
        status: qa.settings.moderation === 'pre' && actor.role !== 'facilitator' ? 'pending' : 'visible',
        votes: 0,
        voters: [],
        mergedInto: null,
      };
      return accept({ type: 'qa.asked', questionId: question.id, question });
    }
    case 'qa:upvote':
    case 'qa:unvote': {
      if (!actor || !can(state, actor, { kind: 'qa.vote' })) return forbidden();
      const q = qa.byId[command.payload.questionId];
      if (!q || q.mergedInto || q.status === 'pending' || q.status === 'hidden') return noQuestion();
      const voted = q.voters.includes(actor.participantId);
      if (command.type === 'qa:upvote') {
        if (voted) return refuse(ErrorCode.conflict, 'You already upvoted this question.');
        return accept({ type: 'qa.upvoted', questionId: q.id, voter: actor.participantId });
      }
      if (!voted) return refuse(ErrorCode.conflict, 'You have not upvoted this question.');
      return accept({ type: 'qa.unvoted', questionId: q.id, voter: actor.participantId });
    }
    case 'qa:approve': {
      if (!can(state, actor, { kind: 'qa.moderate' })) return forbidden();
      const q = qa.byId[command.payload.questionId];
      if (!q || q.mergedInto) return noQuestion();
      if (q.status === 'visible' || q.status === 'answered') return accept();
      return accept({ type: 'qa.approved', questionId: q.id, question: { ...q, status: 'visible' } });
    }
    case 'qa:hide': {
      if (!can(state, actor, { kind: 'qa.moderate' })) return forbidden();
      const q = qa.byId[command.payload.questionId];
      if (!q) return noQuestion();
      if (q.status === 'hidden') return accept();
      return accept({ type: 'qa.hidden', questionId: q.id });
    }
    case 'qa:answer': {
      if (!can(state, actor, { kind: 'qa.moderate' })) return forbidden();
      const q = qa.byId[command.payload.questionId];
      if (!q || q.mergedInto) return noQuestion();
      if (q.status === 'answered') return accept();
      if (q.status !== 'visible') return refuse(ErrorCode.conflict, 'Approve the question before marking it answered.');
      return accept({ type: 'qa.answered', questionId: q.id });
    }
    case 'qa:merge': {
      if (!can(state, actor, { kind: 'qa.moderate' })) return forbidden();
      const { questionId, intoId } = command.payload;
      const from = qa.byId[questionId];
      const into = qa.byId[intoId];
      if (!from || !into) return noQuestion();
      if (from.id === into.id || into.mergedInto || from.mergedInto) {
        return refuse(ErrorCode.conflict, 'Merge a question into a different question that is not merged itself.');
      }
      const voters = [...new Set([...into.voters, ...from.voters])];
      return accept({ type: 'qa.merged', questionId, intoId, voters, votes: voters.length });
    }
    case 'qa:configure': {
      if (!can(state, actor, { kind: 'qa.moderate' })) return forbidden();
      return accept({ type: 'qa.configured', settings: command.payload.settings });
    }
  }
}
