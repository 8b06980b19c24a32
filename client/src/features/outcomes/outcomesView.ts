/**
 * Pure helpers of the outcome views: which inputs a filter keeps and in what
 * order, the country × objective matrix and what is missing, whose inputs a
 * person may propose, and who proposed an input as the workshop's attribution
 * setting lets this viewer see it.
 */
import {
  attributionOf,
  liveInputs,
  ownerKey,
  type InputOwner,
  type InputStatus,
  type Participant,
  type WorkplanInput,
  type WorkshopState,
} from '@plenary/shared';

export type StatusFilter = 'open' | 'all' | InputStatus;
export type SortOrder = 'newest' | 'oldest' | 'priority';

export interface InputFilter {
  status: StatusFilter;
  /** An objective id, or '' for all. */
  objective: string;
  /** An owner key (`country:NP`), or '' for all. */
  owner: string;
  search: string;
}

export const noFilter: InputFilter = { status: 'open', objective: '', owner: '', search: '' };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
const priorityRank = { high: 0, medium: 1, low: 2 } as const;

/** The register's inputs (merged ones left out) that pass the filter, in the chosen order. */
export function filterInputs(state: WorkshopState, filter: InputFilter, sort: SortOrder): WorkplanInput[] {
  const terms = fold(filter.search).split(/\s+/).filter(Boolean);
  const kept = liveInputs(state.outcomes).filter((i) => {
    if (filter.status === 'open' ? i.status === 'dropped' : filter.status !== 'all' && i.status !== filter.status) return false;
    if (filter.objective && i.objective !== filter.objective) return false;
    if (filter.owner && ownerKey(i.owner) !== filter.owner) return false;
    if (terms.length > 0) {
      const text = fold([i.action, i.lead, i.partners, i.source?.quote ?? ''].join(' '));
      if (!terms.every((t) => text.includes(t))) return false;
    }
    return true;
  });
  return kept.sort((a, b) =>
    sort === 'priority' ? priorityRank[a.priority] - priorityRank[b.priority] || b.createdAt - a.createdAt : sort === 'oldest' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt,
  );
}

/** Owners a matrix or a filter lists: every country of the workshop, then its organisations. */
export function ownersOf(state: WorkshopState, countryName: (code: string) => string): { key: string; owner: InputOwner; label: string }[] {
  return [
    ...state.definition.countries
      .map((c) => ({ key: `country:${c.code}`, owner: { kind: 'country', country: c.code } as InputOwner, label: countryName(c.code) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    ...state.definition.organisations.map((o) => ({ key: `organisation:${o.id}`, owner: { kind: 'organisation', organisation: o.id } as InputOwner, label: o.short })),
  ];
}

export interface Matrix {
  rows: { key: string; label: string; counts: number[]; total: number }[];
  totals: number[];
  total: number;
}

/**
 * Inputs per owner and objective: every country, and organisations that have
 * inputs. Dropped inputs do not count.
 */
export function matrixOf(state: WorkshopState, inputs: readonly WorkplanInput[], countryName: (code: string) => string): Matrix {
  const objectives = state.definition.objectives;
  const counted = inputs.filter((i) => i.status !== 'dropped');
  const rows = ownersOf(state, countryName)
    .map(({ key, label }) => {
      const mine = counted.filter((i) => ownerKey(i.owner) === key);
      return { key, label, counts: objectives.map((o) => mine.filter((i) => i.objective === o.id).length), total: mine.length };
    })
    .filter((r) => r.key.startsWith('country:') || r.total > 0);
  return {
    rows,
    totals: objectives.map((_, i) => rows.reduce((n, r) => n + r.counts[i]!, 0)),
    total: counted.length,
  };
}

/** Countries and objectives that have no input (dropped ones do not count). */
export function missingOf(state: WorkshopState, countryName: (code: string) => string): { owners: string[]; objectives: string[] } {
  const inputs = liveInputs(state.outcomes).filter((i) => i.status !== 'dropped');
  const owners = new Set(inputs.map((i) => ownerKey(i.owner)));
  const objectives = new Set(inputs.map((i) => i.objective));
  return {
    owners: ownersOf(state, countryName)
      .filter((o) => o.key.startsWith('country:') && !owners.has(o.key))
      .map((o) => o.label),
    objectives: state.definition.objectives.filter((o) => !objectives.has(o.id)).map((o) => o.short),
  };
}

/** What a participant proposes inputs for: their country or organisation; null if they have neither. */
export function ownOwner(me: Participant | undefined): InputOwner | null {
  const a = me?.affiliation;
  if (a?.kind === 'country') return { kind: 'country', country: a.country };
  if (a?.kind === 'organisation') return { kind: 'organisation', organisation: a.organisation };
  return null;
}

/**
 * Who proposed an input, as this viewer may see it: 'you' for their own,
 * else a name or an affiliation as the attribution setting allows, else null.
 */
export function proposerOf(state: WorkshopState, input: WorkplanInput, me: string, countryName: (code: string) => string): { you: true } | { name: string } | null {
  if (input.author !== '' && input.author === me) return { you: true };
  const name = attributionOf(state.participants[input.author], state.settings.attribution, state, countryName);
  return name ? { name } : null;
}
