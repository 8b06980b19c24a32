/**
 * The report and the CSV exports in the workshop's language, on a real
 * server: a workshop held in Arabic gets an Arabic, right-to-left Word
 * document (bidirectional paragraphs, right-to-left runs and tables, Arabic
 * as the runs' complex-script language) and HTML page (`dir="rtl"`,
 * `lang="ar"`), Arabic Markdown and Arabic CSV headers; and every one of the
 * seven languages writes its own words, in its own direction.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { languageCodes, languageDir, OutcomesApiPath, reportCatalogs, type DomainEvent, type LanguageCode, type Result } from '@plenary/shared';
import { command, startHarness, sync, type ClientSocket, type Harness } from './harness.js';

let open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

async function get(h: Harness, path: string, token: string): Promise<Uint8Array> {
  const res = await fetch(h.url + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** A small workshop: a closed poll, an agenda step run, a breakout round with findings, an agreed input. */
async function workshop(): Promise<{ h: Harness; token: string; fs: ClientSocket }> {
  const h = await startHarness();
  open.push(h);
  const f = await h.facilitator('Ilias Chatzis');
  const delegate = await h.join('Bilal Rashid', { country: 'PK' });
  const fs = await h.socket(f.token);
  const ds = await h.socket(delegate.token);
  for (const s of [fs, ds]) await sync(s, null);
  const last = async <T extends DomainEvent['type']>(type: T) =>
    (await h.server.store.readEvents(h.workshopId, 0)).filter((e) => e.type === type).at(-1) as Extract<DomainEvent, { type: T }>;

  ok(
    await command(fs, 'poll:create', {
      poll: {
        question: 'ما الهدف الذي ينبغي أن تبدأ به خطط العمل؟',
        spec: { kind: 'single', options: [{ id: 'leg', label: 'التشريع' }, { id: 'chi', label: 'Children' }] },
        settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'none' },
      },
    }),
  );
  const pollId = (await last('poll.created')).poll.id;
  ok(await command(fs, 'poll:open', { pollId }));
  ok(await command(ds, 'poll:vote', { pollId, ballot: { kind: 'single', option: 'leg' } }));
  ok(await command(fs, 'poll:close', { pollId }));
  ok(await command(fs, 'agenda:setCurrent', { itemId: 'd1-opening' }));
  ok(await command(fs, 'agenda:runStep', { itemId: 'd1-opening', stepId: 'opening-timer' }));

  ok(
    await command(fs, 'breakout:create', {
      round: { title: 'أوجه التآزر بين المرحلتين', prompt: '', template: null, minutes: 20, method: 'manual', byLanguage: false, readAcross: false },
      groups: [{ name: 'المجموعة أ', topic: null, capacity: null }],
    }),
  );
  const round = (await last('breakout.created')).round;
  const groupId = round.groups[0]!.id;
  ok(await command(fs, 'breakout:move', { roundId: round.id, participantId: delegate.participantId, groupId }));
  ok(await command(fs, 'breakout:start', { roundId: round.id }));
  ok(await command(fs, 'breakout:setFindings', { roundId: round.id, groupId, text: 'ملف قضايا مشترك على طريق أفغانستان–باكستان.' }));
  ok(await command(fs, 'breakout:end', { roundId: round.id, closingSeconds: 0 }));

  ok(
    await command(ds, 'input:propose', {
      owner: { kind: 'country', country: 'PK' },
      objective: 'cooperation',
      action: 'الاتفاق على بروتوكول تحقيق مشترك',
      lead: 'Federal Investigation Agency',
      partners: 'UNODC',
      timeframe: { kind: 'quarter', year: 2019, quarter: 3 },
      priority: 'high',
    }),
  );
  ok(await command(fs, 'input:setStatus', { inputId: (await last('input.proposed')).input.id, status: 'agreed' }));
  return { h, token: f.token, fs };
}

const setLanguage = async (fs: ClientSocket, defaultLanguage: LanguageCode) => ok(await command(fs, 'workshop:updateSettings', { settings: { defaultLanguage } }));

/** word/document.xml of a .docx, and its text (every run, in order). */
function docx(bytes: Uint8Array): { xml: string; text: string } {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return { xml, text: [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ') };
}

describe('the report in the workshop’s language', () => {
  it('in Arabic: a right-to-left .docx and .html, Markdown and CSV headers in Arabic', async () => {
    const { h, token, fs } = await workshop();
    await setLanguage(fs, 'ar');
    const ar = reportCatalogs.ar;

    const word = docx(await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), token));
    const paragraphs = [...word.xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]!);
    for (const heading of [ar.goals, ar.agenda, ar.attendance, ar.polls, ar.findings, ar.inputs]) {
      const p = paragraphs.find((x) => x.includes(`>${heading}</w:t>`));
      expect(p, heading).toMatch(/^<w:pPr><w:pStyle w:val="Heading1"\/><w:bidi\/>/);
      expect(p, heading).toMatch(/<w:rPr>.*<w:rtl\/>.*<w:lang w:val="ar-SA" w:bidi="ar-SA"\/>.*<\/w:rPr>/);
    }
    // Every paragraph of Arabic text runs right to left.
    const arabic = paragraphs.filter((p) => /<w:t[^>]*>[\u0600-\u06ff]/.test(p));
    expect(arabic.length).toBeGreaterThan(30);
    for (const p of arabic) expect(p).toContain('<w:bidi/>');
    expect(word.xml).toContain('<w:bidiVisual/>');
    expect(word.xml).toContain('w:bidi="ar-SA"');
    for (const s of [ar['status.agreed'], ar['priority.high'], 'المؤقت: 2 دقيقة', 'شارك شخصان', 'عضو واحد', 'Federal Investigation Agency', 'باكستان']) expect(word.text).toContain(s);
    expect(word.text).not.toContain('Workplan inputs');
    // A time range stays in its order inside a right-to-left cell.
    expect(word.text).toContain('\u202a14:30–14:50\u202c');

    const html = strFromU8(await get(h, OutcomesApiPath.report(h.workshopId, 'html'), token));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    for (const heading of [ar.goals, ar.agenda, ar.attendance, ar.polls, ar.findings, ar.inputs]) expect(html).toContain(`<h2>${heading}</h2>`);
    // The demo's prepared texts in their Arabic translations (shared/src/domain/workshop/demoTranslations).
    expect(html).toContain(`<title>حلقة عمل مجتمع الممارسة لمشروع GLO.ACT — ${ar.report}</title>`);
    expect(html).toContain('الكلمات الافتتاحية');
    expect(html).not.toContain('Opening remarks');
    expect(html).toContain('<ul class="steps" dir="rtl"');
    expect(html).not.toMatch(/(margin|padding|border)-(left|right)|text-align: (left|right)/);
    expect(html).not.toContain('Workplan inputs');

    const md = strFromU8(await get(h, OutcomesApiPath.report(h.workshopId, 'md'), token));
    for (const s of [`## ${ar.inputs}`, `## ${ar.findings}`, ar['status.agreed']]) expect(md).toContain(s);

    const csv = async (name: 'participants' | 'polls' | 'inputs' | 'questions') => strFromU8(await get(h, OutcomesApiPath.csv(h.workshopId, name), token)).replace(/^\ufeff/, '');
    expect((await csv('participants')).split('\r\n')[0]).toBe('الدور,البلد,الوفد,المنظمة,اللغة,وقت الانضمام');
    expect((await csv('polls')).split('\r\n')[0]).toBe('الاستطلاع,النوع,الحالة,بلا أسماء,طريقة الاحتساب,بطاقات الاقتراع الواردة,بطاقات الاقتراع المحتسبة,الخيار,المقياس,القيمة,النسبة (%)');
    expect(await csv('polls')).toContain(',نعم,صوت واحد لكل شخص,');
    expect((await csv('inputs')).split('\r\n')[0]).toMatch(/^المعرِّف,البلد أو المنظمة,الهدف,الإجراء,/);
    expect((await csv('questions')).split('\r\n')[0]).toBe('السؤال,طرحه,الحالة,التأييدات,مكرر لـ,وقت الطرح');
  });

  it('in each of the seven languages: its own words, its direction and its language tag', async () => {
    const { h, token, fs } = await workshop();
    for (const code of languageCodes) {
      await setLanguage(fs, code);
      const words = reportCatalogs[code];
      const dir = languageDir(code);
      const html = strFromU8(await get(h, OutcomesApiPath.report(h.workshopId, 'html'), token));
      expect(html, code).toContain(`<html lang="${code}" dir="${dir}">`);
      expect(html, code).toContain(`<h2>${words.inputs}</h2>`);
      const word = docx(await get(h, OutcomesApiPath.report(h.workshopId, 'docx'), token));
      expect(word.text, code).toContain(words.inputs);
      expect(word.text, code).toContain(words[`status.agreed`]);
      expect(word.xml.includes('<w:bidiVisual/>'), code).toBe(dir === 'rtl');
      const md = strFromU8(await get(h, OutcomesApiPath.report(h.workshopId, 'md'), token));
      expect(md, code).toContain(`## ${words.findings}`);
      const inputs = strFromU8(await get(h, OutcomesApiPath.csv(h.workshopId, 'inputs'), token));
      expect(inputs, code).toContain(`${words['csv.owner']},${words['csv.objective']},${words['csv.action']}`);
    }
  });
});
