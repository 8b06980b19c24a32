import { describe, expect, it } from 'vitest';
import { demoDefinition } from './demo.js';
import { WorkshopDefinition } from './model.js';

describe('the demo workshop', () => {
  it('is a valid workshop definition', () => {
    expect(WorkshopDefinition.safeParse(demoDefinition).success).toBe(true);
  });

  it('has the 13 first-phase and 5 second-phase countries of the concept note, Pakistan in both', () => {
    const phase1 = demoDefinition.countries.filter((c) => c.phases.includes(1)).map((c) => c.code);
    const phase2 = demoDefinition.countries.filter((c) => c.phases.includes(2)).map((c) => c.code);
    expect(phase1.sort()).toEqual(['BR', 'BY', 'CO', 'EG', 'KG', 'LA', 'MA', 'ML', 'NE', 'NP', 'PK', 'UA', 'ZA']);
    expect(phase2.sort()).toEqual(['AF', 'BD', 'IQ', 'IR', 'PK']);
  });

  it('has six objectives, six goals, and the partner organisations', () => {
    expect(demoDefinition.objectives).toHaveLength(6);
    expect(demoDefinition.goals).toHaveLength(6);
    expect(demoDefinition.organisations.map((o) => o.short)).toEqual(['UNODC', 'IOM', 'UNICEF', 'EU']);
    expect(demoDefinition.timeZone).toBe('Europe/Vienna');
    expect(demoDefinition.days.map((d) => d.date)).toEqual(['2019-05-20', '2019-05-21']);
  });
});
