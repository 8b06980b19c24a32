/**
 * Putting people into breakout groups. Pure and deterministic: the same
 * people, options and seed give the same groups.
 *
 * - `random`: a seeded shuffle, dealt round the groups.
 * - `balanced`: every group mixes first- and second-phase countries, people
 *   of one country (or organisation) are spread across groups, sizes differ
 *   by at most one, and, when asked, groups share a language. What cannot be
 *   satisfied (too few second-phase people for every group, a country with
 *   more people than groups) is reported, never a failure.
 */

export interface Person {
  id: string;
  /** Country code or organisation id: whom they represent; null for no one. */
  affiliation: string | null;
  /** Programme phases of their country (empty for organisations). */
  phases: readonly (1 | 2)[];
  language: string;
}

export type AssignMethod = 'random' | 'balanced';

export interface AssignOptions {
  method: AssignMethod;
  groups: number;
  seed: number;
  /** Balanced only: keep speakers of one language together (each group gets one language). */
  byLanguage?: boolean;
}

export type Unmet =
  | { kind: 'phaseMissing'; group: number; phase: 1 | 2 }
  | { kind: 'sameAffiliation'; group: number; affiliation: string; count: number }
  | { kind: 'mixedLanguages'; group: number; languages: string[] };

export interface Assignment {
  /** Participant ids per group, in group order. */
  groups: string[][];
  /** What the constraints asked for and the people did not allow. */
  unmet: Unmet[];
}

/** A small, fast, seeded PRNG (mulberry32): uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Assigns people to `options.groups` groups (at least 1, at most the number of people). */
export function assignGroups(people: readonly Person[], options: AssignOptions): Assignment {
  const k = Math.max(1, Math.min(options.groups, Math.max(1, people.length)));
  const random = seededRandom(options.seed);
  if (options.method === 'random') {
    const groups: string[][] = Array.from({ length: k }, () => []);
    shuffle(people, random).forEach((p, i) => groups[i % k]!.push(p.id));
    return { groups, unmet: [] };
  }
  if (options.byLanguage) return byLanguage(people, k, random);
  const groups = balanced(people, k, random);
  return { groups: groups.map((g) => g.map((p) => p.id)), unmet: unmetOf(groups, people, false) };
}

/** Balanced groups (as people), sizes within one of each other. */
function balanced(people: readonly Person[], k: number, random: () => number): Person[][] {
  const groups: Person[][] = Array.from({ length: k }, () => []);
  const capacity = Math.ceil(people.length / k);
  // Scarce phase first: whoever represents the rarer phase is placed while every group still has room.
  const count = (phase: 1 | 2) => people.filter((p) => p.phases.includes(phase)).length;
  const scarce: 1 | 2 = count(2) <= count(1) ? 2 : 1;
  const rank = (p: Person) => (p.phases.length === 0 ? 2 : p.phases.includes(scarce) ? 0 : 1);
  // Within a rank, the largest delegations first (they are hardest to spread), then a seeded order.
  const sizes = new Map<string, number>();
  for (const p of people) if (p.affiliation) sizes.set(p.affiliation, (sizes.get(p.affiliation) ?? 0) + 1);
  const order = shuffle(people, random).sort(
    (a, b) => rank(a) - rank(b) || (sizes.get(b.affiliation ?? '') ?? 0) - (sizes.get(a.affiliation ?? '') ?? 0),
  );
  for (const p of order) {
    let best = -1;
    let bestCost = Infinity;
    for (let g = 0; g < k; g++) {
      const members = groups[g]!;
      if (members.length >= capacity) continue;
      const same = p.affiliation ? members.filter((m) => m.affiliation === p.affiliation).length : 0;
      const hasPhase = (phase: 1 | 2) => members.some((m) => m.phases.includes(phase));
      const addsPhase = p.phases.some((phase) => !hasPhase(phase)) ? -3 : 0;
      // Spread delegations first, then mix phases, then keep sizes level; random breaks ties.
      const cost = same * 100 + addsPhase + members.length * 1 + random() * 0.5;
      if (cost < bestCost) {
        bestCost = cost;
        best = g;
      }
    }
    groups[best]!.push(p);
  }
  return groups;
}

/** Groups per language, in proportion to how many speak it; balanced within each language. */
function byLanguage(people: readonly Person[], k: number, random: () => number): Assignment {
  const byLang = new Map<string, Person[]>();
  for (const p of people) byLang.set(p.language, [...(byLang.get(p.language) ?? []), p]);
  const langs = [...byLang.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  // Largest-remainder share of the k groups, at least one per language while groups last.
  const shares = langs.map(([, ps]) => Math.max(1, Math.floor((ps.length / people.length) * k)));
  while (shares.reduce((a, b) => a + b, 0) > k) shares[shares.lastIndexOf(Math.max(...shares))]!--;
  let i = 0;
  while (shares.reduce((a, b) => a + b, 0) < k) shares[i++ % shares.length]!++;
  const groups: Person[][] = [];
  langs.forEach(([, ps], j) => {
    const n = shares[j]!;
    if (n > 0) groups.push(...balanced(ps, n, random));
    else groups[groups.length - 1]!.push(...ps); // more languages than groups: the smallest share a group
  });
  return { groups: groups.map((g) => g.map((p) => p.id)), unmet: unmetOf(groups, people, true) };
}

/** What the groups fail to satisfy that the people would have allowed to ask for. */
function unmetOf(groups: Person[][], people: readonly Person[], languages: boolean): Unmet[] {
  const unmet: Unmet[] = [];
  const anyPhase = (phase: 1 | 2) => people.some((p) => p.phases.includes(phase));
  groups.forEach((members, group) => {
    for (const phase of [1, 2] as const) {
      if (anyPhase(phase) && members.length > 0 && !members.some((m) => m.phases.includes(phase))) {
        unmet.push({ kind: 'phaseMissing', group, phase });
      }
    }
    const counts = new Map<string, number>();
    for (const m of members) if (m.affiliation) counts.set(m.affiliation, (counts.get(m.affiliation) ?? 0) + 1);
    for (const [affiliation, count] of counts) if (count > 1) unmet.push({ kind: 'sameAffiliation', group, affiliation, count });
    if (languages) {
      const langs = [...new Set(members.map((m) => m.language))];
      if (langs.length > 1) unmet.push({ kind: 'mixedLanguages', group, languages: langs.sort() });
    }
  });
  return unmet;
}
