import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { activeRound } from '../breakouts/model.js';
import { roundClosingSeconds } from './decide.js';

/**
 * The demo is prepared to be run from its agenda alone: Start, Next, and the
 * steps of each item, nothing else. The server's part (finishing a round when
 * its closing countdown runs out) is played here as the server plays it.
 */
describe('the demo run from its agenda', () => {
  it('every item of both days has its steps, and every step runs, in order, with Start and Next only', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const countries = ['AF', 'PK', 'MA', 'IR', 'IQ', 'BD', 'NE', 'ZA', 'UA', 'BR', 'CO', 'ML'];
    countries.forEach((c, i) => w.join(`Delegate ${i + 1}`, 'participant', c));
    const items = w.state.definition.days.flatMap((d) => d.items);
    expect(items.filter((i) => !i.steps?.length).map((i) => i.id)).toEqual([]);

    const rounds: string[] = [];
    for (const [n, item] of items.entries()) {
      // Start, then Next: the same command, to the next item.
      expect(w.run({ type: 'agenda:setCurrent', payload: { itemId: item.id } }, f), `${n === 0 ? 'Start' : 'Next'} to ${item.id}`).toMatchObject({ ok: true });
      // Moving on from a breakout item ended its round with a countdown; the server finishes it when it runs out.
      const closing = activeRound(w.state.breakouts);
      if (closing) {
        expect(closing.status).toBe('closing');
        w.now += roundClosingSeconds * 1000 + 1;
        expect(w.run({ type: 'breakout:finish', payload: { roundId: closing.id } }, null).ok).toBe(true);
      }
      for (const step of item.steps ?? []) {
        const d = w.run({ type: 'agenda:runStep', payload: { itemId: item.id, stepId: step.id } }, f);
        expect(d, `${item.id} › ${step.id}`).toMatchObject({ ok: true });
        if (step.kind === 'startRound') {
          const round = activeRound(w.state.breakouts)!;
          expect(round.status).toBe('running');
          // Groups of about six, every delegate in one, with the round's guiding questions.
          expect(round.groups).toHaveLength(2);
          expect(Object.keys(round.members)).toHaveLength(countries.length);
          expect(w.state.discussions.questions[round.id]).toHaveLength(3);
          rounds.push(round.title);
        }
      }
      w.now += 60_000;
    }
    expect(rounds).toEqual(['Synergy maps: first- and second-phase countries', 'Patterns of movement and exploitation', 'Concrete inputs for country workplans']);
    // Every prepared poll was launched; the last item is current.
    expect(Object.values(w.state.polls.byId).map((p) => p.source).sort()).toEqual(['opening-question', 'priorities-matrix', 'priorities-points', 'priorities-ranking', 'take-home']);
    expect(w.state.run.currentItemId).toBe('d2-closing');
  });

  it('Next from a breakout item ends its running round with a closing countdown; from other items it leaves rounds alone', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    ['AF', 'PK', 'MA'].forEach((c, i) => w.join(`Delegate ${i + 1}`, 'participant', c));
    w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd2-synergies' } }, f);
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd2-synergies', stepId: 'synergies-round' } }, f);
    const d = w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd2-report-back' } }, f);
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['breakout.ending', 'agenda.currentSet']);
    expect(activeRound(w.state.breakouts)?.closingEndsAt).toBe(w.now + roundClosingSeconds * 1000);
    w.now += roundClosingSeconds * 1000;
    w.run({ type: 'breakout:finish', payload: { roundId: activeRound(w.state.breakouts)!.id } }, null);
    // A round started by hand during a plenary item runs on when the facilitator moves on.
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd2-synergies', stepId: 'synergies-round' } }, f);
    const e = w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd2-lunch' } }, f);
    expect(e.ok && e.events.map((x) => x.type)).toEqual(['agenda.currentSet']);
    expect(activeRound(w.state.breakouts)?.status).toBe('running');
  });
});
