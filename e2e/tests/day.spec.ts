/**
 * The demo's first day (and day two's first breakout) run from the agenda alone:
 * the facilitator presses Start and Next and runs each item's steps, nothing
 * else. Three participants follow — a laptop in English, a laptop in Arabic, a
 * 360×640 phone in French — with the projector; each reaches each activity
 * (the board, the ballot, the questions, their own group room) by itself, and
 * the time from the click to their screen showing it is measured (alone, in
 * the timing project: the aim is a second; the bounds are 1.5 s median, 6 s slowest).
 * Each reads the demo's prepared texts in their own language (`d`).
 */
import type { Locator, Page } from '@playwright/test';
import { demoDefinition, translatePrepared } from '@plenary/shared';
import { expectNoSeriousA11yViolations } from '../fixtures/axe.js';
import { catalog } from '../fixtures/i18n.js';
import { joinWithCode } from '../fixtures/join.js';
import { FacilitatorConsole, openProjector, Participant } from '../fixtures/pages.js';
import { expect, test, timing } from '../fixtures/test.js';

const laptop = { viewport: { width: 1280, height: 800 } };
const phone360 = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

/** What one step took to reach each person's screen. */
const arrivals: { step: string; who: string; ms: number }[] = [];

// It judges time (each arrival is timed), so it runs alone in the timing project: CI measured a 5.5 s round start beside another scenario.
test('day one from the agenda alone: Start, Next and the steps lead three people and the projector to every activity', timing, async ({ server, person }) => {
  test.setTimeout(360_000);
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  await f.setViewportSize({ width: 1366, height: 768 });
  const projector = await openProjector(facilitator);

  const [en, ar, fr] = await Promise.all([catalog('en'), catalog('ar'), catalog('fr')]);
  const open = async (options: object, locale: string) => (await (await person({ ...options, baseURL: server.url, locale })).newPage()) as Page;
  const people = [
    { who: 'laptop-en', page: await open(laptop, 'en'), m: en, d: translatePrepared(demoDefinition, 'en'), name: 'Amina', represent: 'country:AF' },
    { who: 'laptop-ar', page: await open(laptop, 'ar'), m: ar, d: translatePrepared(demoDefinition, 'ar'), name: 'كريم Karim', represent: 'country:MA' },
    { who: 'phone-fr', page: await open(phone360, 'fr'), m: fr, d: translatePrepared(demoDefinition, 'fr'), name: 'Awa', represent: 'country:ML' },
  ];
  for (const p of people) await joinWithCode(p.page, p.m, server.joinCode, p.name, undefined, p.represent);
  const phone = people[2]!.page;
  let shots = 0;
  const shoot = async (name: string) => {
    shots++;
    const n = String(shots).padStart(2, '0');
    await phone.screenshot({ path: test.info().outputPath(`${n}-${name}-phone.png`) });
    await f.screenshot({ path: test.info().outputPath(`${n}-${name}-console.png`) });
    await projector.screenshot({ path: test.info().outputPath(`${n}-${name}-projector.png`) });
  };

  /** Clicks a control of the console and waits until every person's screen shows `what`; records how long each took. */
  const step = async (name: string, control: Locator | (() => Promise<void>), what: (p: (typeof people)[number]) => Locator) => {
    const t0 = Date.now();
    await (typeof control === 'function' ? control() : control.click());
    await Promise.all(
      people.map(async (p) => {
        await what(p).waitFor({ state: 'visible' });
        arrivals.push({ step: name, who: p.who, ms: Date.now() - t0 });
      }),
    );
    await shoot(name);
  };
  const runStep = (label: RegExp) => f.getByRole('button', { name: label });
  const next = () => f.getByRole('button', { name: 'Next item' });

  // A fresh demo is about to start; Start leads everyone to the opening.
  await step('start', f.getByRole('button', { name: 'Start the first item' }), (p) => p.page.getByTestId('now').filter({ hasText: p.d('Opening remarks') }));
  await step('welcome', runStep(/Announce: Welcome to Vienna/), (p) => p.page.getByTestId('announcement').filter({ hasText: p.d('Welcome to Vienna. Join with the code on the screen to take part.') }));

  // The prepared synergy map opens on every screen, the projector's included.
  await step('board', runStep(/Show the board “Synergy map/), (p) => p.page.locator('.react-flow__node').filter({ hasText: p.d('Legislation') }).first());
  for (const p of people) await expect(p.page).toHaveURL(/\/boards\//);
  await expect(projector.locator('.react-flow').first()).toBeVisible();
  await expectNoSeriousA11yViolations(phone, 'the synergy map on a phone, in French');

  // The poll: on the board, everyone is told; one tap, and the ballot is the first thing on the page.
  await step('poll', runStep(/Launch the poll “On which of the six objectives/), (p) => p.page.getByTestId('open-poll-notice'));
  for (const p of people) {
    await p.page.getByTestId('open-poll-notice').getByRole('link', { name: p.m['poll.notice.vote'] }).click();
    const ballot = p.page.getByTestId('polls').getByTestId('poll').first();
    await expect(ballot).toBeInViewport();
    await ballot.getByRole('radio').nth(4).check();
    await ballot.getByRole('button', { name: p.m['poll.vote'], exact: true }).click();
    await expect(ballot.getByTestId('poll-message')).toHaveText(p.m['poll.saved']!);
  }
  await shoot('voted');
  await expect(projector.getByText('3 ballots')).toBeVisible();

  // A timer everyone sees, wherever they are.
  await step('timer', runStep(/Start a timer of 2 minutes/), (p) => p.page.getByTestId('timer').filter({ hasText: p.d('Answer the opening question') }));

  // Next: the next phase's presentation, questions open; then everyone home.
  await step('next-phase', next(), (p) => p.page.getByTestId('now').filter({ hasText: p.d('Introducing GLO.ACT Asia and the Middle East') }));
  await runStep(/Open the questions$/).click();
  await step('home', runStep(/Bring everyone to: The workshop home/), (p) => p.page.getByTestId('now'));

  // Next: the results; questions are opened and everyone is brought to them.
  await step('results', next(), (p) => p.page.getByTestId('now').filter({ hasText: p.d('Six objectives, thirteen countries: what partner governments achieved') }));
  await runStep(/Start a timer of 30 minutes/).click();
  await step('questions', runStep(/Open the questions and bring everyone to them/), (p) => p.page.locator('#questions'));
  for (const p of people) await expect(p.page.locator('#questions')).toBeInViewport();

  // Next: the take-home poll; the ballot comes first on the home page.
  await step('expectations', next(), (p) => p.page.getByTestId('now').filter({ hasText: p.d('What will you take home from this workshop?') }));
  const takeHome = 'What will you take home from this workshop? (up to three words)';
  await step('word-poll', runStep(/Launch the poll “What will you take home/), (p) => p.page.getByTestId('polls').getByTestId('poll').filter({ hasText: p.d(takeHome) }));
  for (const p of people) await expect(p.page.getByTestId('polls').getByTestId('poll').first()).toContainText(p.d(takeHome));

  // Next: the wrap-up; everyone home, the closing message.
  await step('wrap-up', next(), (p) => p.page.getByTestId('now').filter({ hasText: p.d('Wrap-up of day 1') }));
  await runStep(/Bring everyone to: The workshop home/).click();
  await step('see-you', runStep(/Announce: Thank you for today/), (p) => p.page.getByTestId('announcement').filter({ hasText: p.d('Thank you for today. We start again tomorrow at 09:00.') }));

  // Day two, up to its first breakout: Next through the morning, then the round from its plan.
  // The run sheet's keys do the same: N for the next item, S for the current item's next step.
  await expect(f.getByText('Keys: N next item, S next step.')).toBeVisible();
  for (const [i, title] of ['Welcome back and recap', 'Good practices across the six objectives: peer exchange', 'Coffee break', 'Synergy maps: first- and second-phase countries'].entries()) {
    await step(`next-${title.slice(0, 12)}`, i < 2 ? next() : () => f.keyboard.press('n'), (p) => p.page.getByTestId('now').filter({ hasText: p.d(title) }));
  }
  await expect(runStep(/Start the breakout round “Synergy maps/)).toHaveAttribute('aria-keyshortcuts', 'S');
  await step('round', () => f.keyboard.press('s'), (p) => p.page.getByTestId('group-room'));
  for (const p of people) {
    // Their own group's room: its name, its members, the first guiding question, the time left.
    const room = p.page.getByTestId('group-room');
    await expect(room.getByTestId('group-name')).toContainText(/\S/);
    await expect(room.getByTestId('group-members').locator('li')).toHaveCount(3);
    await expect(room).toContainText(p.d('Which challenge does your country share with a country of the other phase?'));
    await expect(room.getByTestId('group-timer')).toContainText(/(60|59):\d\d/);
  }
  await expect(f.getByTestId('breakouts-panel').getByTestId('round-status')).toHaveText('Running');

  // How long each step took to reach each screen (the product's aim: within a second).
  const table = arrivals.map((a) => `${a.step.padEnd(22)} ${a.who.padEnd(10)} ${String(a.ms).padStart(5)} ms`).join('\n');
  const sorted = arrivals.map((a) => a.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`from the click to every screen (${arrivals.length} arrivals): median ${median} ms, max ${sorted.at(-1)} ms\n${table}`);
  // The aim is within a second (measured alone: median 243-339 ms, slowest 1.7-2.0 s); the bounds leave room
  // for a busy 2-core machine (with a CPU hog beside the run: median 813 ms, slowest 3.5 s). The figures are in the log.
  expect(median).toBeLessThanOrEqual(1500);
  expect(sorted.at(-1)!).toBeLessThanOrEqual(6000);
});

test('a facilitator prepares an item’s steps in the agenda editor: adds, changes, reorders and removes; the run sheet runs them', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });

  const editor = f.locator('section.agenda-editor');
  await editor.getByRole('button', { name: 'Edit the agenda' }).click();
  await editor.getByRole('button', { name: 'Steps (2) — Closing remarks' }).click();
  const steps = editor.getByTestId('steps-editor');
  await expect(steps.getByTestId('step')).toHaveText([/Bring everyone to: The workshop home/, /Announce: Thank you/]);

  // Add a new poll, a round from a plan and a timer.
  const add = async (fill: () => Promise<void>) => {
    await steps.getByText('Add a step').click();
    await fill();
    await steps.getByRole('button', { name: 'Add the step' }).click();
  };
  await add(async () => {
    await steps.getByLabel('What the step does').selectOption({ label: 'Launch a poll' });
    await steps.getByLabel('Poll', { exact: true }).selectOption({ label: 'A new poll' });
    await steps.getByLabel('Question').fill('Which day was more useful?');
    await steps.getByLabel('Choices, one a line (none: a word cloud)').fill('Day one\nDay two');
  });
  await expect(steps.getByTestId('step')).toHaveCount(3);
  await add(async () => {
    await steps.getByLabel('What the step does').selectOption({ label: 'Start a breakout round' });
    await steps.getByLabel('Title of the round').fill('Last look');
    await steps.getByLabel('Groups', { exact: true }).selectOption({ label: 'A number of groups' });
    await steps.getByLabel('Number of groups').fill('2');
    await steps.getByLabel('Guiding questions, one a line').fill('What will you do first at home?');
  });
  await add(async () => {
    await steps.getByLabel('What the step does').selectOption({ label: 'Start a timer' });
    await steps.getByLabel('Minutes').fill('4');
  });
  await expect(steps.getByTestId('step')).toHaveText([/Bring everyone/, /Announce/, /Launch the poll “Which day was more useful\?”/, /Start the breakout round “Last look”/, /Start a timer of 4 minutes/]);

  // Change the timer, move the poll first, remove the announcement.
  await steps.getByRole('button', { name: 'Change the step “Start a timer of 4 minutes”' }).click();
  const changing = steps.getByTestId('step').filter({ has: f.getByRole('button', { name: 'Save the step' }) });
  await changing.getByLabel('Minutes').fill('3');
  await changing.getByRole('button', { name: 'Save the step' }).click();
  for (let i = 0; i < 2; i++) await steps.getByRole('button', { name: 'Move the step “Launch the poll “Which day was more useful?”” up' }).click();
  await steps.getByRole('button', { name: 'Remove the step “Announce: Thank you. The report and the workplan inputs will reach every focal point.”' }).click();
  await expect(steps.getByTestId('step')).toHaveText([/Launch the poll/, /Bring everyone/, /Start the breakout round “Last look”/, /Start a timer of 3 minutes/]);
  await expectNoSeriousA11yViolations(f, 'the agenda editor with an item’s steps');
  await f.locator('section.agenda-editor').screenshot({ path: test.info().outputPath('steps-editor.png') });

  // The run sheet runs them: the poll opens for everyone, the round puts both into its two groups.
  await editor.getByRole('button', { name: 'Done editing' }).click();
  await f.getByRole('button', { name: 'Start the first item' }).click();
  const closing = f.getByTestId('now');
  await expect(closing).toContainText('Opening remarks');
  // Jump to the closing item as a facilitator would, from the agenda (Next would take eleven presses).
  while (!((await closing.textContent()) ?? '').includes('Closing remarks')) {
    const before = (await closing.textContent()) ?? '';
    await f.getByRole('button', { name: 'Next item' }).click();
    await expect(closing).not.toHaveText(before);
  }
  await f.getByRole('button', { name: /Launch the poll “Which day was more useful\?”/ }).click();
  for (const p of [amina, karim]) await expect(p.page.getByTestId('polls').getByTestId('poll').first()).toContainText('Which day was more useful?');
  await f.getByRole('button', { name: /Start the breakout round “Last look”/ }).click();
  for (const p of [amina, karim]) {
    await expect(p.page.getByTestId('group-room')).toContainText('What will you do first at home?');
  }
  const [a, k] = await Promise.all([amina.page.getByTestId('group-name').textContent(), karim.page.getByTestId('group-name').textContent()]);
  expect(a).not.toBe(k);
});
