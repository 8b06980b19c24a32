/** Decisions on breakout rounds. */
import type { CommandOf } from '../../protocol/commands.js';
import type { DomainEventBody } from '../../protocol/events.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can } from '../access/can.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import type { Participant } from '../workshop/model.js';
import { assignGroups, type Person } from './assignGroups.js';
import { BoardLimits } from '../boards/model.js';
import { activeRound, BreakoutLimits, roundTransitions, type Group, type Round, type RoundStatus } from './model.js';

const noRound = () => refuse(ErrorCode.notFound, 'No such breakout round.');
const noGroup = () => refuse(ErrorCode.notFound, 'No such group in this round.');

/** A participant as the assignment sees them. */
export function personOf(p: Participant, state: WorkshopState): Person {
  const a = p.affiliation;
  const affiliation = a.kind === 'country' ? a.country : a.kind === 'organisation' ? a.organisation : null;
  const phases = a.kind === 'country' ? (state.definition.countries.find((c) => c.code === a.country)?.phases ?? []) : [];
  return { id: p.id, affiliation, phases, language: p.language };
}

/** Who goes into groups: participants still in the workshop (not facilitators, observers or projectors). */
export function groupable(state: WorkshopState): Participant[] {
  return Object.values(state.participants).filter((p) => !p.removed && p.role === 'participant');
}

function canMove(status: RoundStatus): boolean {
  return status === 'draft' || status === 'running';
}

export function decideBreakouts(state: WorkshopState, command: CommandOf<'breakout'>, ctx: DecideContext): Decision {
  const actor = ctx.actor;
  const manage = can(state, actor, { kind: 'breakout.manage' });
  if (command.type === 'breakout:create') {
    if (!manage) return forbidden();
    if (state.breakouts.order.length >= BreakoutLimits.rounds) return refuse(ErrorCode.conflict, 'This workshop has too many rounds.');
    const { round, groups } = command.payload;
    return accept({
      type: 'breakout.created',
      round: newRound(ctx.newId(), round, groups.map((g) => ({ ...g, id: ctx.newId() }))),
    });
  }
  const round = state.breakouts.byId[command.payload.roundId];
  if (!round) return noRound();
  const roundId = round.id;
  const group = (id: string): Group | undefined => round.groups.find((g) => g.id === id);

  switch (command.type) {
    case 'breakout:update': {
      if (!manage) return forbidden();
      if (round.status === 'closed') return refuse(ErrorCode.conflict, 'This round is closed; run it again instead.');
      const { round: fields, groups } = command.payload;
      if (groups && round.status !== 'draft') return refuse(ErrorCode.conflict, 'Groups can change only before the round starts.');
      if (round.status !== 'draft' && (fields.method !== undefined || fields.byLanguage !== undefined || fields.template !== undefined)) {
        return refuse(ErrorCode.conflict, 'How groups are made and their boards can change only before the round starts.');
      }
      // Keep the ids (and members) of groups that stay; new ones get new ids.
      const nextGroups = groups?.map((g, i) => ({ ...g, id: round.groups[i]?.id ?? ctx.newId() }));
      return accept({ type: 'breakout.updated', roundId, round: fields, ...(nextGroups ? { groups: nextGroups } : {}) });
    }
    case 'breakout:delete':
      if (!manage) return forbidden();
      if (round.status === 'running' || round.status === 'closing') return refuse(ErrorCode.conflict, 'End the round before deleting it.');
      return accept({ type: 'breakout.deleted', roundId });
    case 'breakout:assign': {
      if (!manage) return forbidden();
      if (round.status !== 'draft') return refuse(ErrorCode.conflict, 'Groups are assigned before the round starts; move people one by one now.');
      if (round.method !== 'random' && round.method !== 'balanced') {
        return refuse(ErrorCode.conflict, 'This round’s groups are made by topic choice, by hand or from a list.');
      }
      const people = groupable(state);
      if (people.length === 0) return refuse(ErrorCode.conflict, 'No participants to put into groups yet.');
      const a = assignGroups(
        people.map((p) => personOf(p, state)),
        { method: round.method, groups: round.groups.length, seed: command.payload.seed, byLanguage: round.byLanguage },
      );
      const members: Record<string, string> = {};
      a.groups.forEach((ids, i) => ids.forEach((id) => (members[id] = round.groups[i]!.id)));
      return accept({ type: 'breakout.assigned', roundId, members, unmet: a.unmet });
    }
    case 'breakout:move': {
      if (!manage) return forbidden();
      const { participantId, groupId } = command.payload;
      if (!canMove(round.status)) return refuse(ErrorCode.conflict, 'This round is over; nobody can be moved into it.');
      const p = state.participants[participantId];
      if (!p || p.removed || p.role !== 'participant') return refuse(ErrorCode.notFound, 'No such participant.');
      if (groupId !== null && !group(groupId)) return noGroup();
      if ((round.members[participantId] ?? null) === groupId) return accept();
      return accept({ type: 'breakout.moved', roundId, participantId, groupId });
    }
    case 'breakout:import': {
      if (!manage) return forbidden();
      if (round.status !== 'draft') return refuse(ErrorCode.conflict, 'Import groups before the round starts.');
      const byName = new Map<string, string[]>();
      for (const p of groupable(state)) {
        const key = p.name.trim().toLocaleLowerCase();
        byName.set(key, [...(byName.get(key) ?? []), p.id]);
      }
      const members: Record<string, string> = {};
      const unknown: string[] = [];
      const ambiguous: string[] = [];
      const badGroups: string[] = [];
      for (const row of command.payload.rows) {
        const ids = byName.get(row.name.toLocaleLowerCase()) ?? [];
        const target =
          round.groups.find((g) => g.name.toLocaleLowerCase() === row.group.toLocaleLowerCase()) ??
          (/^\d+$/.test(row.group) ? round.groups[Number(row.group) - 1] : undefined);
        if (ids.length === 0) unknown.push(row.name);
        else if (ids.length > 1) ambiguous.push(row.name);
        if (!target) badGroups.push(row.group);
        if (ids.length === 1 && target) members[ids[0]!] = target.id;
      }
      const problems = [
        unknown.length ? `No participant named: ${unknown.join(', ')}.` : '',
        ambiguous.length ? `More than one participant named: ${ambiguous.join(', ')}.` : '',
        badGroups.length ? `No such group: ${[...new Set(badGroups)].join(', ')}.` : '',
      ].filter(Boolean);
      if (problems.length > 0) return refuse(ErrorCode.invalid, `${problems.join(' ')} Nothing was imported.`);
      return accept({ type: 'breakout.assigned', roundId, members, unmet: [] });
    }
    case 'breakout:choose': {
      if (!actor || !can(state, actor, { kind: 'breakout.choose' })) return forbidden();
      if (round.method !== 'topic') return refuse(ErrorCode.forbidden, 'In this round the facilitator makes the groups.');
      if (!canMove(round.status)) return refuse(ErrorCode.conflict, 'This round is over.');
      const target = group(command.payload.groupId);
      if (!target) return noGroup();
      if (round.members[actor.participantId] === target.id) return accept();
      const count = Object.values(round.members).filter((g) => g === target.id).length;
      if (target.capacity !== null && count >= target.capacity) return refuse(ErrorCode.conflict, 'This group is full; choose another.');
      return accept({ type: 'breakout.moved', roundId, participantId: actor.participantId, groupId: target.id });
    }
    case 'breakout:start': {
      if (!manage) return forbidden();
      if (!roundTransitions[round.status].includes('running')) return refuse(ErrorCode.conflict, 'Only a planned round can start.');
      if (activeRound(state.breakouts)) return refuse(ErrorCode.conflict, 'Another round is running; end it first.');
      const present = groupable(state).filter((p) => p.id in round.members);
      if (present.length === 0) return refuse(ErrorCode.conflict, 'Nobody is in a group yet; assign people first.');
      const empty = round.method === 'topic' ? [] : round.groups.filter((g) => !present.some((p) => round.members[p.id] === g.id));
      if (empty.length > 0) {
        return refuse(ErrorCode.conflict, `Nobody is in ${empty.map((g) => g.name).join(', ')}; assign people or remove the group.`);
      }
      // Each group gets its own board from the round's template, written by its members.
      const template = round.template;
      const boards: DomainEventBody[] =
        template === null
          ? []
          : round.groups.map((g) => ({
              type: 'board.created' as const,
              boardId: ctx.newId(),
              title: `${round.title} — ${g.name}`.slice(0, 200),
              template,
              createdBy: actor!.participantId,
              scope: { kind: 'group' as const, roundId, groupId: g.id },
            }));
      if (state.boards.order.length + boards.length > BoardLimits.boardsPerWorkshop) {
        return refuse(ErrorCode.conflict, 'This workshop has too many boards for one more per group.');
      }
      return accept(...boards, { type: 'breakout.started', roundId, endsAt: ctx.now + round.minutes * 60_000 });
    }
    case 'breakout:extend': {
      if (!manage) return forbidden();
      if (round.status !== 'running' || round.endsAt === null) return refuse(ErrorCode.conflict, 'Only a running round can be extended.');
      const from = Math.max(round.endsAt, ctx.now);
      return accept({ type: 'breakout.extended', roundId, endsAt: from + command.payload.minutes * 60_000 });
    }
    case 'breakout:end': {
      if (!manage) return forbidden();
      if (round.status !== 'running') return refuse(ErrorCode.conflict, 'Only a running round can end.');
      const { closingSeconds } = command.payload;
      if (closingSeconds === 0) return accept({ type: 'breakout.closed', roundId });
      return accept({ type: 'breakout.ending', roundId, closingEndsAt: ctx.now + closingSeconds * 1000 });
    }
    case 'breakout:finish': {
      // The server finishes a round when its closing countdown runs out; a facilitator may do it sooner.
      const due = round.closingEndsAt !== null && ctx.now >= round.closingEndsAt;
      if (!manage && !(actor === null && due)) return forbidden();
      if (round.status !== 'closing') return round.status === 'closed' ? accept() : refuse(ErrorCode.conflict, 'This round is not closing.');
      return accept({ type: 'breakout.closed', roundId });
    }
    case 'breakout:broadcast':
      if (!manage) return forbidden();
      if (round.status !== 'running' && round.status !== 'closing') return refuse(ErrorCode.conflict, 'The round is not running.');
      return accept({ type: 'breakout.broadcast', roundId, broadcastId: ctx.newId(), text: command.payload.text });
    case 'breakout:help': {
      if (!actor || round.status !== 'running') return refuse(ErrorCode.conflict, 'The round is not running.');
      const groupId = round.members[actor.participantId];
      if (!groupId) return forbidden();
      const open = round.help.filter((h) => h.groupId === groupId && !h.resolved);
      if (open.length >= BreakoutLimits.helpOpenPerGroup) return refuse(ErrorCode.conflict, 'Your group already asked; a facilitator is on the way.');
      return accept({ type: 'breakout.helpRequested', roundId, requestId: ctx.newId(), groupId, by: actor.participantId });
    }
    case 'breakout:resolveHelp': {
      if (!manage) return forbidden();
      const req = round.help.find((h) => h.id === command.payload.requestId);
      if (!req) return refuse(ErrorCode.notFound, 'No such request.');
      if (req.resolved) return accept();
      return accept({ type: 'breakout.helpResolved', roundId, requestId: req.id });
    }
    case 'breakout:setRapporteur': {
      const { groupId, participantId } = command.payload;
      if (!group(groupId)) return noGroup();
      const memberOfGroup = actor !== null && round.members[actor.participantId] === groupId;
      if (!manage && !memberOfGroup) return forbidden();
      if (round.members[participantId] !== groupId) return refuse(ErrorCode.invalid, 'The rapporteur must be a member of the group.');
      if (round.rapporteurs[groupId] === participantId) return accept();
      return accept({ type: 'breakout.rapporteurSet', roundId, groupId, participantId });
    }
    case 'breakout:setFindings': {
      const { groupId, text } = command.payload;
      if (!group(groupId)) return noGroup();
      const isRapporteur = actor !== null && round.rapporteurs[groupId] === actor.participantId;
      if (!manage && !isRapporteur) return refuse(ErrorCode.forbidden, 'Only the group’s rapporteur or a facilitator writes the findings.');
      if (round.status === 'draft') return refuse(ErrorCode.conflict, 'The round has not started.');
      if ((round.findings[groupId] ?? '') === text) return accept();
      return accept({ type: 'breakout.findingsSet', roundId, groupId, text });
    }
    case 'breakout:rerun': {
      if (!manage) return forbidden();
      if (round.status !== 'closed') return refuse(ErrorCode.conflict, 'Run a round again once it is closed.');
      const { id: _id, groups, ...rest } = round;
      const fields = { title: rest.title, prompt: rest.prompt, template: rest.template, minutes: rest.minutes, method: rest.method, byLanguage: rest.byLanguage, readAcross: rest.readAcross };
      return accept({ type: 'breakout.created', round: newRound(ctx.newId(), fields, groups.map((g) => ({ ...g, id: ctx.newId() }))) });
    }
  }
}

function newRound(id: string, fields: Pick<Round, 'title' | 'prompt' | 'template' | 'minutes' | 'method' | 'byLanguage' | 'readAcross'>, groups: Group[]): Round {
  return {
    id,
    ...fields,
    groups,
    members: {},
    unmet: [],
    status: 'draft',
    startedAt: null,
    endsAt: null,
    closingEndsAt: null,
    rapporteurs: {},
    findings: {},
    help: [],
    broadcasts: [],
  };
}

/**
 * A latecomer joining while a round runs is placed by the round's rule: into
 * the smallest group, preferring one without their delegation (random and
 * balanced rounds; topic rounds let them choose; manual and imported ones
 * wait for the facilitator).
 */
export function placeLatecomer(state: WorkshopState, participantId: string): DomainEventBody[] {
  const round = activeRound(state.breakouts);
  const p = state.participants[participantId];
  if (!round || !p || p.role !== 'participant' || participantId in round.members) return [];
  if (round.method !== 'random' && round.method !== 'balanced') return [];
  const me = personOf(p, state);
  let best: Group | null = null;
  let bestCost = Infinity;
  for (const g of round.groups) {
    const members = Object.entries(round.members).filter(([, gid]) => gid === g.id).map(([id]) => state.participants[id]);
    const same = round.method === 'balanced' ? members.filter((m) => m && personOf(m, state).affiliation === me.affiliation && me.affiliation !== null).length : 0;
    const cost = members.length + same * 0.5;
    if (cost < bestCost) {
      bestCost = cost;
      best = g;
    }
  }
  return best ? [{ type: 'breakout.moved', roundId: round.id, participantId, groupId: best.id }] : [];
}
