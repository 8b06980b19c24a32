/** Decisions on the core commands: joining, people, settings, the agenda's current item. */
import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { Limits } from '../../protocol/limits.js';
import { can } from '../access/can.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import type { Affiliation, Participant, WorkshopDefinition } from './model.js';
import { daysBetween, firstDateOf, shiftDate } from './reschedule.js';

export type CoreCommand = CommandOf<'participant'> | CommandOf<'workshop'> | CommandOf<'facilitator'>;

export function decideWorkshop(state: WorkshopState, command: CoreCommand, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'participant:join': {
      const { name, affiliation, language, role } = command.payload;
      if (!state.settings.joinOpen) return refuse(ErrorCode.forbidden, 'This workshop is not accepting new participants.');
      if (role === 'observer' && !state.settings.allowObservers) {
        return refuse(ErrorCode.forbidden, 'This workshop does not admit observers.');
      }
      const problem = affiliationProblem(state.definition, affiliation);
      if (problem) return refuse(ErrorCode.invalid, problem);
      if (Object.keys(state.participants).length >= Limits.participantsPerWorkshop) {
        return refuse(ErrorCode.conflict, 'This workshop is full.');
      }
      return accept({ type: 'participant.joined', participant: newParticipant(ctx, name, role, affiliation, language) });
    }
    case 'facilitator:enter': {
      const { name, language } = command.payload;
      return accept({
        type: 'participant.joined',
        participant: newParticipant(ctx, name, 'facilitator', { kind: 'none' }, language),
      });
    }
    case 'participant:rename': {
      const { participantId, name } = command.payload;
      const target = state.participants[participantId];
      if (!target || target.removed) return refuse(ErrorCode.notFound, 'No such participant.');
      if (!can(state, ctx.actor, { kind: 'participant.rename', participantId })) return forbidden();
      if (target.name === name) return accept();
      return accept({ type: 'participant.renamed', participantId, name });
    }
    case 'participant:setLanguage': {
      const actor = ctx.actor;
      if (!actor || !can(state, actor, { kind: 'participant.setLanguage' })) return forbidden();
      if (state.participants[actor.participantId]?.language === command.payload.language) return accept();
      return accept({ type: 'participant.languageSet', participantId: actor.participantId, language: command.payload.language });
    }
    case 'participant:remove': {
      const { participantId } = command.payload;
      const target = state.participants[participantId];
      if (!can(state, ctx.actor, { kind: 'participant.remove', participantId })) {
        return ctx.actor?.participantId === participantId
          ? refuse(ErrorCode.forbidden, 'You cannot remove yourself.')
          : forbidden();
      }
      if (!target) return refuse(ErrorCode.notFound, 'No such participant.');
      if (target.removed) return refuse(ErrorCode.conflict, 'This participant was already removed.');
      return accept({ type: 'participant.removed', participantId, ...(ctx.actor ? { by: ctx.actor.participantId } : {}) });
    }
    case 'participant:setRole': {
      const { participantId, role } = command.payload;
      if (!can(state, ctx.actor, { kind: 'participant.setRole', participantId })) return forbidden();
      const target = state.participants[participantId];
      if (!target || target.removed || target.role === 'projector') return refuse(ErrorCode.notFound, 'No such participant.');
      if (target.role === role) return accept();
      const facilitators = Object.values(state.participants).filter((p) => !p.removed && p.role === 'facilitator');
      if (target.role === 'facilitator' && facilitators.length === 1) {
        return refuse(ErrorCode.conflict, 'A workshop needs at least one facilitator.');
      }
      return accept({ type: 'participant.roleSet', participantId, role });
    }
    case 'workshop:updateSettings': {
      if (!can(state, ctx.actor, { kind: 'workshop.updateSettings' })) return forbidden();
      const changed = Object.fromEntries(
        Object.entries(command.payload.settings).filter(
          ([k, v]) => v !== undefined && state.settings[k as keyof typeof state.settings] !== v,
        ),
      );
      if (Object.keys(changed).length === 0) return accept();
      return accept({ type: 'workshop.settingsUpdated', settings: changed });
    }
    case 'workshop:reschedule': {
      if (!can(state, ctx.actor, { kind: 'workshop.updateSettings' })) return forbidden();
      const first = firstDateOf(state.definition);
      if (first === null) return refuse(ErrorCode.conflict, 'This workshop has no days to move.');
      const { firstDate } = command.payload;
      const shift = daysBetween(first, firstDate);
      if (shift === 0) return accept();
      const last = state.definition.days.reduce((max, d) => (d.date > max ? d.date : max), first);
      if (shiftDate(last, shift) > '2099-12-31') return refuse(ErrorCode.invalid, 'The last day would fall after 2099.');
      return accept({ type: 'workshop.rescheduled', shiftDays: shift, firstDate });
    }
  }
}

/** A new member of the workshop, as joining and opening a projector create them. */
export function newParticipant(
  ctx: DecideContext,
  name: string,
  role: Participant['role'],
  affiliation: Affiliation,
  language: Participant['language'],
): Participant {
  return { id: ctx.newId(), name, role, affiliation, language, joinedAt: ctx.now, removed: false };
}

/** Why an affiliation does not fit the workshop, or null when it does. */
export function affiliationProblem(def: WorkshopDefinition, a: Affiliation): string | null {
  if (a.kind === 'country' && !def.countries.some((c) => c.code === a.country)) {
    return 'That country does not take part in this workshop.';
  }
  if (a.kind === 'organisation' && !def.organisations.some((o) => o.id === a.organisation)) {
    return 'That organisation does not take part in this workshop.';
  }
  return null;
}
