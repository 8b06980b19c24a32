/** Decisions on workplan inputs and the report's settings. */
import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can } from '../access/can.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import { pollOptions } from '../polls/model.js';
import type { WorkshopState } from '../state.js';
import type { Round } from '../breakouts/model.js';
import { OutcomeLimits, type InputFields, type InputSource, type WorkplanInput } from './model.js';
import { outcomePrefixes } from './protocol.js';

export type OutcomesCommand = CommandOf<'input'> | CommandOf<'report'>;

/** Whether a command or event name prefix belongs to outcomes. */
export function isOutcomesPrefix(prefix: string): boolean {
  return (outcomePrefixes as readonly string[]).includes(prefix);
}

const noInput = () => refuse(ErrorCode.notFound, 'No such input.');

export function decideOutcomes(state: WorkshopState, command: OutcomesCommand, ctx: DecideContext): Decision {
  const slice = state.outcomes;
  const actor = ctx.actor;
  switch (command.type) {
    case 'input:propose': {
      const { source, ...fields } = command.payload;
      if (!actor || !can(state, actor, { kind: 'input.propose', owner: fields.owner })) {
        return refuse(ErrorCode.forbidden, 'You can propose inputs for your own country or organisation only.');
      }
      if (slice.order.length >= OutcomeLimits.inputsPerWorkshop) return refuse(ErrorCode.conflict, 'This workshop has too many inputs.');
      const problem = fieldsProblem(state, fields) ?? (source ? sourceProblem(state, source, actor.role === 'facilitator') : null);
      if (problem) return problem;
      const input: WorkplanInput = {
        id: ctx.newId(),
        ...fields,
        status: 'proposed',
        source,
        author: actor.participantId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        mergedInto: null,
        mergedFrom: [],
      };
      return accept({ type: 'input.proposed', input });
    }
    case 'input:update': {
      const { inputId, fields } = command.payload;
      const input = slice.byId[inputId];
      if (!input || input.mergedInto) return noInput();
      if (!can(state, actor, { kind: 'input.edit', inputId })) {
        return refuse(ErrorCode.forbidden, 'You can edit your own inputs only, until a facilitator agrees or drops them.');
      }
      if (fields.owner && !can(state, actor, { kind: 'input.propose', owner: fields.owner })) {
        return refuse(ErrorCode.forbidden, 'You can propose inputs for your own country or organisation only.');
      }
      const problem = fieldsProblem(state, fields);
      if (problem) return problem;
      const changed = Object.fromEntries(
        Object.entries(fields).filter(([k, v]) => JSON.stringify(input[k as keyof InputFields]) !== JSON.stringify(v)),
      ) as Partial<InputFields>;
      if (Object.keys(changed).length === 0) return accept();
      return accept({ type: 'input.updated', inputId, fields: changed });
    }
    case 'input:merge': {
      if (!can(state, actor, { kind: 'input.manage' })) return forbidden();
      const { inputIds, intoId } = command.payload;
      const into = slice.byId[intoId];
      if (!into || into.mergedInto) return noInput();
      const ids = [...new Set(inputIds)];
      if (ids.includes(intoId)) return refuse(ErrorCode.conflict, 'An input cannot be merged into itself.');
      for (const id of ids) {
        const from = slice.byId[id];
        if (!from) return noInput();
        if (from.mergedInto) return refuse(ErrorCode.conflict, 'That input is already merged into another.');
      }
      return accept({ type: 'input.merged', inputIds: ids, intoId });
    }
    case 'input:setStatus': {
      if (!can(state, actor, { kind: 'input.manage' })) return forbidden();
      const { inputId, status } = command.payload;
      const input = slice.byId[inputId];
      if (!input || input.mergedInto) return noInput();
      if (input.status === status) return accept();
      return accept({ type: 'input.statusSet', inputId, status });
    }
    case 'input:delete': {
      const { inputId } = command.payload;
      const input = slice.byId[inputId];
      if (!input) return noInput();
      if (!can(state, actor, { kind: 'input.edit', inputId })) {
        return refuse(ErrorCode.forbidden, 'You can delete your own inputs only, until a facilitator agrees or drops them.');
      }
      if (input.mergedFrom.some((id) => slice.byId[id])) {
        return refuse(ErrorCode.conflict, 'Other inputs were merged into this one; edit it instead, or drop it.');
      }
      return accept({ type: 'input.deleted', inputId });
    }
    case 'report:configure': {
      if (!can(state, actor, { kind: 'input.manage' })) return forbidden();
      const { boardIds } = command.payload;
      if (boardIds.some((id) => !(id in state.boards.byId))) return refuse(ErrorCode.notFound, 'No such board.');
      if (JSON.stringify(boardIds) === JSON.stringify(slice.report.boardIds)) return accept();
      return accept({ type: 'report.configured', boardIds });
    }
  }
}

function fieldsProblem(state: WorkshopState, fields: Partial<InputFields>): Decision | null {
  const { definition } = state;
  if (fields.objective !== undefined && !definition.objectives.some((o) => o.id === fields.objective)) {
    return refuse(ErrorCode.invalid, 'Choose one of the workshop’s objectives.');
  }
  const owner = fields.owner;
  if (owner?.kind === 'country' && !definition.countries.some((c) => c.code === owner.country)) {
    return refuse(ErrorCode.invalid, 'This country does not take part in the workshop.');
  }
  if (owner?.kind === 'organisation' && !definition.organisations.some((o) => o.id === owner.organisation)) {
    return refuse(ErrorCode.invalid, 'This organisation does not take part in the workshop.');
  }
  return null;
}

/** Why an input cannot come from this source, or null. A participant may cite only what they can see. */
function sourceProblem(state: WorkshopState, source: InputSource, isFacilitator: boolean): Decision | null {
  switch (source.kind) {
    case 'boardItem':
      return source.boardId in state.boards.byId ? null : refuse(ErrorCode.notFound, 'No such board.');
    case 'poll': {
      const poll = state.polls.byId[source.pollId];
      if (!poll || (poll.status === 'draft' && !isFacilitator)) return refuse(ErrorCode.notFound, 'No such poll.');
      if (source.optionId !== null && !pollOptions(poll.spec).some((o) => o.id === source.optionId)) {
        return refuse(ErrorCode.notFound, 'The poll has no such option.');
      }
      return null;
    }
    case 'finding': {
      const round = breakoutRound(state, source.roundId);
      if (!round || !round.groups.some((g) => g.id === source.groupId)) return refuse(ErrorCode.notFound, 'No such group.');
      return null;
    }
  }
}

function breakoutRound(state: WorkshopState, roundId: string): Round | undefined {
  return state.breakouts.byId[roundId];
}
