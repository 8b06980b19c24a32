/**
 * Reach: the main participant scenario in Arabic and in Russian on a 360×640 touch
 * phone (join with the code, vote in a poll, ask a question, add a note on a board),
 * with screenshots in the test output; live regions; 200 % zoom; forced colours;
 * and nothing fetched from any host but Plenary's own (its fonts included).
 */
import type { Page } from '@playwright/test';
import { createBoard } from '../fixtures/boards.js';
import { catalog, type Language } from '../fixtures/i18n.js';
import { joinWithCode } from '../fixtures/join.js';
import { FacilitatorConsole } from '../fixtures/pages.js';
import { PollsConsole } from '../fixtures/polls.js';
import { expect, test } from '../fixtures/test.js';

const phone360 = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
const question = 'Which objective first?';

/** Nothing is wider than the screen: no sideways scrolling. */
async function expectNoHorizontalOverflow(page: Page, width: number, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const clips = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    // To name the culprit: what sticks out, unless a scrolling box that positions it holds it.
    const wide = Array.from(document.querySelectorAll('body *')).filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.right <= document.documentElement.clientWidth + 1 && r.left >= -1) return false;
      if (getComputedStyle(el).position === 'absolute') return true;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (clips(p)) return false;
      return true;
    });
    return {
      scroll: document.documentElement.scrollWidth,
      wide: wide.slice(0, 5).map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} @${Math.round(r.left)}..${Math.round(r.right)}`;
      }),
    };
  });
  expect(overflow.scroll, `${where}: page wider than ${width}px (${overflow.wide.join(', ')})`).toBeLessThanOrEqual(width);
}

/** Screenshots of a long page, a phone screen at a time. */
async function screens(page: Page, path: (i: number) => string): Promise<void> {
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < h && i < 8; y += 1280, i++) {
    await page.screenshot({ path: path(i), fullPage: true, clip: { x: 0, y, width: 360, height: Math.min(1280, h - y) } });
  }
}

for (const language of ['ar', 'ru'] as Language[]) {
  test(`main participant scenario in ${language} on a 360×640 touch phone`, async ({ server, person }) => {
    const m = await catalog(language);
    const shot = (name: string) => test.info().outputPath(`${language}-${name}.png`);
    const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
    const f = facilitator.page;
    await createBoard(facilitator, 'Synergies');
    await f.goBack();
    const polls = new PollsConsole(f);
    await polls.create(question, 'Single choice', ['Legislation', 'Victim protection']);

    const ctx = await person({ ...phone360, baseURL: server.url, locale: language });
    const page = await ctx.newPage();
    const origin = new URL(server.url).origin;
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && new URL(r.url()).origin !== origin) elsewhere.push(r.url());
    });
    page.on('websocket', (ws) => {
      if (new URL(ws.url()).host !== new URL(server.url).host) elsewhere.push(ws.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e.stack ?? e)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (/\.woff2?$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname);
    });

    await joinWithCode(page, m, server.joinCode, language === 'ar' ? 'أمينة Amina' : 'Анна', shot);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    // The header is one slim row: at most 15 % of the phone's 640 px height.
    const header = (await page.locator('header.topbar').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(0.15 * 640);
    // The connection's state is a polite live region, in the reader's language.
    const connection = page.getByTestId('connection-status');
    await expect(connection).toHaveAttribute('role', 'status');
    await expect(connection).toHaveAttribute('aria-live', 'polite');
    await expect(connection).toHaveText(m['status.connected']!);
    await expectNoHorizontalOverflow(page, 360, 'home');

    // A poll opens while the participant is on the page: a live region that was already there says so.
    const pollLive = page.getByTestId('open-poll-live');
    await expect(pollLive).toHaveAttribute('role', 'status');
    await expect(pollLive).toHaveText('');
    await polls.launch(question);
    await expect(pollLive).not.toHaveText('');
    await expect(pollLive).not.toContainText('poll is open');
    // An announcement arrives in a live region that was there before it.
    const announcements = page.getByTestId('announcements-live');
    await expect(announcements).toHaveAttribute('aria-live', 'polite');
    await f.getByLabel('Announcement to everyone').fill('Coffee at 11');
    await f.getByRole('button', { name: 'Announce', exact: true }).click();
    await expect(announcements.getByTestId('announcement')).toContainText('Coffee at 11');
    await expect(announcements.getByRole('button', { name: m['run.announce.dismiss'] })).toBeVisible();

    // Vote, with the finger.
    const poll = page.getByTestId('poll').filter({ hasText: question });
    await poll.getByText('Victim protection').tap();
    await poll.getByRole('button', { name: m['poll.vote'], exact: true }).tap();
    await expect(poll.getByTestId('poll-message')).toHaveText(m['poll.saved']!);
    await expect(polls.counts(question)).toContainText('1');

    // Ask a question (mixed scripts read in their own direction).
    const asked = language === 'ar' ? 'ما هي الخطوة التالية بشأن Legislation؟' : 'Что дальше с законодательством?';
    await page.getByLabel(m['qa.ask.label']!).fill(asked);
    await page.getByRole('button', { name: m['qa.ask.submit'], exact: true }).tap();
    await expect(page.getByTestId('question').filter({ hasText: asked })).toBeVisible();
    await expect(page.getByTestId('question').filter({ hasText: asked }).locator('[dir="auto"]').first()).toBeVisible();
    await expectNoHorizontalOverflow(page, 360, 'home after voting and asking');
    await screens(page, (i) => shot(`3-home-${i}`));

    // A note on the board.
    await page.getByTestId('board-link').filter({ hasText: 'Synergies' }).tap();
    await expect(page.locator('.react-flow'), errors.join('\n')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    const note = language === 'ar' ? 'حماية الضحايا أولاً' : 'Сначала защита жертв';
    await page.getByRole('button', { name: m['board.add.note'], exact: true }).tap();
    const editor = page.getByLabel(m['board.field.noteText']!);
    await expect(editor).toBeFocused();
    await editor.fill(note);
    await editor.press('Escape');
    await expect(page.locator('.react-flow__node').filter({ hasText: note })).toBeVisible();
    await expectNoHorizontalOverflow(page, 360, 'board');
    await page.screenshot({ path: shot('4-board') });

    // Every byte came from Plenary itself, the fonts for this script included.
    expect(elsewhere, 'requests to other hosts').toEqual([]);
    const script = language === 'ar' ? /noto-sans-arabic-arabic/ : /noto-sans-cyrillic/;
    expect(fonts.filter((p) => script.test(p)).length, `fonts loaded: ${fonts.join(', ')}`).toBeGreaterThan(0);
    expect(fonts.every((p) => p.startsWith('/assets/'))).toBe(true);
    const family = language === 'ar' ? 'Noto Sans Arabic' : 'Noto Sans';
    const sample = language === 'ar' ? 'حماية' : 'Защита';
    expect(await page.evaluate(([fam, text]) => document.fonts.check(`16px "${fam}"`, text), [family, sample] as const)).toBe(true);
  });
}

test('Persian (Dari) reads right to left in the bundled Arabic-script font, fetched from Plenary itself', async ({ server, person }) => {
  const m = await catalog('fa');
  const page = await (await person({ ...phone360, baseURL: server.url, locale: 'fa' })).newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByLabel(m['landing.codeLabel']!)).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const origin = new URL(server.url).origin;
  expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin)).toEqual([]);
  expect(requests.some((u) => /\/assets\/noto-sans-arabic-arabic-400-normal-[\w-]+\.woff2$/.test(new URL(u).pathname))).toBe(true);
  // Letters Persian has and Arabic does not (پ چ ژ گ) are in the font that loaded.
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'پچژگ'))).toBe(true);
  await expectNoHorizontalOverflow(page, 360, 'front door in Persian');
  await page.screenshot({ path: test.info().outputPath('fa-front.png') });
});

test('at 200 % zoom (a 1280 px window showing 640 css px) a participant joins and votes', async ({ server, person }) => {
  const m = await catalog('en');
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const polls = new PollsConsole(facilitator.page);
  await polls.create(question, 'Single choice', ['Legislation', 'Victim protection']);
  await polls.launch(question);
  const ctx = await person({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, baseURL: server.url, locale: 'en' });
  const page = await ctx.newPage();
  await joinWithCode(page, m, server.joinCode, 'Zoe');
  await expectNoHorizontalOverflow(page, 640, 'home at 200 %');
  const poll = page.getByTestId('poll').filter({ hasText: question });
  await poll.getByText('Legislation').click();
  await poll.getByRole('button', { name: m['poll.vote'], exact: true }).click();
  await expect(poll.getByTestId('poll-message')).toHaveText(m['poll.saved']!);
  await page.screenshot({ path: test.info().outputPath('zoom-200.png') });
});

test('in forced colours (high contrast) the ballot’s choices and Vote button keep visible borders', async ({ server, person }) => {
  const m = await catalog('en');
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const polls = new PollsConsole(facilitator.page);
  await polls.create(question, 'Single choice', ['Legislation', 'Victim protection']);
  await polls.launch(question);
  const ctx = await person({ ...phone360, baseURL: server.url, locale: 'en' });
  const page = await ctx.newPage();
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await joinWithCode(page, m, server.joinCode, 'Zoe');
  const poll = page.getByTestId('poll').filter({ hasText: question });
  const vote = poll.getByRole('button', { name: m['poll.vote'], exact: true });
  await expect(vote).toBeVisible();
  const border = await vote.evaluate((el) => {
    const s = getComputedStyle(el);
    return { width: parseFloat(s.borderInlineStartWidth), style: s.borderInlineStartStyle, color: s.borderInlineStartColor, background: s.backgroundColor };
  });
  expect(border.width, JSON.stringify(border)).toBeGreaterThanOrEqual(1);
  expect(border.style).not.toBe('none');
  expect(border.color).not.toBe(border.background);
  const radio = poll.getByRole('radio', { name: 'Legislation' });
  await expect(radio).toBeVisible();
  await poll.getByText('Legislation').tap();
  await vote.tap();
  await expect(poll.getByTestId('poll-message')).toHaveText(m['poll.saved']!);
  await page.screenshot({ path: test.info().outputPath('forced-colors.png'), fullPage: true });
});
