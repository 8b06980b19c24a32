/**
 * Prepared content in every language.
 *
 * A workshop's definition may carry `translations`: a table from a prepared
 * text, exactly as it was authored (in the workshop's language), to that text
 * in other languages. A text is translated wherever it shows — an agenda
 * title, a step's message or timer label, a poll imported from the definition
 * (its question, options and axes), a round's guiding questions copied from
 * its plan, a board's lanes made from a template (which live in Yjs documents,
 * not in this state: `translatePrepared` is what the board view asks).
 *
 * Why a table of texts rather than translations on each field: prepared texts
 * are copied as they go (a prepared poll becomes a poll, a plan's questions
 * become a round's, an objective's short name becomes a lane's title in a
 * board document), and a table keyed by the text follows every copy without
 * any command, event or document carrying it. It also settles editing: what a
 * facilitator (or anyone on a board) types is a different text with no entry,
 * so everyone sees it as typed; stale translations of an edited field are
 * never shown, and come back only if the exact prepared text is restored.
 *
 * Polls a facilitator writes from scratch are never translated, even where
 * an option happens to read like a prepared text ("Children").
 *
 * Facilitators read and edit the authored texts (their console is not
 * localized); participants and observers read them in their own interface
 * language, the projector in the workshop's default language.
 */
import { z } from 'zod';
import { LanguageCode } from '../../protocol/languages.js';
import type { WorkshopState } from '../state.js';
import type { Poll, PollSpec } from '../polls/model.js';
import type { ActivityStep, AgendaItem, WorkshopDefinition } from './model.js';

/** Bounds of a definition's translation table. */
export const TranslationLimits = {
  /** Distinct prepared texts it translates. */
  texts: 400,
  /** Characters of an authored text or of one translation. */
  textLength: 2000,
  /** Characters of every key and translation together. */
  totalChars: 400_000,
} as const;

const TranslatedText = z.string().trim().min(1).max(TranslationLimits.textLength);

/** Authored text → its translations by language (any subset of the languages). */
export const PreparedTranslations = z
  .record(z.string().min(1).max(TranslationLimits.textLength), z.partialRecord(LanguageCode, TranslatedText))
  .refine((t) => Object.keys(t).length <= TranslationLimits.texts, `at most ${TranslationLimits.texts} translated texts`)
  .refine(
    (t) => Object.entries(t).reduce((n, [k, v]) => n + k.length + Object.values(v).reduce((m, s) => m + (s?.length ?? 0), 0), 0) <= TranslationLimits.totalChars,
    `translations of at most ${TranslationLimits.totalChars} characters in all`,
  );
export type PreparedTranslations = z.infer<typeof PreparedTranslations>;

/** A function that gives a text in one language: its translation if the table has one, else the text as it is. */
export type Translate = (text: string) => string;

/** How the definition's prepared texts read in `language` (texts without a translation stay as authored). */
export function translatePrepared(def: Pick<WorkshopDefinition, 'translations'>, language: LanguageCode): Translate {
  const table = def.translations;
  if (!table) return (text) => text;
  return (text) => (Object.hasOwn(table, text) ? table[text]?.[language] : undefined) ?? text;
}

const cache = new WeakMap<WorkshopState, Map<LanguageCode, WorkshopState>>();

/**
 * The state with every prepared text it holds in `language`: the agenda and
 * its steps, objectives and goals, polls, rounds and their guiding questions,
 * board titles, the timer and announcements. Participants' own words (chat,
 * findings, ballots) are untouched. The same state and language give the same
 * object (cached), and a definition without translations gives `state` itself.
 */
export function localizeState(state: WorkshopState, language: LanguageCode): WorkshopState {
  if (!state.definition.translations) return state;
  let byLanguage = cache.get(state);
  if (!byLanguage) cache.set(state, (byLanguage = new Map()));
  const hit = byLanguage.get(language);
  if (hit) return hit;
  const made = localize(state, translatePrepared(state.definition, language));
  byLanguage.set(language, made);
  return made;
}

function localize(state: WorkshopState, tr: Translate): WorkshopState {
  const mapValues = <T>(rec: Record<string, T>, f: (v: T) => T): Record<string, T> =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, f(v)]));
  return {
    ...state,
    definition: localizeDefinition(state.definition, tr),
    // Only polls that came from the preparation (imported, made by a step, or copies of those): a poll a facilitator writes stays as written.
    polls: { ...state.polls, byId: mapValues(state.polls.byId, (p) => (p.source === null ? p : localizePoll(p, tr))) },
    boards: { ...state.boards, byId: mapValues(state.boards.byId, (b) => ({ ...b, title: tr(b.title) })) },
    breakouts: { ...state.breakouts, byId: mapValues(state.breakouts.byId, (r) => ({ ...r, title: tr(r.title), prompt: tr(r.prompt) })) },
    discussions: { ...state.discussions, questions: mapValues(state.discussions.questions, (qs) => qs.map((q) => ({ ...q, text: tr(q.text) }))) },
    run: {
      ...state.run,
      timer: state.run.timer ? { ...state.run.timer, label: tr(state.run.timer.label) } : null,
      announcements: state.run.announcements.map((a) => ({ ...a, text: tr(a.text) })),
    },
  };
}

/** The definition's own texts in one language (its prepared polls are not shown to anyone but facilitators, and stay). */
function localizeDefinition(def: WorkshopDefinition, tr: Translate): WorkshopDefinition {
  return {
    ...def,
    title: tr(def.title),
    ...(def.subtitle !== undefined ? { subtitle: tr(def.subtitle) } : {}),
    venue: tr(def.venue),
    goals: def.goals.map(tr),
    objectives: def.objectives.map((o) => ({ ...o, title: tr(o.title), short: tr(o.short) })),
    days: def.days.map((d) => ({ ...d, ...(d.title !== undefined ? { title: tr(d.title) } : {}), items: d.items.map((i) => localizeItem(i, tr)) })),
    ...(def.boards ? { boards: def.boards.map((b) => ({ ...b, title: tr(b.title) })) } : {}),
  };
}

/**
 * Every text of a definition that a viewer would read translated (those of
 * its prepared polls too): what its translation table should cover.
 */
export function preparedTexts(def: WorkshopDefinition): string[] {
  const seen = new Set<string>();
  const note: Translate = (text) => {
    if (text.trim() !== '') seen.add(text);
    return text;
  };
  localizeDefinition(def, note);
  for (const p of def.polls ?? []) localizePoll(p, note);
  return [...seen];
}

function localizeItem(item: AgendaItem, tr: Translate): AgendaItem {
  return {
    ...item,
    title: tr(item.title),
    ...(item.speaker !== undefined ? { speaker: tr(item.speaker) } : {}),
    ...(item.description !== undefined ? { description: tr(item.description) } : {}),
    ...(item.steps ? { steps: item.steps.map((s) => localizeStep(s, tr)) } : {}),
  };
}

function localizeStep(step: ActivityStep, tr: Translate): ActivityStep {
  switch (step.kind) {
    case 'showMessage':
      return { ...step, text: tr(step.text) };
    case 'startTimer':
      return { ...step, label: tr(step.label) };
    case 'showBoard':
      return step.board ? { ...step, board: { ...step.board, title: tr(step.board.title) } } : step;
    case 'startRound':
      return step.plan ? { ...step, plan: { ...step.plan, title: tr(step.plan.title), questions: step.plan.questions.map(tr) } } : step;
    default:
      return step;
  }
}

/** A poll with its question, options and axis labels in one language. */
export function localizePoll<P extends Pick<Poll, 'question' | 'spec'>>(poll: P, tr: Translate): P {
  return { ...poll, question: tr(poll.question), spec: localizeSpec(poll.spec, tr) };
}

function localizeSpec(spec: PollSpec, tr: Translate): PollSpec {
  const options = 'options' in spec ? { options: spec.options.map((o) => ({ ...o, label: tr(o.label) })) } : {};
  const axis = (a: { label: string; low: string; high: string }) => ({ label: tr(a.label), low: tr(a.low), high: tr(a.high) });
  switch (spec.kind) {
    case 'matrix':
      return { ...spec, ...options, x: axis(spec.x), y: axis(spec.y) } as PollSpec;
    case 'scale':
      return {
        ...spec,
        ...options,
        ...(spec.minLabel !== undefined ? { minLabel: tr(spec.minLabel) } : {}),
        ...(spec.maxLabel !== undefined ? { maxLabel: tr(spec.maxLabel) } : {}),
      } as PollSpec;
    default:
      return { ...spec, ...options } as PollSpec;
  }
}
