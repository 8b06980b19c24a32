/**
 * Prepared content in every language: the demo's agenda, its synergy map's
 * objective lanes and its opening poll (question and options) read in each
 * participant's own language — French and Arabic beside English — while the
 * projector shows the workshop's language and the facilitator the texts as authored.
 */
import type { Page } from '@playwright/test';
import { demoDefinition, translatePrepared, type LanguageCode } from '@plenary/shared';
import { catalog } from '../fixtures/i18n.js';
import { joinWithCode } from '../fixtures/join.js';
import { FacilitatorConsole, openProjector } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';

const laptop = { viewport: { width: 1280, height: 800 } };
const phone360 = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
const question = 'On which of the six objectives does your country most want to learn from others?';
const options = [
  'Strategy and policy development',
  'Legislative review and harmonisation',
  'Capability development of practitioners',
  'Regional and trans-regional cooperation',
  'Protection and assistance to victims',
  'Assistance and support to children',
];

test('the demo’s agenda, lanes and poll in French, Arabic and English; the projector in the workshop’s language', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  await f.setViewportSize({ width: 1366, height: 768 });
  const projector = await openProjector(facilitator);

  const join = async (language: LanguageCode, options: object, name: string, represent: string) => {
    const m = await catalog(language);
    const page = (await (await person({ ...options, baseURL: server.url, locale: language })).newPage()) as Page;
    await joinWithCode(page, m, server.joinCode, name, undefined, represent);
    return { language, page, m, d: translatePrepared(demoDefinition, language) };
  };
  const people = [
    await join('en', laptop, 'Amina', 'country:AF'),
    await join('fr', phone360, 'Awa', 'country:ML'),
    await join('ar', laptop, 'كريم Karim', 'country:MA'),
  ];
  const [en, fr, ar] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
  // The translations are real ones, not the English again.
  expect(fr.d('Opening remarks')).toBe('Allocutions d’ouverture');
  expect(ar.d(question)).toBe('في أي من الأهداف الستة يرغب بلدكم أكثر من غيره في الاستفادة من تجارب الآخرين؟');

  // The agenda, each in their language.
  for (const p of people) {
    const agenda = p.page.locator('section.agenda');
    for (const title of ['Opening remarks', 'Introducing GLO.ACT Asia and the Middle East', 'Coffee break', 'Closing remarks']) {
      await expect(agenda.getByText(p.d(title), { exact: true }).first()).toBeVisible();
    }
    if (p !== en) await expect(agenda).not.toContainText('Opening remarks');
  }
  await expect(ar.page.locator('html')).toHaveAttribute('dir', 'rtl');

  await f.getByRole('button', { name: 'Start the first item' }).click();
  for (const p of people) await expect(p.page.getByTestId('now')).toContainText(p.d('Opening remarks'));
  // The projector speaks the workshop's language (English here).
  await expect(projector.getByTestId('projector-now')).toHaveText('Opening remarks');

  // The synergy map's lanes (made once, in one board document) read in each viewer's language.
  await f.getByRole('button', { name: /Show the board “Synergy map/ }).click();
  for (const p of people) {
    for (const lane of ['Strategy & policy', 'Legislation', 'Victim protection']) {
      await expect(p.page.locator('.react-flow__node').filter({ hasText: p.d(lane) }).first()).toBeVisible();
    }
  }
  await expect(ar.page.locator('.react-flow__node').filter({ hasText: 'التشريعات' }).first()).toBeVisible();
  await expect(fr.page.locator('.react-flow__node').filter({ hasText: 'Législation' }).first()).toBeVisible();
  await ar.page.screenshot({ path: test.info().outputPath('board-ar.png') });

  // The prepared poll: its question and its six options in each voter's language.
  await f.getByRole('button', { name: /Launch the poll “On which of the six objectives/ }).click();
  for (const p of people) {
    await p.page.getByTestId('open-poll-notice').getByRole('link', { name: p.m['poll.notice.vote'] }).click();
    const ballot = p.page.getByTestId('polls').getByTestId('poll').first();
    await expect(ballot).toContainText(p.d(question));
    await expect(ballot.getByRole('radio')).toHaveCount(6);
    for (const [i, option] of options.entries()) await expect(ballot.getByRole('radio').nth(i)).toHaveAccessibleName(p.d(option));
    if (p !== en) await expect(ballot).not.toContainText(question);
    await ballot.getByRole('radio').nth(4).check();
    await ballot.getByRole('button', { name: p.m['poll.vote'], exact: true }).click();
    await expect(ballot.getByTestId('poll-message')).toHaveText(p.m['poll.saved']!);
  }
  await expect(fr.page.getByTestId('polls').getByTestId('poll').first()).toContainText('Dans lequel des six objectifs votre pays souhaite-t-il le plus apprendre des autres ?');
  await expect(en.page.getByTestId('polls').getByTestId('poll').first()).toContainText(question);
  for (const p of people) await p.page.screenshot({ path: test.info().outputPath(`poll-${p.language}.png`) });

  // The facilitator's console keeps the texts as authored, which is what they edit.
  await expect(f.getByText(question).first()).toBeVisible();
  await expect(projector.getByText('3 ballots')).toBeVisible();
});
