import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { projectEvent, projectState } from '../project.js';

function ask(w: TestWorkshop, actor: ReturnType<TestWorkshop['join']>, text: string, identity: 'named' | 'country' | 'anonymous' = 'named') {
  const d = w.run({ type: 'qa:ask', payload: { text, identity } }, actor);
  if (!d.ok || d.events[0]?.type !== 'qa.asked') throw new Error(d.ok ? 'no event' : d.refusal.message);
  return d.events[0].questionId;
}

describe('questions', () => {
  it('wait for approval, then are visible to all; one upvote per participant', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('Amina', 'participant', 'AF');
    const b = w.join('Boris', 'participant', 'BY');
    const q = ask(w, a, 'How do we share data across borders?');
    expect(w.state.qa.byId[q]?.status).toBe('pending');
    expect(projectState(w.state, { participantId: b.participantId, role: 'participant' }).qa.byId[q]).toBeUndefined();
    expect(projectState(w.state, { participantId: a.participantId, role: 'participant' }).qa.byId[q]?.status).toBe('pending');
    expect(w.run({ type: 'qa:upvote', payload: { questionId: q } }, b)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    w.run({ type: 'qa:approve', payload: { questionId: q } }, f);
    expect(w.run({ type: 'qa:upvote', payload: { questionId: q } }, b).ok).toBe(true);
    expect(w.run({ type: 'qa:upvote', payload: { questionId: q } }, b)).toMatchObject({ ok: false, refusal: { message: 'You already upvoted this question.' } });
    w.run({ type: 'qa:upvote', payload: { questionId: q } }, f);
    expect(w.state.qa.byId[q]?.votes).toBe(2);
    w.run({ type: 'qa:answer', payload: { questionId: q } }, f);
    expect(w.state.qa.byId[q]?.status).toBe('answered');
  });

  it('hide the asker of an anonymous question from everyone, facilitators included', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('Amina', 'participant', 'AF');
    const q = ask(w, a, 'Are shelters available for men?', 'anonymous');
    const stored = w.state.qa.byId[q]!;
    expect(stored.asker).not.toContain(a.participantId);
    expect(JSON.stringify(w.log)).not.toContain(`"asker":"${a.participantId}"`);
    w.run({ type: 'qa:approve', payload: { questionId: q } }, f);
    const seen = projectState(w.state, { participantId: f.participantId, role: 'participant' }).qa.byId[q]!;
    expect(seen.asker).toBe('');
  });

  it('show a country-only asker as their country, and each participant only their own upvote', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('Amina', 'participant', 'AF');
    const b = w.join('Boris', 'participant', 'BY');
    const q = ask(w, a, 'Which mechanisms work for children?', 'country');
    w.run({ type: 'qa:approve', payload: { questionId: q } }, f);
    w.run({ type: 'qa:upvote', payload: { questionId: q } }, a);
    const upvote = w.run({ type: 'qa:upvote', payload: { questionId: q } }, b);
    const event = upvote.ok ? w.log.at(-1)! : null;
    expect(projectEvent(event!, { participantId: a.participantId, role: 'participant' })).toMatchObject({ voter: '' });
    expect(projectEvent(event!, { participantId: b.participantId, role: 'participant' })).toMatchObject({ voter: b.participantId });
    const forB = projectState(w.state, { participantId: b.participantId, role: 'participant' }).qa.byId[q]!;
    expect(forB).toMatchObject({ asker: '', affiliation: 'AF', votes: 2, voters: [b.participantId] });
  });

  it('merge duplicates, adding up distinct upvotes', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    const b = w.join('B');
    const q1 = ask(w, a, 'Funding for shelters?');
    const q2 = ask(w, b, 'Who funds shelters?');
    for (const q of [q1, q2]) w.run({ type: 'qa:approve', payload: { questionId: q } }, f);
    w.run({ type: 'qa:upvote', payload: { questionId: q1 } }, b);
    w.run({ type: 'qa:upvote', payload: { questionId: q2 } }, b);
    w.run({ type: 'qa:upvote', payload: { questionId: q2 } }, a);
    w.run({ type: 'qa:merge', payload: { questionId: q2, intoId: q1 } }, f);
    expect(w.state.qa.byId[q1]?.votes).toBe(2);
    expect(w.state.qa.byId[q2]?.mergedInto).toBe(q1);
    expect(w.run({ type: 'qa:merge', payload: { questionId: q1, intoId: q1 } }, f).ok).toBe(false);
  });

  it('refuse observers, closed Q&A, disallowed identities and moderation by participants', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    const o = w.join('O', 'observer');
    expect(w.run({ type: 'qa:ask', payload: { text: 'Hi?', identity: 'named' } }, o)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    const q = ask(w, a, 'Hi?');
    expect(w.run({ type: 'qa:approve', payload: { questionId: q } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    w.run({ type: 'qa:configure', payload: { settings: { identities: ['named'] } } }, f);
    expect(w.run({ type: 'qa:ask', payload: { text: 'Secret?', identity: 'anonymous' } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    w.run({ type: 'qa:configure', payload: { settings: { open: false } } }, f);
    expect(w.run({ type: 'qa:ask', payload: { text: 'Late?', identity: 'named' } }, a)).toMatchObject({ ok: false, refusal: { message: 'Questions are closed right now.' } });
  });
});
