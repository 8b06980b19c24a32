import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestWorkshop } from '../../testing/fixtures.js';
import type { Actor } from '../access/can.js';
import { docAccess } from '../access/docAccess.js';
import { projectEvent, projectState, publicViewer } from '../project.js';
import { answerFragmentName, answerPlainText, answerTree, checkAnswersDocument } from './answers.js';
import { DiscussionLimits, spaceKey, type SpaceRef } from './model.js';
import { PostMessage, SetQuestions } from './protocol.js';
import { excerptOf, searchDiscussions } from './search.js';

interface Setup {
  w: TestWorkshop;
  f: Actor;
  a: Actor;
  b: Actor;
  other: Actor;
  observer: Actor;
  round: string;
  g1: string;
  g2: string;
  chat: SpaceRef;
}

/** A running round of two groups: a and b in g1, other in g2. */
function setup(readAcross = false): Setup {
  const w = new TestWorkshop();
  const f = w.facilitator();
  const a = w.join('Amina', 'participant', 'AF');
  const b = w.join('Bilal', 'participant', 'PK');
  const other = w.join('Olena', 'participant', 'UA');
  const observer = w.join('Oscar', 'observer', 'MA');
  const d = w.run(
    {
      type: 'breakout:create',
      payload: {
        round: { title: 'Synergies', prompt: 'p', template: null, minutes: 30, method: 'balanced', byLanguage: false, readAcross },
        groups: [
          { name: 'Group 1', topic: null, capacity: null },
          { name: 'Group 2', topic: null, capacity: null },
        ],
      },
    },
    f,
  );
  if (!d.ok || d.events[0]?.type !== 'breakout.created') throw new Error('no round');
  const round = d.events[0].round.id;
  const [g1, g2] = w.state.breakouts.byId[round]!.groups.map((g) => g.id) as [string, string];
  for (const [p, g] of [
    [a, g1],
    [b, g1],
    [other, g2],
  ] as const) {
    const m = w.run({ type: 'breakout:move', payload: { roundId: round, participantId: p.participantId, groupId: g } }, f);
    if (!m.ok) throw new Error(m.refusal.message);
  }
  const s = w.run({ type: 'breakout:start', payload: { roundId: round } }, f);
  if (!s.ok) throw new Error(s.refusal.message);
  return { w, f, a, b, other, observer, round, g1, g2, chat: { kind: 'chat', groupId: g1 } };
}

let clientIds = 0;
const post = (s: Setup, who: Actor, text: string, clientId = `auto${++clientIds}`, space: SpaceRef = s.chat) =>
  s.w.run({ type: 'discussion:post', payload: { space, clientId, text, mentions: [] } }, who);

const messages = (s: Setup, space: SpaceRef = s.chat) => s.w.state.discussions.spaces[spaceKey(space)]?.messages ?? [];

describe('guiding questions', () => {
  it('are set in order by the facilitator, keep their ids when edited, and are refused to others and for closed rounds', () => {
    const s = setup();
    const { w, f, a, round } = s;
    expect(w.run({ type: 'discussion:setQuestions', payload: { roundId: round, questions: [{ text: 'Q1' }] } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'discussion:setQuestions', payload: { roundId: 'nope', questions: [] } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(w.run({ type: 'discussion:setQuestions', payload: { roundId: round, questions: [{ text: 'Which good practice?' }, { text: 'What would you need?' }] } }, f).ok).toBe(true);
    const [q1, q2] = w.state.discussions.questions[round]!;
    expect([q1?.text, q2?.text]).toEqual(['Which good practice?', 'What would you need?']);
    // Reordered and one edited: ids follow the questions (answers hang on them); an unknown id is replaced.
    w.run({ type: 'discussion:setQuestions', payload: { roundId: round, questions: [{ id: q2!.id, text: 'What would you need to make it work?' }, { id: q1!.id, text: q1!.text }, { id: 'forged', text: 'New' }] } }, f);
    const now = w.state.discussions.questions[round]!;
    expect(now.map((q) => q.id).slice(0, 2)).toEqual([q2!.id, q1!.id]);
    expect(now[2]!.id).not.toBe('forged');
    // The same list again is no event.
    const seq = w.state.seq;
    expect(w.run({ type: 'discussion:setQuestions', payload: { roundId: round, questions: now } }, f).ok).toBe(true);
    expect(w.state.seq).toBe(seq);
    w.run({ type: 'breakout:end', payload: { roundId: round, closingSeconds: 0 } }, f);
    w.now += 1000;
    w.run({ type: 'breakout:finish', payload: { roundId: round } }, null);
    expect(w.run({ type: 'discussion:setQuestions', payload: { roundId: round, questions: [] } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.state.discussions.questions[round]).toEqual(now);
  });

  it('refuse empty, too long and too many questions at the boundary', () => {
    expect(SetQuestions.safeParse({ roundId: 'r1', questions: [{ text: '   ' }] }).success).toBe(false);
    expect(SetQuestions.safeParse({ roundId: 'r1', questions: [{ text: 'x'.repeat(DiscussionLimits.questionLength + 1) }] }).success).toBe(false);
    expect(SetQuestions.safeParse({ roundId: 'r1', questions: Array.from({ length: DiscussionLimits.questionsPerRound + 1 }, () => ({ text: 'q' })) }).success).toBe(false);
    expect(SetQuestions.safeParse({ roundId: 'r1', questions: [{ text: 'ok' }] }).success).toBe(true);
  });
});

describe('group chat', () => {
  it('keeps messages in order with author and country, and a resent client id is not posted twice', () => {
    const s = setup();
    expect(post(s, s.a, 'hello', 'c1').ok).toBe(true);
    expect(post(s, s.b, 'we move to question 3', 'c2').ok).toBe(true);
    expect(post(s, s.f, 'five minutes left', 'c3').ok).toBe(true);
    const seq = s.w.state.seq;
    const again = post(s, s.a, 'hello', 'c1');
    expect(again).toEqual({ ok: true, events: [] });
    expect(s.w.state.seq).toBe(seq);
    expect(messages(s).map((m) => [m.text, m.author, m.affiliation])).toEqual([
      ['hello', s.a.participantId, 'AF'],
      ['we move to question 3', s.b.participantId, 'PK'],
      ['five minutes left', s.f.participantId, null],
    ]);
    // Another author's same client id is a different message.
    expect(post(s, s.b, 'hello', 'c1').ok).toBe(true);
    expect(messages(s)).toHaveLength(4);
  });

  it('refuse empty, too long and control characters at the boundary', () => {
    const space = { kind: 'chat', groupId: 'g1' };
    expect(PostMessage.safeParse({ space, clientId: 'c1', text: '  \n ' }).success).toBe(false);
    expect(PostMessage.safeParse({ space, clientId: 'c1', text: 'x'.repeat(DiscussionLimits.messageLength + 1) }).success).toBe(false);
    expect(PostMessage.safeParse({ space, clientId: 'c1', text: 'a\u0007b' }).success).toBe(false);
    expect(PostMessage.safeParse({ space, clientId: 'c1', text: 'x'.repeat(DiscussionLimits.messageLength) }).success).toBe(true);
  });

  it('tells someone posting too fast to slow down, and lets them post again after the window', () => {
    const s = setup();
    for (let i = 0; i < DiscussionLimits.ratePerWindow; i++) expect(post(s, s.a, `m${i}`).ok).toBe(true);
    const seq = s.w.state.seq;
    const refused = post(s, s.a, 'one more');
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'rate_limited' } });
    if (!refused.ok) expect(refused.refusal.message).toMatch(/slow down/);
    expect(s.w.state.seq).toBe(seq);
    // Someone else is not slowed by it.
    expect(post(s, s.b, 'me too').ok).toBe(true);
    s.w.now += DiscussionLimits.rateWindowMs + 1;
    expect(post(s, s.a, 'later').ok).toBe(true);
  });

  it('lets authors edit and delete their own within the window, and refuses the rest with nothing changed', () => {
    const s = setup();
    post(s, s.a, 'first');
    post(s, s.b, 'second');
    const [m1, m2] = messages(s);
    const edit = (who: Actor, id: string, text: string) => s.w.run({ type: 'discussion:edit', payload: { space: s.chat, messageId: id, text, mentions: [] } }, who);
    const del = (who: Actor, id: string) => s.w.run({ type: 'discussion:delete', payload: { space: s.chat, messageId: id } }, who);
    expect(edit(s.a, m1!.id, 'first, edited').ok).toBe(true);
    expect(messages(s)[0]).toMatchObject({ text: 'first, edited', editedAt: s.w.now });
    expect(edit(s.a, m2!.id, 'not mine')).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: 'You can edit only your own messages.' } });
    expect(del(s.a, m2!.id)).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: 'You can delete only your own messages.' } });
    expect(edit(s.a, 'nope', 'x')).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    s.w.now += DiscussionLimits.editWindowMs + 1;
    const seq = s.w.state.seq;
    expect(edit(s.a, m1!.id, 'too late')).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(del(s.a, m1!.id)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(s.w.state.seq).toBe(seq);
    expect(messages(s).map((m) => m.text)).toEqual(['first, edited', 'second']);
    // Facilitators may delete any message (moderation), at any time.
    expect(del(s.f, m2!.id).ok).toBe(true);
    expect(messages(s)[1]).toMatchObject({ deleted: true, text: '' });
    expect(del(s.f, m2!.id)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
  });

  it('is closed to other groups and observers on the server, and to everyone once the round is over', () => {
    const s = setup();
    expect(post(s, s.other, 'let me in')).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: 'This discussion belongs to another group.' } });
    expect(post(s, s.observer, 'hi')).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(post(s, s.a, 'x', 'c9', { kind: 'chat', groupId: 'nogroup' })).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(post(s, s.a, 'x', 'c9', { kind: 'thread', boardId: 'noboard', itemId: 'i1' })).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(messages(s)).toEqual([]);
    expect(post(s, s.a, 'secret plan').ok).toBe(true);
    const event = s.w.log.at(-1)!;
    // Someone outside the group receives the event redacted, and no space in their state.
    const outsider = { participantId: s.other.participantId, role: 'participant' as const };
    expect(projectEvent(event, outsider, s.w.state)).toMatchObject({ type: 'discussion.posted', message: null });
    expect(projectEvent(event, publicViewer, s.w.state)).toMatchObject({ message: null });
    expect(projectEvent(event, outsider)).toMatchObject({ message: null });
    expect(projectState(s.w.state, outsider).discussions.spaces).toEqual({});
    expect(JSON.stringify(projectState(s.w.state, outsider))).not.toContain('secret plan');
    const member = { participantId: s.b.participantId, role: 'participant' as const };
    expect(projectEvent(event, member, s.w.state)).toMatchObject({ message: { text: 'secret plan' } });
    expect(Object.keys(projectState(s.w.state, member).discussions.spaces)).toEqual([spaceKey(s.chat)]);
    // The answers document follows the group too.
    const answers = { kind: 'groupAnswers' as const, workshopId: s.w.state.id, groupId: s.g1 };
    expect(docAccess(s.w.state, answers, s.a.participantId)).toEqual({ read: true, write: true });
    expect(docAccess(s.w.state, answers, s.other.participantId)).toMatchObject({ read: false });
    expect(docAccess(s.w.state, answers, s.f.participantId)).toEqual({ read: true, write: true });
    // Closed: members and others read, nobody writes (the facilitator reads).
    s.w.run({ type: 'breakout:end', payload: { roundId: s.round, closingSeconds: 0 } }, s.f);
    s.w.now += 1000;
    s.w.run({ type: 'breakout:finish', payload: { roundId: s.round } }, null);
    expect(post(s, s.a, 'after')).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(post(s, s.f, 'after')).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(projectState(s.w.state, outsider).discussions.spaces[spaceKey(s.chat)]?.messages.map((m) => m.text)).toEqual(['secret plan']);
    expect(docAccess(s.w.state, answers, s.a.participantId)).toEqual({ read: true, write: false });
  });

  it('lets other groups read, not write, when the round allows reading across', () => {
    const s = setup(true);
    post(s, s.a, 'visible');
    const outsider = { participantId: s.other.participantId, role: 'participant' as const };
    expect(projectEvent(s.w.log.at(-1)!, outsider, s.w.state)).toMatchObject({ message: { text: 'visible' } });
    expect(post(s, s.other, 'but no writing')).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });

  it('shows who wrote what as the attribution setting allows; authors always see their own', () => {
    const s = setup();
    post(s, s.a, 'mine', 'cA');
    const setAttr = (attribution: 'named' | 'country' | 'anonymous') => {
      const d = s.w.run({ type: 'workshop:updateSettings', payload: { settings: { attribution } } }, s.f);
      if (!d.ok) throw new Error(d.refusal.message);
    };
    const bView = () => projectState(s.w.state, { participantId: s.b.participantId, role: 'participant' }).discussions.spaces[spaceKey(s.chat)]!.messages[0]!;
    const aView = () => projectState(s.w.state, { participantId: s.a.participantId, role: 'participant' }).discussions.spaces[spaceKey(s.chat)]!.messages[0]!;
    expect(aView()).toMatchObject({ author: s.a.participantId, clientId: 'cA' });
    setAttr('named');
    expect(bView()).toMatchObject({ author: s.a.participantId, affiliation: 'AF', clientId: '' });
    setAttr('country');
    expect(bView()).toMatchObject({ author: '', affiliation: 'AF' });
    setAttr('anonymous');
    expect(bView()).toMatchObject({ author: '', affiliation: null });
    expect(aView().author).toBe(s.a.participantId);
  });
});

describe('answers documents', () => {
  it('accept the editor schema, read back as text, and refuse anything else', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment(answerFragmentName('q1'));
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, '<img src=x onerror=alert(1)> ok');
    p.insert(0, [t]);
    frag.insert(0, [p]);
    expect(checkAnswersDocument(doc)).toBeNull();
    expect(answerPlainText(answerTree(frag))).toBe('<img src=x onerror=alert(1)> ok');
    const bad = new Y.XmlElement('img');
    bad.setAttribute('src', 'x');
    frag.insert(1, [bad]);
    expect(checkAnswersDocument(doc)).toMatchObject({ code: 'invalid' });
    const doc2 = new Y.Doc();
    doc2.getMap('items').set('x', 1);
    expect(checkAnswersDocument(doc2)).toMatchObject({ code: 'invalid' });
    const doc3 = new Y.Doc();
    const t3 = new Y.XmlText();
    t3.insert(0, 'x', { link: { href: 'javascript:alert(1)' } });
    const p3 = new Y.XmlElement('paragraph');
    p3.insert(0, [t3]);
    doc3.getXmlFragment(answerFragmentName('q2')).insert(0, [p3]);
    expect(checkAnswersDocument(doc3)).toMatchObject({ code: 'invalid' });
  });
});

describe('search', () => {
  it('finds words in chats and answers whatever their case, cuts long text around the match, and skips deleted messages', () => {
    const s = setup();
    s.w.run({ type: 'discussion:setQuestions', payload: { roundId: s.round, questions: [{ text: 'What would you need?' }] } }, s.f);
    const q = s.w.state.discussions.questions[s.round]![0]!;
    post(s, s.a, 'We need INTERPRETERS for Dari');
    post(s, s.b, 'interpreters again');
    const gone = messages(s)[1]!;
    s.w.run({ type: 'discussion:delete', payload: { space: s.chat, messageId: gone.id } }, s.b);
    const long = `${'x'.repeat(100)} funding for interpreters ${'y'.repeat(100)}`;
    const r = searchDiscussions(s.w.state, { [s.g2]: { [q.id]: long } }, 'Interpreters');
    expect(r.more).toBe(false);
    expect(r.hits.map((h) => [h.kind, h.groupId])).toEqual([
      ['chat', s.g1],
      ['answer', s.g2],
    ]);
    expect(r.hits[0]).toMatchObject({ author: 'Amina', excerpt: 'We need INTERPRETERS for Dari' });
    expect(r.hits[1]!.excerpt).toMatch(/^…x+ funding for interpreters y+…$/);
    expect(excerptOf('abc', 'zz')).toBeNull();
  });
});
