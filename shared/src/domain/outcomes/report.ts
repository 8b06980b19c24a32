/**
 * The workshop report as data: what the Word, HTML and Markdown renderers
 * (server/src/areas/outcomes) lay out, in the workshop's language. Built from
 * the state alone (plus what the server reads beside it: when agenda items
 * were run, and the chosen boards' pictures), so every format says the same.
 *
 * The workshop's attribution setting holds everywhere in it: people are
 * named only when it is `named`; `country` shows the country or organisation
 * they represent; `anonymous` shows neither. Counts are always shown.
 */
import type { DomainEvent } from '../../protocol/events.js';
import { timeZoneOffset } from '../agenda/time.js';
import { toClock } from '../agenda/retime.js';
import { pollOptions, pollsInOrder, type PollKind } from '../polls/model.js';
import { tallyPoll, type ResultBody } from '../polls/tally.js';
import type { WorkshopState } from '../state.js';
import type { Round } from '../breakouts/model.js';
import { spaceKey } from '../discussions/model.js';
import type { ActivityStep, AgendaItem, AgendaItemKind, Participant, Phase, WorkshopSettings } from '../workshop/model.js';
import { liveInputs, ownerKey, timeframeText, type InputSourceKind, type InputStatus, type Priority, type WorkplanInput } from './model.js';

export type Attribution = WorkshopSettings['attribution'];

export interface ReportAgendaItem {
  id: string;
  start: string;
  end: string;
  title: string;
  kind: AgendaItemKind;
  speaker: string | null;
  /** When the facilitator started it ("HH:MM", venue time), or null if it was never made current. */
  startedAt: string | null;
  /** The steps run on it, in the order they were run (each run once more if run again); steps never run are not here. */
  steps: ReportStep[];
}

/**
 * What a step that ran did, and on what, resolved against the workshop (a
 * board's title, a poll's question, a round's title, a timer's minutes, a
 * message): the renderers put it into words in the report's language.
 */
export type ReportStepAction =
  | { kind: 'showBoard'; board: string }
  | { kind: 'launchPoll'; question: string }
  | { kind: 'startRound'; round: string }
  | { kind: 'startTimer'; minutes: number; label: string }
  | { kind: 'openQa'; bring: boolean }
  | { kind: 'showMessage'; text: string }
  | { kind: 'bringEveryone'; place: { kind: 'home' } | { kind: 'questions' } | { kind: 'board'; board: string } };

export type ReportStep = ReportStepAction & {
  stepId: string;
  /** When it was run ("HH:MM", venue time), or null where the report was built without the log. */
  at: string | null;
};

/** One run of a step, from the log (see `agendaStepRuns`). */
export interface StepRun {
  stepId: string;
  at: number;
}

export interface ReportAttendanceRow {
  /** `country:NP`, `organisation:iom`, or `none`. */
  key: string;
  label: string;
  phases: Phase[];
  count: number;
  /** Names, only when attribution is `named`. */
  names: string[] | null;
}

export interface ReportChartRow {
  label: string;
  value: number;
  /** A share (0–1) where the figure has one. */
  share: number | null;
}

export interface ReportPoll {
  id: string;
  question: string;
  kind: PollKind;
  status: 'open' | 'closed';
  anonymous: boolean;
  countBy: 'person' | 'country';
  received: number;
  counted: number;
  /** What the chart's values are. */
  unit: 'votes' | 'borda' | 'points' | 'mean' | 'words' | 'none';
  chart: ReportChartRow[];
  /** Scale polls: the scale's ends. */
  scale: { min: number; max: number } | null;
  /** 2×2 polls: each option's mean position. */
  matrix: { label: string; x: number | null; y: number | null; n: number }[];
  axes: { x: string; y: string } | null;
  /** Open text polls: the answers a facilitator approved. */
  answers: string[];
}

export interface ReportGroup {
  name: string;
  findings: string;
  /** The round's guiding questions, each with this group's answer as plain text ('' when none). */
  answers: { question: string; answer: string }[];
  /** The group's chat, in order, deleted messages left out; `who` as attribution allows ('' when anonymous). */
  chat: { who: string; text: string }[];
  memberCount: number;
  /** Who was in it, as attribution allows (names, or countries and organisations); null when anonymous. */
  members: string[] | null;
}

export interface ReportRound {
  id: string;
  title: string;
  prompt: string;
  groups: ReportGroup[];
}

export interface ReportInput {
  id: string;
  ownerKey: string;
  owner: string;
  objectiveId: string;
  objective: string;
  action: string;
  lead: string;
  partners: string;
  timeframe: string;
  priority: Priority;
  status: InputStatus;
  source: { kind: InputSourceKind; label: string; quote: string } | null;
  /** Who proposed it, as attribution allows; null when it may not say. */
  proposedBy: string | null;
}

export interface ReportBoard {
  id: string;
  title: string;
  /** The board drawn as an SVG document. */
  svg: string;
  width: number;
  height: number;
  /** The board's notes and cards as text (Markdown lists them). */
  texts: string[];
}

export interface Report {
  language: string;
  attribution: Attribution;
  title: string;
  subtitle: string | null;
  venue: string;
  timeZone: string;
  firstDate: string | null;
  lastDate: string | null;
  generatedAt: number;
  goals: string[];
  objectives: { id: string; short: string; title: string }[];
  agenda: { date: string; title: string | null; items: ReportAgendaItem[] }[];
  attendance: {
    total: number;
    facilitators: number;
    observers: number;
    byCountry: ReportAttendanceRow[];
    byOrganisation: ReportAttendanceRow[];
    unaffiliated: ReportAttendanceRow | null;
  };
  polls: ReportPoll[];
  rounds: ReportRound[];
  boards: ReportBoard[];
  inputs: {
    /** Inputs in the report: not merged into another, not dropped. */
    all: ReportInput[];
    dropped: number;
    byOwner: { key: string; label: string; inputs: ReportInput[] }[];
    byObjective: { id: string; label: string; inputs: ReportInput[] }[];
    /** Rows: every country of the workshop, then organisations with inputs; columns: objectives. */
    matrix: { key: string; label: string; counts: number[]; total: number }[];
    missing: { owners: { key: string; label: string }[]; objectives: { id: string; label: string }[] };
  };
}

export interface ReportContext {
  /** The language of the report (the workshop's). */
  language: string;
  /** A country's name in that language. */
  countryName: (code: string) => string;
  /** When each agenda item was started (see `agendaStarts`). */
  started: Record<string, number>;
  /**
   * Each agenda item's steps as they were run, with when (see
   * `agendaStepRuns`). Without it the state's record of steps run gives the
   * same order, without times.
   */
  stepRuns?: Record<string, StepRun[]>;
  /** The chosen boards, drawn (the server reads their documents). */
  boards: ReportBoard[];
  /** Each group's answers to its round's guiding questions, as plain text, by group id and question id (the server reads the answers documents). */
  answers?: Record<string, Record<string, string>>;
  now: number;
}

/** When each agenda item was first made current, from a workshop's log. */
export function agendaStarts(events: Iterable<DomainEvent>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) if (e.type === 'agenda.currentSet' && e.itemId !== null && !(e.itemId in out)) out[e.itemId] = e.at;
  return out;
}

/** Each agenda item's steps in the order they were run, with when, from a workshop's log. */
export function agendaStepRuns(events: Iterable<DomainEvent>): Record<string, StepRun[]> {
  const out: Record<string, StepRun[]> = {};
  for (const e of events) if (e.type === 'agenda.stepRun') (out[e.itemId] ??= []).push({ stepId: e.stepId, at: e.at });
  return out;
}

/** Who someone is, as the attribution setting allows: their name, what they represent, or nothing. */
export function attributionOf(p: Participant | undefined, attribution: Attribution, state: WorkshopState, countryName: (code: string) => string): string | null {
  if (!p || attribution === 'anonymous') return null;
  if (attribution === 'named') return p.name;
  return affiliationLabel(p, state, countryName);
}

function affiliationLabel(p: Participant, state: WorkshopState, countryName: (code: string) => string): string | null {
  const a = p.affiliation;
  if (a.kind === 'country') return countryName(a.country);
  if (a.kind === 'organisation') return state.definition.organisations.find((o) => o.id === a.organisation)?.short ?? a.organisation;
  return null;
}

const byLabel = <T extends { label: string }>(a: T, b: T) => a.label.localeCompare(b.label);

/** The report of a workshop as it stands. */
export function buildReport(state: WorkshopState, ctx: ReportContext): Report {
  const { definition, settings } = state;
  const attribution = settings.attribution;
  const dates = definition.days.map((d) => d.date).sort();
  return {
    language: ctx.language,
    attribution,
    title: definition.title,
    subtitle: definition.subtitle ?? null,
    venue: definition.venue,
    timeZone: definition.timeZone,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
    generatedAt: ctx.now,
    goals: definition.goals,
    objectives: definition.objectives.map((o) => ({ id: o.id, short: o.short, title: o.title })),
    agenda: definition.days.map((day) => ({
      date: day.date,
      title: day.title ?? null,
      items: day.items.map((item) => {
        const at = ctx.started[item.id];
        return {
          id: item.id,
          start: item.start,
          end: item.end,
          title: item.title,
          kind: item.kind,
          speaker: item.speaker ?? null,
          startedAt: at === undefined ? null : wallClock(at, definition.timeZone),
          steps: stepsRunOn(state, item, ctx.stepRuns),
        };
      }),
    })),
    attendance: attendanceOf(state, ctx.countryName),
    polls: pollsOf(state),
    rounds: groupFindingsSection(state, ctx.countryName, ctx.answers ?? {}),
    boards: ctx.boards,
    inputs: inputsOverview(state, ctx.countryName),
  };
}

/**
 * The steps run on an item, in the order they ran, each told as it did its
 * work. A step run and since removed from the item is left out: nothing
 * says any more what it was.
 */
function stepsRunOn(state: WorkshopState, item: AgendaItem, stepRuns: ReportContext['stepRuns']): ReportStep[] {
  const runs: { stepId: string; at: number | null }[] = stepRuns?.[item.id] ?? (state.run.stepsRun[item.id] ?? []).map((stepId) => ({ stepId, at: null }));
  return runs.flatMap((run) => {
    const step = item.steps?.find((s) => s.id === run.stepId);
    if (!step) return [];
    return [{ ...stepAction(state, step), stepId: step.id, at: run.at === null ? null : wallClock(run.at, state.definition.timeZone) }];
  });
}

/** What a step does and on what, as the workshop has it: the board or poll it made or showed, else what the step or the definition prepared. */
function stepAction(state: WorkshopState, step: ActivityStep): ReportStepAction {
  const boardTitle = (ref: string) =>
    (state.boards.byId[ref] ?? Object.values(state.boards.byId).find((b) => b.source === ref))?.title ?? state.definition.boards?.find((b) => b.id === ref)?.title ?? '';
  switch (step.kind) {
    case 'showBoard': {
      const ref = step.boardId ?? step.id;
      return { kind: 'showBoard', board: boardTitle(ref) || (step.board?.title ?? '') };
    }
    case 'launchPoll': {
      const ref = step.pollId ?? step.id;
      const poll = state.polls.byId[ref] ?? Object.values(state.polls.byId).find((p) => p.source === ref);
      return { kind: 'launchPoll', question: poll?.question ?? step.poll?.question ?? state.definition.polls?.find((p) => p.id === ref)?.question ?? '' };
    }
    case 'startRound':
      return { kind: 'startRound', round: step.plan?.title ?? (step.roundId ? (state.breakouts.byId[step.roundId]?.title ?? '') : '') };
    case 'startTimer':
      return { kind: 'startTimer', minutes: step.minutes, label: step.label };
    case 'openQa':
      return { kind: 'openQa', bring: step.bring };
    case 'showMessage':
      return { kind: 'showMessage', text: step.text };
    case 'bringEveryone':
      return { kind: 'bringEveryone', place: step.place.kind === 'board' ? { kind: 'board', board: boardTitle(step.place.boardId) } : step.place };
  }
}

function wallClock(instant: number, timeZone: string): string {
  const local = instant + timeZoneOffset(instant, timeZone);
  const minutes = Math.floor((((local / 60000) % 1440) + 1440) % 1440);
  return toClock(minutes);
}

/** The people who took part (not removed, not projector screens), counted by country and organisation. */
function attendanceOf(state: WorkshopState, countryName: (code: string) => string): Report['attendance'] {
  const named = state.settings.attribution === 'named';
  const people = Object.values(state.participants).filter((p) => !p.removed && p.role !== 'projector');
  const rows = new Map<string, ReportAttendanceRow>();
  const row = (key: string, label: string, phases: Phase[]) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, label, phases, count: 0, names: named ? [] : null }));
    return r;
  };
  for (const c of state.definition.countries) row(`country:${c.code}`, countryName(c.code), c.phases);
  for (const o of state.definition.organisations) row(`organisation:${o.id}`, o.short, []);
  for (const p of people) {
    const a = p.affiliation;
    const r =
      a.kind === 'country'
        ? row(`country:${a.country}`, countryName(a.country), [])
        : a.kind === 'organisation'
          ? row(`organisation:${a.organisation}`, state.definition.organisations.find((o) => o.id === a.organisation)?.short ?? a.organisation, [])
          : row('none', '', []);
    r.count += 1;
    r.names?.push(p.name);
  }
  for (const r of rows.values()) r.names?.sort((a, b) => a.localeCompare(b));
  const all = [...rows.values()];
  const none = rows.get('none');
  return {
    total: people.length,
    facilitators: people.filter((p) => p.role === 'facilitator').length,
    observers: people.filter((p) => p.role === 'observer').length,
    byCountry: all.filter((r) => r.key.startsWith('country:')).sort(byLabel),
    byOrganisation: all.filter((r) => r.key.startsWith('organisation:')).sort(byLabel),
    unaffiliated: none && none.count > 0 ? none : null,
  };
}

/** Each launched poll with its results as a chart (aggregates only: the report never lists ballots). */
function pollsOf(state: WorkshopState): ReportPoll[] {
  return pollsInOrder(state.polls)
    .filter((p) => p.status !== 'draft')
    .map((poll) => {
      const results = tallyPoll(poll, state.definition);
      const labels = new Map(pollOptions(poll.spec).map((o) => [o.id, o.label]));
      const label = (id: string) => labels.get(id) ?? id;
      const chart = chartOf(results.overall, label);
      const spec = poll.spec;
      return {
        id: poll.id,
        question: poll.question,
        kind: spec.kind,
        status: poll.status === 'open' ? 'open' : 'closed',
        anonymous: poll.settings.anonymous,
        countBy: poll.settings.countBy,
        received: results.received,
        counted: results.counted,
        ...chart,
        scale: spec.kind === 'scale' ? { min: spec.min, max: spec.max } : null,
        matrix: results.overall.kind === 'matrix' ? results.overall.options.map((o) => ({ label: label(o.id), x: o.x, y: o.y, n: o.n })) : [],
        axes: spec.kind === 'matrix' ? { x: spec.x.label, y: spec.y.label } : null,
        answers: results.overall.kind === 'text' ? results.overall.answers.map((a) => a.text) : [],
      };
    });
}

function chartOf(body: ResultBody, label: (id: string) => string): { unit: ReportPoll['unit']; chart: ReportChartRow[] } {
  switch (body.kind) {
    case 'choice':
      return { unit: 'votes', chart: body.options.map((o) => ({ label: label(o.id), value: o.count, share: o.share })) };
    case 'ranking':
      return { unit: 'borda', chart: [...body.options].sort((a, b) => a.place - b.place).map((o) => ({ label: label(o.id), value: o.score, share: null })) };
    case 'points':
      return { unit: 'points', chart: [...body.options].sort((a, b) => a.place - b.place).map((o) => ({ label: label(o.id), value: o.total, share: o.share })) };
    case 'scale':
      return { unit: 'mean', chart: body.options.map((o) => ({ label: label(o.id), value: o.mean ?? 0, share: null })) };
    case 'words':
      return { unit: 'words', chart: body.words.slice(0, 20).map((w) => ({ label: w.word, value: w.count, share: null })) };
    case 'matrix':
    case 'text':
      return { unit: 'none', chart: [] };
  }
}

/**
 * The groups' findings of every breakout round that ran (drafts are left
 * out): each group's name, its findings as its rapporteur wrote them, and
 * who was in it as attribution allows.
 */
export function groupFindingsSection(state: WorkshopState, countryName: (code: string) => string, answers: Record<string, Record<string, string>> = {}): ReportRound[] {
  const attribution = state.settings.attribution;
  const rounds = state.breakouts.order.map((id) => state.breakouts.byId[id]).filter((r): r is Round => r !== undefined && r.status !== 'draft');
  return rounds.map((round) => ({
    id: round.id,
    title: round.title,
    prompt: round.prompt,
    groups: round.groups.map((g) => {
      const members = Object.entries(round.members)
        .filter(([, groupId]) => groupId === g.id)
        .map(([pid]) => state.participants[pid]);
      const shown =
        attribution === 'anonymous'
          ? null
          : [...new Set(members.map((p) => attributionOf(p, attribution, state, countryName)).filter((s): s is string => !!s))].sort((a, b) =>
              a.localeCompare(b),
            );
      const questions = state.discussions.questions[round.id] ?? [];
      const chat = (state.discussions.spaces[spaceKey({ kind: 'chat', groupId: g.id })]?.messages ?? [])
        .filter((m) => !m.deleted)
        .map((m) => ({ who: attributionOf(state.participants[m.author], attribution, state, countryName) ?? '', text: m.text }));
      return {
        name: g.name,
        findings: round.findings[g.id] ?? '',
        answers: questions.map((q) => ({ question: q.text, answer: answers[g.id]?.[q.id] ?? '' })),
        chat,
        memberCount: members.length,
        members: shown,
      };
    }),
  }));
}

/** What an input's source is called in the report: the board's title, the group's name, or the poll's question. */
function sourceLabel(state: WorkshopState, input: WorkplanInput): string {
  const s = input.source;
  if (!s) return '';
  switch (s.kind) {
    case 'boardItem':
      return state.boards.byId[s.boardId]?.title ?? '';
    case 'finding': {
      const round = state.breakouts.byId[s.roundId];
      const group = round?.groups.find((g) => g.id === s.groupId);
      return [round?.title, group?.name].filter(Boolean).join(' — ');
    }
    case 'poll':
      return state.polls.byId[s.pollId]?.question ?? '';
  }
}

/** A label for whose input it is. */
export function ownerLabel(state: Pick<WorkshopState, 'definition'>, owner: WorkplanInput['owner'], countryName: (code: string) => string): string {
  return owner.kind === 'country' ? countryName(owner.country) : (state.definition.organisations.find((o) => o.id === owner.organisation)?.short ?? owner.organisation);
}

/** The inputs of the register as the report and the outcome views show them: lists by owner and objective, the matrix, what is missing. */
export function inputsOverview(state: WorkshopState, countryName: (code: string) => string): Report['inputs'] {
  const { definition, settings } = state;
  const objectives = definition.objectives;
  const live = liveInputs(state.outcomes);
  const kept = live.filter((i) => i.status !== 'dropped');
  const all: ReportInput[] = kept.map((i) => ({
    id: i.id,
    ownerKey: ownerKey(i.owner),
    owner: ownerLabel(state, i.owner, countryName),
    objectiveId: i.objective,
    objective: objectives.find((o) => o.id === i.objective)?.short ?? i.objective,
    action: i.action,
    lead: i.lead,
    partners: i.partners,
    timeframe: timeframeText(i.timeframe),
    priority: i.priority,
    status: i.status,
    source: i.source ? { kind: i.source.kind, label: sourceLabel(state, i), quote: i.source.quote } : null,
    proposedBy: attributionOf(state.participants[i.author], settings.attribution, state, countryName),
  }));
  // Agreed before proposed, then by priority, then as proposed.
  const rank = { agreed: 0, proposed: 1, dropped: 2 } as const;
  const prio = { high: 0, medium: 1, low: 2 } as const;
  const sorted = (xs: ReportInput[]) => [...xs].sort((a, b) => rank[a.status] - rank[b.status] || prio[a.priority] - prio[b.priority]);

  const owners = new Map<string, { key: string; label: string; inputs: ReportInput[] }>();
  for (const c of definition.countries) owners.set(`country:${c.code}`, { key: `country:${c.code}`, label: countryName(c.code), inputs: [] });
  for (const i of all) {
    const o = owners.get(i.ownerKey) ?? { key: i.ownerKey, label: i.owner, inputs: [] };
    o.inputs.push(i);
    owners.set(i.ownerKey, o);
  }
  const ownerRows = [...owners.values()].sort(byLabel);
  const countryRows = ownerRows.filter((o) => o.key.startsWith('country:'));
  const orgRows = ownerRows.filter((o) => !o.key.startsWith('country:') && o.inputs.length > 0);
  const matrix = [...countryRows, ...orgRows].map((o) => {
    const counts = objectives.map((obj) => o.inputs.filter((i) => i.objectiveId === obj.id).length);
    return { key: o.key, label: o.label, counts, total: o.inputs.length };
  });
  return {
    all,
    dropped: live.length - kept.length,
    byOwner: ownerRows.filter((o) => o.inputs.length > 0).map((o) => ({ ...o, inputs: sorted(o.inputs) })),
    byObjective: objectives.map((obj) => ({ id: obj.id, label: obj.short, inputs: sorted(all.filter((i) => i.objectiveId === obj.id)) })),
    matrix,
    missing: {
      owners: countryRows.filter((o) => o.inputs.length === 0).map(({ key, label }) => ({ key, label })),
      objectives: objectives.filter((obj) => !all.some((i) => i.objectiveId === obj.id)).map((o) => ({ id: o.id, label: o.short })),
    },
  };
}
