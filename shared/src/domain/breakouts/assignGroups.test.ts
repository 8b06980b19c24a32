import { describe, expect, it } from 'vitest';
import { demoDefinition } from '../workshop/demo.js';
import { assignGroups, seededRandom, type Person } from './assignGroups.js';

/** A roster like the demo's: delegations of 1–5 people from its countries, plus the organisations. */
function roster(size: number, seed: number): Person[] {
  const random = seededRandom(seed);
  const countries = demoDefinition.countries;
  const orgs = demoDefinition.organisations.map((o) => o.id);
  const langs = ['en', 'fr', 'ru', 'ar', 'fa', 'es', 'pt'];
  return Array.from({ length: size }, (_, i) => {
    if (random() < 0.1) return { id: `p${i}`, affiliation: orgs[Math.floor(random() * orgs.length)]!, phases: [], language: 'en' };
    const c = countries[Math.floor(random() * countries.length)]!;
    return { id: `p${i}`, affiliation: c.code, phases: c.phases, language: langs[Math.floor(random() * langs.length)]! };
  });
}

const sizesOf = (groups: string[][]) => groups.map((g) => g.length);

describe('assigning breakout groups', () => {
  it('is deterministic for a seed, and different for another seed', () => {
    const people = roster(40, 1);
    const a = assignGroups(people, { method: 'balanced', groups: 5, seed: 7 });
    expect(assignGroups(people, { method: 'balanced', groups: 5, seed: 7 })).toEqual(a);
    expect(assignGroups(people, { method: 'balanced', groups: 5, seed: 8 }).groups).not.toEqual(a.groups);
    const r = assignGroups(people, { method: 'random', groups: 5, seed: 7 });
    expect(assignGroups(people, { method: 'random', groups: 5, seed: 7 })).toEqual(r);
  });

  it('places everyone exactly once, with group sizes within one of each other, for 10 to 300 people', () => {
    for (const size of [10, 11, 37, 60, 150, 300]) {
      for (const groups of [2, 3, 7, 12]) {
        for (const method of ['random', 'balanced'] as const) {
          const people = roster(size, size * groups);
          const a = assignGroups(people, { method, groups, seed: size });
          const placed = a.groups.flat();
          expect(placed.sort()).toEqual(people.map((p) => p.id).sort());
          expect(Math.max(...sizesOf(a.groups)) - Math.min(...sizesOf(a.groups))).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('mixes both phases in every group and spreads delegations, whenever the roster allows it', () => {
    for (const size of [10, 24, 60, 150, 300]) {
      for (const k of [2, 4, 6, 10]) {
        const people = roster(size, size + k);
        const a = assignGroups(people, { method: 'balanced', groups: k, seed: 3 });
        const byId = new Map(people.map((p) => [p.id, p]));
        const phase2 = people.filter((p) => p.phases.includes(2)).length;
        const phase1 = people.filter((p) => p.phases.includes(1)).length;
        a.groups.forEach((ids, g) => {
          const members = ids.map((id) => byId.get(id)!);
          if (phase2 >= k) expect(members.some((m) => m.phases.includes(2)), `size ${size}, k ${k}, group ${g}: phase 2`).toBe(true);
          if (phase1 >= k) expect(members.some((m) => m.phases.includes(1)), `size ${size}, k ${k}, group ${g}: phase 1`).toBe(true);
          // No delegation has more people in one group than an even spread needs.
          const counts = new Map<string, number>();
          for (const m of members) if (m.affiliation) counts.set(m.affiliation, (counts.get(m.affiliation) ?? 0) + 1);
          for (const [aff, n] of counts) {
            const total = people.filter((p) => p.affiliation === aff).length;
            expect(n, `size ${size}, k ${k}, ${aff}`).toBeLessThanOrEqual(Math.ceil(total / k));
          }
        });
        // What it reports unmet is exactly what the groups show.
        for (const u of a.unmet) if (u.kind === 'phaseMissing') expect(u.phase === 2 ? phase2 < k : phase1 < k).toBe(true);
      }
    }
  });

  it('reports impossible constraints instead of failing', () => {
    const people: Person[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `pk${i}`, affiliation: 'PK', phases: [1, 2] as (1 | 2)[], language: 'en' })),
      { id: 'ua', affiliation: 'UA', phases: [1], language: 'ru' },
      { id: 'by', affiliation: 'BY', phases: [1], language: 'ru' },
    ];
    const a = assignGroups(people, { method: 'balanced', groups: 3, seed: 1 });
    expect(a.groups.flat()).toHaveLength(7);
    expect(a.unmet.some((u) => u.kind === 'sameAffiliation' && u.affiliation === 'PK')).toBe(true);
    const one = assignGroups([{ id: 'x', affiliation: 'AF', phases: [2], language: 'fa' }], { method: 'balanced', groups: 4, seed: 1 });
    expect(one.groups).toEqual([['x']]);
    expect(one.unmet).toEqual([]); // no first-phase person exists, so none is missing
  });

  it('keeps a language together in each group when asked, and says where it could not', () => {
    const people = roster(60, 11);
    const a = assignGroups(people, { method: 'balanced', groups: 7, seed: 5, byLanguage: true });
    expect(a.groups.flat().sort()).toEqual(people.map((p) => p.id).sort());
    const byId = new Map(people.map((p) => [p.id, p]));
    const mixed = a.groups.filter((g) => new Set(g.map((id) => byId.get(id)!.language)).size > 1).length;
    expect(mixed).toBe(a.unmet.filter((u) => u.kind === 'mixedLanguages').length);
    expect(mixed).toBeLessThanOrEqual(1);
  });
});
