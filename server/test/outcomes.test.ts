/**
 * Outcomes on a real server: a scripted workshop (a named poll, a board with
 * notes, a breakout round with findings, inputs from three sources), its
 * report opened and read (.docx unzipped, word/document.xml parsed; HTML;
 * Markdown), the CSV exports, an archive restored on a second server (and on
 * PostgreSQL), and a workshop deleted on two nodes until nothing of it remains.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardDoc,
  CloseCode,
  docName,
  OutcomesApiPath,
  SocketEvent,
  type DomainEvent,
  type JoinReply,
  type Result,
  type RestoredWorkshop,
  type WorkshopState,
} from '@plenary/shared';
import { PostgresStore } from '../src/store/postgres/PostgresStore.js';
import { RedisBus } from '../src/bus/redis/RedisBus.js';
import { closeCode, command, eventually, startHarness, sync, synced, tempDir, type ClientSocket, type Harness } from './harness.js';

const dbUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let open: Harness[] = [];
let schemas: string[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
  for (const schema of schemas) {
    const s = await PostgresStore.open(dbUrl, { schema });
    await s.dropSchema(schema);
    await s.close();
  }
  schemas = [];
});

async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  open.push(h);
  return h;
}

const names = { bilal: 'Bilal Rashid', amina: 'Amina Karimi', facilitator: 'Ilias Chatzis' };
const texts = {
  poll: 'Which objective should the workplans start with?',
  finding: 'Joint investigations along the Afghanistan–Pakistan route need a shared case file.',
  note: 'Child-friendly interview rooms in every border province',
  fromFinding: 'Agree a joint investigation protocol with Afghanistan',
  fromNote: 'Open child-friendly interview rooms in Herat and Kandahar',
  fromPoll: 'Train prosecutors on the 2018 anti-trafficking law',
};

async function get(h: Harness, path: string, token: string) {
  const res = await fetch(h.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body: new Uint8Array(await res.arrayBuffer()) };
}

/** The text of a .docx: every run of word/document.xml, in order. */
function docxText(bytes: Uint8Array): { text: string; files: string[] } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join(' ');
  return { text, files: Object.keys(files) };
}

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

/** The scripted workshop: what a facilitator and two delegates do over Socket.IO and y-websocket. */
async function script(h: Harness) {
  const f = await h.facilitator(names.facilitator);
  const bilal = await h.join(names.bilal, { country: 'PK' });
  const amina = await h.join(names.amina, { country: 'AF' });
  const fs = await h.socket(f.token);
  const bs = await h.socket(bilal.token);
  const as = await h.socket(amina.token);
  for (const s of [fs, bs, as]) await sync(s, null);
  const state = async () => (await h.server.workshops.get(h.workshopId))!.state;
  const last = async <T extends DomainEvent['type']>(type: T) =>
    (await h.server.store.readEvents(h.workshopId, 0)).filter((e) => e.type === type).at(-1) as Extract<DomainEvent, { type: T }>;

  // A named poll, both delegates vote.
  ok(
    await command(fs, 'poll:create', {
      poll: {
        question: texts.poll,
        spec: { kind: 'single', options: [{ id: 'leg', label: 'Legislation' }, { id: 'chi', label: 'Children' }] },
        settings: { anonymous: false, results: 'live', countBy: 'person', segmentBy: 'none' },
      },
    }),
  );
  const pollId = (await last('poll.created')).poll.id;
  ok(await command(fs, 'poll:open', { pollId }));
  ok(await command(bs, 'poll:vote', { pollId, ballot: { kind: 'single', option: 'leg' } }));
  ok(await command(as, 'poll:vote', { pollId, ballot: { kind: 'single', option: 'chi' } }));
  ok(await command(fs, 'poll:close', { pollId }));

  // A board with a note, chosen for the report.
  ok(await command(fs, 'board:create', { title: 'Synergy map', template: 'blank' }));
  const boardId = (await last('board.created')).boardId;
  const boardDoc = docName({ kind: 'board', workshopId: h.workshopId, boardId });
  const p = h.provider(boardDoc, amina.token);
  await synced(p);
  new BoardDoc(p.doc).add('note1', { kind: 'note', x: 40, y: 40, w: 220, h: 140, text: texts.note, color: 'yellow', author: amina.participantId });
  await eventually(async () => (await h.server.store.loadDoc(boardDoc)).updates.length > 0, 5000, 'board stored');
  ok(await command(fs, 'report:configure', { boardIds: [boardId] }));

  // A breakout round with a finding.
  ok(
    await command(fs, 'breakout:create', {
      round: { title: 'Synergies between phases', prompt: 'Where can the phases help each other?', template: null, minutes: 20, method: 'manual', byLanguage: false, readAcross: false },
      groups: [{ name: 'Group A', topic: null, capacity: null }],
    }),
  );
  const round = (await last('breakout.created')).round;
  const groupId = round.groups[0]!.id;
  for (const who of [bilal, amina]) ok(await command(fs, 'breakout:move', { roundId: round.id, participantId: who.participantId, groupId }));
  ok(await command(fs, 'breakout:start', { roundId: round.id }));
  ok(await command(fs, 'breakout:setFindings', { roundId: round.id, groupId, text: texts.finding }));
  ok(await command(fs, 'breakout:end', { roundId: round.id, closingSeconds: 0 }));

  // Inputs of two countries, from a finding, a board note and a poll result; one agreed.
  const input = (over: object) => ({
    objective: 'cooperation',
    lead: 'Federal Investigation Agency',
    partners: 'UNODC, IOM',
    timeframe: { kind: 'quarter', year: 2019, quarter: 3 },
    priority: 'high',
    ...over,
  });
  ok(await command(bs, 'input:propose', input({ owner: { kind: 'country', country: 'PK' }, action: texts.fromFinding, source: { kind: 'finding', roundId: round.id, groupId, quote: texts.finding } })));
  const fromFinding = (await last('input.proposed')).input.id;
  ok(
    await command(as, 'input:propose', input({ owner: { kind: 'country', country: 'AF' }, objective: 'children', action: texts.fromNote, lead: 'Ministry of Labour', source: { kind: 'boardItem', boardId, itemId: 'note1', quote: texts.note } })),
  );
  ok(await command(bs, 'input:propose', input({ owner: { kind: 'country', country: 'PK' }, objective: 'legislation', action: texts.fromPoll, priority: 'medium', source: { kind: 'poll', pollId, optionId: 'leg', quote: 'Legislation' } })));
  // A delegate cannot propose for another country.
  expect(await command(bs, 'input:propose', input({ owner: { kind: 'country', country: 'AF' }, action: 'Not mine' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  ok(await command(fs, 'input:setStatus', { inputId: fromFinding, status: 'agreed' }));
  p.destroy();
  return { f, bilal, amina, fs, bs, as, state, boardId, boardDoc, pollId };
}

const setAttribution = async (fs: ClientSocket, attribution: 'named' | 'country' | 'anonymous') =>
  ok(await command(fs, 'workshop:updateSettings', { settings: { attribution } }));

describe('the workshop report', () => {
  it('as .docx holds the polls, findings, board and inputs, and names people only when attribution allows', async () => {
    const h = await harness();
    const { f, fs, bilal } = await script(h);

    // Country only (the default): no names anywhere in the document.
    const r = await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), f.token);
    expect(r.status).toBe(200);
    expect(r.type).toContain('wordprocessingml');
    expect(r.disposition).toContain('.docx');
    const { text, files } = docxText(r.body);
    for (const s of [texts.poll, 'Legislation', 'Children', texts.finding, 'Group A', texts.fromFinding, texts.fromNote, texts.fromPoll, 'Agreed', 'Federal Investigation Agency', 'Q3 2019', 'Synergy map'])
      expect(text).toContain(s);
    expect(text).toContain('Pakistan');
    expect(text).toContain('Afghanistan');
    for (const n of Object.values(names)) expect(text).not.toContain(n);
    // The poll's chart and the board, as SVG with a PNG fallback.
    expect(files.filter((x) => x.startsWith('word/media/') && x.endsWith('.svg'))).toHaveLength(2);
    expect(files.filter((x) => x.startsWith('word/media/') && x.endsWith('.png'))).toHaveLength(2);
    const boardSvg = strFromU8(unzipSync(r.body)[files.find((x) => x.endsWith('.svg') && strFromU8(unzipSync(r.body)[x]!).includes('Synergy map'))!]!);
    expect(boardSvg).toContain('Child-friendly interview');

    await setAttribution(fs, 'anonymous');
    const anon = docxText((await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), f.token)).body).text;
    expect(anon).toContain(texts.fromNote);
    for (const n of Object.values(names)) expect(anon).not.toContain(n);
    expect(anon).not.toContain('Proposed by');

    await setAttribution(fs, 'named');
    const named = docxText((await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), f.token)).body).text;
    expect(named).toContain(names.bilal);
    expect(named).toContain(names.amina);

    // In French when the workshop's language is French.
    ok(await command(fs, 'workshop:updateSettings', { settings: { defaultLanguage: 'fr' } }));
    const fr = docxText((await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), f.token)).body).text;
    expect(fr).toContain('Contributions aux plans de travail');
    expect(fr).toContain('Conclusions des groupes');
    expect(fr).toContain('Adoptée');

    // Facilitators only.
    expect((await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), bilal.token)).status).toBe(403);
    expect((await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), 'nope')).status).toBe(401);
  });

  it('as printable HTML and as Markdown says the same, escaped, with nothing loaded from elsewhere', async () => {
    const h = await harness();
    const { f, fs } = await script(h);
    ok(await command(fs, 'input:propose', { owner: { kind: 'country', country: 'NP' }, objective: 'strategy', action: '<script>alert(1)</script> | **bold**', lead: '', partners: '', timeframe: null, priority: 'low' }));
    const html = strFromU8((await get(h, OutcomesApiPath.report(h.workshopId, 'html'), f.token)).body);
    for (const s of [texts.poll, texts.finding, texts.fromNote, 'Synergy map', 'Child-friendly interview rooms', '@media print']) expect(html).toContain(s);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/(src|href)="https?:/);
    for (const n of Object.values(names)) expect(html).not.toContain(n);
    const md = strFromU8((await get(h, OutcomesApiPath.report(h.workshopId, 'md'), f.token)).body);
    for (const s of ['# GLO.ACT Community of Practice Workshop', texts.poll, texts.fromFinding, 'Child-friendly interview rooms', '## Workplan inputs']) expect(md).toContain(s);
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\> \\| \\*\\*bold\\*\\*');
  });

  it('lists under each agenda item the steps run, in the order run, with the venue time, in Word, HTML and Markdown, and in the workshop language', async () => {
    const h = await harness();
    const f = await h.facilitator(names.facilitator);
    const fs = await h.socket(f.token);
    await sync(fs, null);
    const run = async (itemId: string, stepId: string) => ok(await command(fs, 'agenda:runStep', { itemId, stepId }));
    ok(await command(fs, 'agenda:setCurrent', { itemId: 'd1-opening' }));
    // Not in the agenda's order; the opening board is never shown.
    await run('d1-opening', 'opening-poll');
    await run('d1-opening', 'welcome');
    await run('d1-opening', 'opening-timer');
    await run('d1-wrap-up', 'wrap-up-home');
    // A message a facilitator wrote, with markup in it.
    ok(await command(fs, 'agenda:addStep', { itemId: 'd1-next-phase', step: { kind: 'showMessage', text: '<b>Back</b> in *5* | [now](x)' } }));
    const added = (await h.server.store.readEvents(h.workshopId, 0)).filter((e) => e.type === 'agenda.stepAdded').at(-1);
    await run('d1-next-phase', added?.type === 'agenda.stepAdded' ? added.step.id : '');

    const poll = 'Poll launched: On which of the six objectives does your country most want to learn from others?';
    const welcome = 'Announcement: Welcome to Vienna. Join with the code on the screen to take part.';
    const timer = 'Timer: 2 min — Answer the opening question';
    const home = 'Everyone brought to the workshop home';
    const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = String.raw`\d\d:\d\d · `;

    // Word: under the item's title in its cell, each with the time it ran.
    const docx = docxText((await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), f.token)).body).text;
    expect(docx).toMatch(new RegExp(`Opening remarks ${at}${re(poll)} ${at}${re(welcome)} ${at}${re(timer)} `));
    expect(docx).toMatch(new RegExp(`Wrap-up of day 1 ${at}${re(home)} `));
    expect(docx).toContain('Announcement: <b>Back</b> in *5* | [now](x)');
    expect(docx).not.toContain('Board shown');

    // HTML: a list in the item's cell, escaped, laid out with logical properties only.
    const html = strFromU8((await get(h, OutcomesApiPath.report(h.workshopId, 'html'), f.token)).body);
    const li = (label: string) => String.raw`<li><span class="at">\d\d:\d\d</span>${re(label)}</li>`;
    expect(html).toMatch(new RegExp(`Opening remarks<ul class="steps" dir="ltr" aria-label="Steps run">${li(poll)}${li(welcome)}${li(timer)}</ul></td>`));
    expect(html).toMatch(new RegExp(li(home)));
    expect(html).toContain('Announcement: &lt;b&gt;Back&lt;/b&gt; in *5* | [now](x)</li>');
    expect(html).not.toContain('<b>Back');
    expect(html).not.toContain('Board shown');
    expect(html).not.toMatch(/(margin|padding|border)-(left|right)|text-align: (left|right)/);

    // Markdown: after the day's table, each item with its steps as a nested list, escaped.
    const md = strFromU8((await get(h, OutcomesApiPath.report(h.workshopId, 'md'), f.token)).body);
    expect(md).toMatch(new RegExp(`\\*\\*Steps run\\*\\*\n\n- 14:30–14:50 Opening remarks\n  - ${at}${re(poll)}\n  - ${at}${re(welcome)}\n  - ${at}${re(timer)}\n`));
    expect(md).toMatch(new RegExp(`- 16:20–16:30 Wrap-up of day 1\n  - ${at}${re(home)}\n`));
    expect(md).toContain('Announcement: \\<b\\>Back\\</b\\> in \\*5\\* \\| \\[now\\]\\(x\\)');
    expect(md).not.toContain('Board shown');

    // In French when the workshop's language is French: the report's words, and the demo's prepared texts in their French translations;
    // what the facilitator typed stays as typed.
    ok(await command(fs, 'workshop:updateSettings', { settings: { defaultLanguage: 'fr' } }));
    const fr = docxText((await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), f.token)).body).text;
    expect(fr).toMatch(new RegExp(`Allocutions d’ouverture ${at}Sondage lancé : Dans lequel des six objectifs votre pays souhaite-t-il le plus apprendre des autres \\?`));
    expect(fr).toContain('Minuteur : 2 min — Répondez à la question d’ouverture');
    expect(fr).toContain('Annonce : Bienvenue à Vienne.');
    expect(fr).toContain('Annonce : <b>Back</b> in *5* | [now](x)');
    expect(fr).toContain('Tout le monde amené à l’accueil de l’atelier');
    expect(fr).toContain('Protection et assistance aux victimes 0 0%');
    expect(fr).not.toContain('Poll launched');
    expect(fr).not.toContain('Opening remarks');
  });

  it('CSV exports: participants, polls, inputs and questions, attribution holding', async () => {
    const h = await harness();
    const { f, fs, bs } = await script(h);
    ok(await command(bs, 'qa:ask', { text: '=HYPERLINK("http://x") who funds shelters?', identity: 'named' }));
    const csv = async (name: 'participants' | 'polls' | 'inputs' | 'questions') => strFromU8((await get(h, OutcomesApiPath.csv(h.workshopId, name), f.token)).body);
    const raw = (await get(h, OutcomesApiPath.csv(h.workshopId, 'participants'), f.token)).body;
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const people = await csv('participants');
    expect(people).toContain('Pakistan');
    for (const n of Object.values(names)) expect(people).not.toContain(n);
    const polls = await csv('polls');
    expect(polls).toContain(texts.poll);
    expect(polls).toMatch(/Children,votes,1,50/);
    const inputs = await csv('inputs');
    for (const s of [texts.fromFinding, texts.fromNote, texts.fromPoll, 'agreed', 'board: Synergy map', `poll: ${texts.poll}`]) expect(inputs).toContain(s);
    expect(inputs).not.toContain(names.bilal);
    const questions = await csv('questions');
    expect(questions).toContain(`"'=HYPERLINK(""http://x"") who funds shelters?"`);
    expect(questions).not.toContain(names.bilal);
    await setAttribution(fs, 'named');
    expect(await csv('participants')).toContain(names.bilal);
    expect(await csv('inputs')).toContain(names.amina);
    expect(await csv('questions')).toContain(names.bilal);
  });
});

/** The state without what a restore may change (id and join code). */
const comparable = (s: WorkshopState) => JSON.parse(JSON.stringify({ ...s, id: '', joinCode: '' })) as unknown;

async function boardText(h: Harness, name: string): Promise<string[]> {
  const stored = await h.server.store.loadDoc(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return new BoardDoc(doc).all().map((i) => (i.kind === 'note' ? i.text : i.kind));
}

describe('archives', () => {
  it('restore on a second server (SQLite, then PostgreSQL) the same log, state and documents, as a working workshop', async () => {
    const a = await harness();
    const { f, state, boardId } = await script(a);
    const original = await state();
    const res = await get(a, OutcomesApiPath.archive(a.workshopId), f.token);
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/zip');
    const manifest = JSON.parse(strFromU8(unzipSync(res.body)['manifest.json']!)) as { events: { count: number }; documents: { name: string }[] };
    expect(manifest.events.count).toBe(original.seq);
    expect(manifest.documents.map((d) => d.name)).toContain(docName({ kind: 'board', workshopId: a.workshopId, boardId }));

    const restoreOn = async (b: Harness) => {
      const fb = await b.facilitator();
      const upload = await fetch(b.url + OutcomesApiPath.restore, { method: 'POST', headers: { authorization: `Bearer ${fb.token}`, 'content-type': 'application/zip' }, body: res.body });
      expect(upload.status).toBe(201);
      const restored = ok((await upload.json()) as Result<RestoredWorkshop>);
      // The second server seeded the same demo: the id clashes and changes.
      expect(restored.renamed.id).toBe(true);
      expect(restored.workshopId).not.toBe(a.workshopId);
      const runtime = (await b.server.workshops.get(restored.workshopId))!;
      expect(comparable(runtime.state)).toEqual(comparable(original));
      // The demo's prepared texts keep their translations.
      expect(runtime.state.definition.translations).toEqual(original.definition.translations);
      expect(runtime.state.definition.translations?.['Opening remarks']?.ar).toBe('الكلمات الافتتاحية');
      expect(runtime.state.seq).toBe(original.seq);
      const events = await b.server.store.readEvents(restored.workshopId, 0);
      const before = await a.server.store.readEvents(a.workshopId, 0);
      expect(events.map((e) => e.seq)).toEqual(before.map((e) => e.seq));
      expect(events.slice(1)).toEqual(before.slice(1));
      expect(await boardText(b, docName({ kind: 'board', workshopId: restored.workshopId, boardId }))).toEqual(await boardText(a, docName({ kind: 'board', workshopId: a.workshopId, boardId })));
      // It works: its facilitator key opens it, and commands go through.
      const entered = await b.post<JoinReply>(`/api/workshops/${restored.workshopId}/facilitator`, { key: restored.facilitatorKey, name: 'Restorer', language: 'en' });
      expect(entered.status).toBe(201);
      const s = await b.socket(ok(entered.body).token);
      await sync(s, null);
      ok(await command(s, 'input:propose', { owner: { kind: 'country', country: 'NP' }, objective: 'strategy', action: 'Added after the restore', lead: '', partners: '', timeframe: null, priority: 'low' }));
      expect((await b.server.workshops.get(restored.workshopId))!.state.seq).toBe(original.seq + 2);
      return restored;
    };

    await restoreOn(await harness());
    const schema = `plenary_o_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    await restoreOn(await harness({}, { store: await PostgresStore.open(dbUrl, { schema }) }));

    // A damaged archive is refused and creates nothing.
    const bad = res.body.slice();
    const at = Math.floor(bad.length / 2);
    bad[at] = bad[at]! ^ 0xff;
    const c = await harness();
    const fc = await c.facilitator();
    const refused = await fetch(c.url + OutcomesApiPath.restore, { method: 'POST', headers: { authorization: `Bearer ${fc.token}`, 'content-type': 'application/zip' }, body: bad });
    expect(refused.status).toBe(400);
    expect((await c.server.store.listWorkshops()).length).toBe(1);
  });
});

describe('deleting a workshop', () => {
  it('needs its title or code, ends every session and leaves nothing in the database (SQLite)', async () => {
    const h = await harness();
    const { f, bilal, bs, boardDoc } = await script(h);
    const p = h.provider(boardDoc, bilal.token);
    await synced(p);
    const closed = closeCode(p);
    const ended = new Promise<unknown>((resolve) => bs.once(SocketEvent.sessionEnded, resolve));
    const disconnected = new Promise<string>((resolve) => bs.once('disconnect', resolve));

    const del = (confirm: string, token = f.token) =>
      fetch(h.url + OutcomesApiPath.workshop(h.workshopId), { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm }) });
    expect((await del('the wrong title')).status).toBe(400);
    expect((await del(h.joinCode, bilal.token)).status).toBe(403);
    expect((await h.server.workshops.get(h.workshopId)) !== null).toBe(true);
    expect((await del(h.joinCode.toLowerCase())).status).toBe(200);

    expect(await ended).toEqual({ reason: 'deleted' });
    expect(await disconnected).toBe('io server disconnect');
    expect((await closed).code).toBe(CloseCode.gone);
    expect(await h.server.workshops.get(h.workshopId)).toBeNull();
    // Sessions of the deleted workshop stop working.
    expect((await get(h, '/api/session', bilal.token)).status).toBe(401);
    // The reply came after the store deleted it; this asserts absence: no late write brings any of it back.
    await new Promise((r) => setTimeout(r, 300));

    const db = new Database(join(h.dataDir, 'plenary.db'), { readonly: true });
    try {
      const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
      expect(count('SELECT COUNT(*) AS n FROM workshops WHERE id = ?', h.workshopId)).toBe(0);
      expect(count('SELECT COUNT(*) AS n FROM events WHERE workshop_id = ?', h.workshopId)).toBe(0);
      expect(count('SELECT COUNT(*) AS n FROM state_snapshots WHERE workshop_id = ?', h.workshopId)).toBe(0);
      expect(count(`SELECT COUNT(*) AS n FROM doc_updates WHERE doc LIKE 'w/' || ? || '/%'`, h.workshopId)).toBe(0);
      expect(count(`SELECT COUNT(*) AS n FROM doc_snapshots WHERE doc LIKE 'w/' || ? || '/%'`, h.workshopId)).toBe(0);
      // Nothing else holds its title or its participants' names.
      const dump = JSON.stringify([
        db.prepare('SELECT * FROM events').all(),
        db.prepare('SELECT * FROM state_snapshots').all(),
        db.prepare('SELECT * FROM workshops').all(),
      ]);
      for (const n of Object.values(names)) expect(dump).not.toContain(n);
    } finally {
      db.close();
    }
    // Nor do the database's files keep it in freed pages or in the write-ahead log.
    for (const file of ['plenary.db', 'plenary.db-wal']) {
      const bytes = readFileSync(join(h.dataDir, file), { flag: 'r' });
      for (const n of [...Object.values(names), 'Child-friendly interview']) expect(bytes.includes(n), `${file} still holds "${n}"`).toBe(false);
    }
  });

  it('on one node of two (PostgreSQL and Redis): the other node forgets it and ends its sessions too', async () => {
    const schema = `plenary_d_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const prefix = `plenary-d-${randomBytes(4).toString('hex')}:`;
    const secret = randomBytes(32).toString('hex');
    const node = async (nodeId: string) =>
      harness({ nodeId, secret }, { store: await PostgresStore.open(dbUrl, { schema }), bus: await RedisBus.connect(redisUrl, { prefix }) }, { dataDir: tempDir(), facilitatorKey: '' });
    const a = await node('node-a');
    const b = await node('node-b');
    const f = await a.facilitator();
    const amina = await b.join(names.amina, { country: 'AF' });
    const s = await b.socket(amina.token);
    await sync(s, null);
    ok(await command(s, 'input:propose', { owner: { kind: 'country', country: 'AF' }, objective: 'children', action: texts.fromNote, lead: '', partners: '', timeframe: null, priority: 'high' }));
    const p = b.provider(docName({ kind: 'notes', workshopId: b.workshopId }), amina.token);
    await synced(p);
    p.doc.getText('text').insert(0, 'notes of the room');
    await eventually(async () => (await b.server.store.listDocNames(b.workshopId)).length > 0, 5000, 'notes stored');
    const closed = closeCode(p);
    const ended = new Promise<unknown>((resolve) => s.once(SocketEvent.sessionEnded, resolve));

    const res = await fetch(a.url + OutcomesApiPath.workshop(a.workshopId), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${f.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'GLO.ACT Community of Practice Workshop' }),
    });
    expect(res.status).toBe(200);
    expect(await ended).toEqual({ reason: 'deleted' });
    expect((await closed).code).toBe(CloseCode.gone);
    expect(await b.server.workshops.get(b.workshopId)).toBeNull();
    // The reply came after the store deleted it; this asserts absence: no late write from either node brings any of it back.
    await new Promise((r) => setTimeout(r, 300));
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${schema}`);
      const count = async (sql: string) => Number((await client.query<{ n: string }>(sql, [a.workshopId])).rows[0]!.n);
      expect(await count('SELECT COUNT(*) AS n FROM workshops WHERE id = $1')).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM events WHERE workshop_id = $1')).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM state_snapshots WHERE workshop_id = $1')).toBe(0);
      expect(await count(`SELECT COUNT(*) AS n FROM doc_updates WHERE starts_with(doc, 'w/' || $1 || '/')`)).toBe(0);
      expect(await count(`SELECT COUNT(*) AS n FROM doc_snapshots WHERE starts_with(doc, 'w/' || $1 || '/')`)).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('state snapshots from before outcomes', () => {
  it('are not used: the log is replayed, so the workshop has its outcomes after a restart', async () => {
    const h = await startHarness();
    const f = await h.facilitator();
    const s = await h.socket(f.token);
    await sync(s, null);
    ok(await command(s, 'input:propose', { owner: { kind: 'country', country: 'NP' }, objective: 'strategy', action: 'Kept across the restart', lead: '', partners: '', timeframe: null, priority: 'low' }));
    const state = (await h.server.workshops.get(h.workshopId))!.state;
    // A snapshot as an older Plenary saved it: no outcomes slice.
    const old: Partial<WorkshopState> = { ...state };
    delete old.outcomes;
    await h.server.store.saveStateSnapshot(old as WorkshopState);
    const { dataDir, facilitatorKey } = h;
    await h.close();
    const again = await harness({}, {}, { dataDir, facilitatorKey });
    const restarted = (await again.server.workshops.get(again.workshopId))!.state;
    expect(restarted.seq).toBe(state.seq);
    expect(Object.values(restarted.outcomes.byId).map((i) => i.action)).toEqual(['Kept across the restart']);
  });
});
