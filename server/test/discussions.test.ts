import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { answerFragmentName, CloseCode, DiscussionsApiPath, docName, groupOf, OutcomesApiPath, SocketEvent, type DomainEvent, type SearchReply } from '@plenary/shared';
import { closeCode, command, eventually, startHarness, sync, synced, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => h?.close());

const round = { title: 'Synergies', prompt: 'p', template: null, minutes: 20, method: 'balanced', byLanguage: false, readAcross: false } as const;

async function startedRound(node: Harness) {
  const f = await node.facilitator();
  const fs = await node.socket(f.token);
  const people = await Promise.all(['AF', 'PK', 'MA', 'UA'].map((c) => node.join(`P-${c}`, { country: c })));
  await command(fs, 'breakout:create', { round, groups: [{ name: 'Group 1', topic: null, capacity: null }, { name: 'Group 2', topic: null, capacity: null }] });
  const rt = (await node.server.workshops.get(node.workshopId))!;
  const roundId = rt.state.breakouts.order[0]!;
  await command(fs, 'breakout:assign', { roundId, seed: 3 });
  expect(await command(fs, 'breakout:start', { roundId })).toMatchObject({ ok: true });
  const [a, ...rest] = people;
  const group = groupOf(rt.state.breakouts, a!.participantId)!.group;
  const mate = rest.find((p) => groupOf(rt.state.breakouts, p.participantId)!.group.id === group.id)!;
  const outsider = rest.find((p) => groupOf(rt.state.breakouts, p.participantId)!.group.id !== group.id)!;
  return { f, fs, a: a!, mate, outsider, group, roundId, rt };
}

describe('discussions over the wire', () => {
  it('send a group’s chat to its members and facilitators only, and post a resent message once', async () => {
    h = await startHarness();
    const { fs, a, mate, outsider, group, rt } = await startedRound(h);
    const [as, ms, os] = await Promise.all([h.socket(a.token), h.socket(mate.token), h.socket(outsider.token)]);
    const got = { mate: [] as DomainEvent[], outsider: [] as DomainEvent[], f: [] as DomainEvent[] };
    ms.on(SocketEvent.events, (p) => got.mate.push(...p.events));
    os.on(SocketEvent.events, (p) => got.outsider.push(...p.events));
    fs.on(SocketEvent.events, (p) => got.f.push(...p.events));
    const space = { kind: 'chat', groupId: group.id };
    expect(await command(as, 'discussion:post', { space, clientId: 'c1', text: 'our secret' })).toMatchObject({ ok: true });
    // The same message again (its ack was lost): ok, and there is still one.
    expect(await command(as, 'discussion:post', { space, clientId: 'c1', text: 'our secret' })).toMatchObject({ ok: true });
    expect(rt.state.discussions.spaces[`chat:${group.id}`]!.messages).toHaveLength(1);
    await eventually(() => got.mate.some((e) => e.type === 'discussion.posted') && got.outsider.some((e) => e.type === 'discussion.posted') && got.f.some((e) => e.type === 'discussion.posted'));
    expect(got.mate.find((e) => e.type === 'discussion.posted')).toMatchObject({ message: { text: 'our secret' } });
    expect(got.f.find((e) => e.type === 'discussion.posted')).toMatchObject({ message: { text: 'our secret' } });
    expect(got.outsider.find((e) => e.type === 'discussion.posted')).toMatchObject({ message: null });
    expect(JSON.stringify(got.outsider)).not.toContain('our secret');
    // Nor by catching up.
    const replay = await sync(os, 0);
    expect(JSON.stringify(replay)).not.toContain('our secret');
    const snapshot = await sync(os, null);
    expect(JSON.stringify(snapshot)).not.toContain('our secret');
    expect(JSON.stringify(await sync(ms, 0))).toContain('our secret');
    // The server refuses the outsider's post.
    expect(await command(os, 'discussion:post', { space, clientId: 'c2', text: 'let me in' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await command(as, 'discussion:post', { space, clientId: 'c3', text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await command(fs, 'discussion:post', { space, clientId: 'c4', text: 'Five minutes left' })).toMatchObject({ ok: true });
    expect(rt.state.discussions.spaces[`chat:${group.id}`]!.messages.map((m) => m.text)).toEqual(['our secret', 'Five minutes left']);
  });

  it('serve a group’s answers to its members only, and undo content outside the answer schema', async () => {
    h = await startHarness();
    const { a, mate, outsider, group } = await startedRound(h);
    const name = docName({ kind: 'groupAnswers', workshopId: h.workshopId, groupId: group.id });
    const stranger = h.provider(name, outsider.token);
    expect((await closeCode(stranger)).code).toBe(CloseCode.forbidden);
    const [pa, pm] = [h.provider(name, a.token), h.provider(name, mate.token)];
    await Promise.all([synced(pa), synced(pm)]);
    const frag = pa.doc.getXmlFragment(answerFragmentName('q1'));
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, 'joint investigations');
    p.insert(0, [t]);
    frag.insert(0, [p]);
    await eventually(() => pm.doc.getXmlFragment(answerFragmentName('q1')).toString().includes('joint investigations'));
    // A forged element is undone by the server, for everyone.
    const img = new Y.XmlElement('img');
    img.setAttribute('src', 'x');
    frag.insert(1, [img]);
    await eventually(() => !frag.toString().includes('<img'), 5000, 'the forged element undone');
    expect(pm.doc.getXmlFragment(answerFragmentName('q1')).toString()).not.toContain('<img');
  });

  it('put each group’s answers and chat into the report, deleted messages left out', async () => {
    h = await startHarness();
    const { fs, f, a, mate, group, roundId, rt } = await startedRound(h);
    expect(await command(fs, 'discussion:setQuestions', { roundId, questions: [{ text: 'What would you need to make it work?' }] })).toMatchObject({ ok: true });
    const q = rt.state.discussions.questions[roundId]![0]!;
    const as = await h.socket(a.token);
    const ms = await h.socket(mate.token);
    const space = { kind: 'chat', groupId: group.id };
    await command(as, 'discussion:post', { space, clientId: 'c1', text: 'Interpreters for <Dari>' });
    await command(ms, 'discussion:post', { space, clientId: 'c2', text: 'a typo' });
    const typo = rt.state.discussions.spaces[`chat:${group.id}`]!.messages[1]!;
    expect(await command(ms, 'discussion:delete', { space, messageId: typo.id })).toMatchObject({ ok: true });
    const pa = h.provider(docName({ kind: 'groupAnswers', workshopId: h.workshopId, groupId: group.id }), a.token, { saved: true });
    await synced(pa);
    const para = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Funding for translators');
    para.insert(0, [text]);
    pa.doc.getXmlFragment(answerFragmentName(q.id)).insert(0, [para]);
    const md = async () => {
      const res = await fetch(h!.url + OutcomesApiPath.report(h!.workshopId, 'md'), { headers: { authorization: `Bearer ${f.token}` } });
      return res.text();
    };
    const report = await eventually(async () => {
      const r = await md();
      return r.includes('Funding for translators') ? r : null;
    });
    expect(report).toContain('What would you need to make it work?');
    expect(report).toContain('Interpreters for \\<Dari\\>');
    expect(report).not.toContain('a typo');

    // The facilitator searches chats and answers; nobody else may.
    const search = async (q: string, token: string) => {
      const res = await fetch(h!.url + DiscussionsApiPath.search(h!.workshopId, q), { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { ok: boolean; data?: SearchReply } };
    };
    const found = await search('TRANSLATORS', f.token);
    expect(found.body.data!.hits).toMatchObject([{ kind: 'answer', groupId: group.id, question: 'What would you need to make it work?', excerpt: 'Funding for translators' }]);
    expect((await search('dari', f.token)).body.data!.hits).toMatchObject([{ kind: 'chat', author: 'P-AF', excerpt: 'Interpreters for <Dari>' }]);
    expect((await search('typo', f.token)).body.data!.hits).toEqual([]);
    expect((await search('x', f.token)).status).toBe(400);
    expect((await search('dari', a.token)).status).toBe(403);
  });
});
