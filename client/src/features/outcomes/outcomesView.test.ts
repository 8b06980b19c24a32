import { describe, expect, it } from 'vitest';
import { applyEvents, defaultSettings, demoDefinition, projectState, type DomainEvent, type Participant, type WorkplanInput, type WorkshopState } from '@plenary/shared';
import { filterInputs, matrixOf, missingOf, noFilter, ownOwner, proposerOf } from './outcomesView';

const names: Record<string, string> = { PK: 'Pakistan', AF: 'Afghanistan', NP: 'Nepal' };
const countryName = (code: string) => names[code] ?? code;

const person = (id: string, name: string, country: string): Participant => ({
  id,
  name,
  role: 'participant',
  affiliation: { kind: 'country', country, delegation: 'capital' },
  language: 'en',
  joinedAt: 1,
  removed: false,
});

const input = (id: string, over: Partial<WorkplanInput>): WorkplanInput => ({
  id,
  owner: { kind: 'country', country: 'PK' },
  objective: 'legislation',
  action: 'Review the law',
  lead: '',
  partners: '',
  timeframe: null,
  priority: 'medium',
  status: 'proposed',
  source: null,
  author: 'bilal',
  createdAt: 1,
  updatedAt: 1,
  mergedInto: null,
  mergedFrom: [],
  ...over,
});

/** A workshop with two delegates and four inputs (one dropped, one merged into another). */
function workshop(attribution: 'named' | 'country' | 'anonymous'): WorkshopState {
  let seq = 0;
  const e = (body: object) => ({ ...body, seq: ++seq, at: seq }) as DomainEvent;
  return applyEvents(null, [
    e({ type: 'workshop.created', workshopId: 'w1', joinCode: 'ABCDEF', definition: demoDefinition, settings: { ...defaultSettings, attribution } }),
    e({ type: 'participant.joined', participant: person('bilal', 'Bilal Rashid', 'PK') }),
    e({ type: 'participant.joined', participant: person('amina', 'Amina Karimi', 'AF') }),
    e({ type: 'input.proposed', input: input('i1', { action: 'Amend the TIP act', priority: 'low', createdAt: 1 }) }),
    e({ type: 'input.proposed', input: input('i2', { owner: { kind: 'country', country: 'AF' }, objective: 'children', author: 'amina', action: 'Child-friendly interview rooms', priority: 'high', createdAt: 2 }) }),
    e({ type: 'input.proposed', input: input('i3', { action: 'Dropped idea', createdAt: 3 }) }),
    e({ type: 'input.proposed', input: input('i4', { action: 'Amend the TIP act (duplicate)', createdAt: 4 }) }),
    e({ type: 'input.statusSet', inputId: 'i3', status: 'dropped' }),
    e({ type: 'input.merged', inputIds: ['i4'], intoId: 'i1' }),
  ])!;
}

describe('outcome views', () => {
  it('filter by status, objective, owner and words, and sort', () => {
    const s = workshop('country');
    expect(filterInputs(s, noFilter, 'newest').map((i) => i.id)).toEqual(['i2', 'i1']);
    expect(filterInputs(s, { ...noFilter, status: 'all' }, 'oldest').map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
    expect(filterInputs(s, { ...noFilter, status: 'dropped' }, 'newest').map((i) => i.id)).toEqual(['i3']);
    expect(filterInputs(s, { ...noFilter, objective: 'children' }, 'newest').map((i) => i.id)).toEqual(['i2']);
    expect(filterInputs(s, { ...noFilter, owner: 'country:PK' }, 'newest').map((i) => i.id)).toEqual(['i1']);
    expect(filterInputs(s, { ...noFilter, search: 'interview ROOMS' }, 'newest').map((i) => i.id)).toEqual(['i2']);
    expect(filterInputs(s, noFilter, 'priority').map((i) => i.id)).toEqual(['i2', 'i1']);
  });

  it('count inputs per country and objective, leaving out dropped and merged ones, and say what is missing', () => {
    const s = workshop('country');
    const m = matrixOf(s, filterInputs(s, { ...noFilter, status: 'all' }, 'newest'), countryName);
    const col = (id: string) => s.definition.objectives.findIndex((o) => o.id === id);
    const pk = m.rows.find((r) => r.key === 'country:PK')!;
    expect(pk.counts[col('legislation')]).toBe(1);
    expect(pk.total).toBe(1);
    expect(m.rows.find((r) => r.key === 'country:AF')!.counts[col('children')]).toBe(1);
    expect(m.rows.filter((r) => r.key.startsWith('country:'))).toHaveLength(s.definition.countries.length);
    expect(m.total).toBe(2);
    expect(m.totals.reduce((a, b) => a + b, 0)).toBe(2);
    const missing = missingOf(s, countryName);
    expect(missing.owners).toContain('Nepal');
    expect(missing.owners).not.toContain('Pakistan');
    expect(missing.objectives).toEqual(['Strategy & policy', 'Capability', 'Cooperation', 'Victim protection']);
  });

  it('show who proposed an input only as attribution allows, and people their own', () => {
    const named = workshop('named');
    const i2 = named.outcomes.byId.i2!;
    expect(proposerOf(named, i2, 'bilal', countryName)).toEqual({ name: 'Amina Karimi' });
    expect(proposerOf(named, i2, 'amina', countryName)).toEqual({ you: true });
    expect(proposerOf(workshop('country'), i2, 'bilal', countryName)).toEqual({ name: 'Afghanistan' });
    expect(proposerOf(workshop('anonymous'), i2, 'bilal', countryName)).toBeNull();
    // A participant's own state never holds others' authors.
    const seenByBilal = projectState(named, { participantId: 'bilal', role: 'participant' });
    expect(proposerOf(seenByBilal, seenByBilal.outcomes.byId.i2!, 'bilal', countryName)).toBeNull();
    expect(ownOwner(named.participants.amina)).toEqual({ kind: 'country', country: 'AF' });
  });
});
