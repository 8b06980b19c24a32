import { readFile } from 'node:fs/promises';
import { expectNoSeriousA11yViolations } from '../fixtures/axe.js';
import { FacilitatorConsole, openProjector, Participant } from '../fixtures/pages.js';
import { PollsConsole, PollVoter, stallableConnection } from '../fixtures/polls.js';
import { expect, test } from '../fixtures/test.js';
import { planRound } from '../fixtures/breakouts.js';

const ranking = 'Which objective should the workplans start with?';
const points = 'Spread 100 points over the objectives where your country needs support most';
const small = { width: 360, height: 640 };

test('a ranking poll and a points poll: three phones vote, the projector and the console follow live, a late ballot is refused', async ({
  server,
  person,
}) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const consolePolls = new PollsConsole(facilitator.page);
  const projector = await openProjector(facilitator);

  const people = await Promise.all([
    Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' }),
    Participant.join(person, server.url, server.joinCode, { name: 'Bilal', represent: 'Pakistan' }),
    Participant.join(person, server.url, server.joinCode, { name: 'Carla', represent: 'Colombia' }),
  ]);
  for (const p of people) await p.page.setViewportSize(small);
  const [amina, bilal, carla] = people.map((p) => new PollVoter(p.page)) as [PollVoter, PollVoter, PollVoter];

  // The facilitator writes a ranking poll on the spot and imports the prepared ones (the points poll among them).
  await consolePolls.create(ranking, 'Ranking', ['Legislation', 'Victim protection', 'Children']);
  await consolePolls.panel().getByRole('button', { name: 'Import the 5 prepared polls' }).click();
  await expect(consolePolls.poll(points)).toHaveAttribute('data-status', 'draft');
  // Drafts stay with the facilitators.
  await expect(amina.page.getByTestId('poll')).toHaveCount(0);

  await consolePolls.launch(ranking);
  await consolePolls.action(ranking, 'Show on the projector');
  await expect(projector.getByTestId('projector-poll')).toContainText(ranking);
  await expect(projector.getByTestId('projector-poll-counts')).toHaveText('0 ballots · 3 voters present');

  // Everyone ranks from a phone; the projector and the console count along without a reload.
  await expect(amina.poll(ranking)).toBeVisible();
  await amina.rank(ranking, ['Children', 'Legislation', 'Victim protection']);
  await amina.voteAndWait(ranking);
  await expect(projector.getByTestId('projector-poll-counts')).toHaveText('1 ballot · 3 voters present');
  await bilal.rank(ranking, ['Victim protection', 'Children', 'Legislation']);
  await bilal.voteAndWait(ranking);
  await carla.rank(ranking, ['Children', 'Victim protection', 'Legislation']);
  await carla.voteAndWait(ranking);
  await expect(projector.getByTestId('projector-poll-counts')).toHaveText('3 ballots · 3 voters present');
  await expect(consolePolls.counts(ranking)).toHaveText('3 ballots · 3 voters present');
  // Borda with 3 options (2, 1, 0 points): Children 2+1+2 = 5, Victim protection 0+2+1 = 3, Legislation 1+0+0 = 1.
  const projectedBars = projector.getByTestId('poll-chart').locator('li');
  await expect(projectedBars.first()).toContainText('Children');
  await expect(projectedBars.first()).toContainText('5 points');
  await expect(projector.getByTestId('projector-poll')).toContainText('Borda count: with 3 options, first place scores 2 points');
  await expect(consolePolls.poll(ranking).getByTestId('poll-chart').locator('li').first()).toContainText('Children');
  await amina.page.screenshot({ path: test.info().outputPath('phone-ranking.png') });

  // Bilal changes his ballot: still three ballots; now Children 2+0+2 = 4, Victim protection 3, Legislation 2.
  await bilal.rank(ranking, ['Victim protection', 'Legislation', 'Children']);
  await bilal.voteAndWait(ranking);
  await expect(projectedBars.first()).toContainText('4 points');
  await expect(projector.getByTestId('projector-poll-counts')).toHaveText('3 ballots · 3 voters present');
  await projector.screenshot({ path: test.info().outputPath('projector-ranking.png') });
  await consolePolls.close(ranking);
  await expect(amina.message(ranking)).toHaveText('This poll is closed. Your ballot was counted.');

  // The points poll: a budget of 100 to spend in full.
  await consolePolls.launch(points);
  await consolePolls.action(points, 'Show on the projector');
  await expect(projector.getByTestId('projector-poll')).toContainText(points);
  await amina.allocate(points, { 'Protection and assistance to victims': 80, 'Assistance and support to children': 40 });
  await expect(amina.poll(points).getByTestId('points-left')).toHaveText('20 points too many');
  await amina.poll(points).screenshot({ path: test.info().outputPath('phone-points.png') });
  await amina.submit(points);
  await expect(amina.poll(points).getByRole('alert')).toHaveText('You gave 120 points, but there are only 100. Take some away.');
  await amina.allocate(points, { 'Assistance and support to children': 20 });
  await amina.voteAndWait(points);
  await bilal.allocate(points, { 'Legislative review and harmonisation': 50, 'Assistance and support to children': 50 });
  await bilal.voteAndWait(points);
  await carla.allocate(points, { 'Assistance and support to children': 100 });
  await carla.voteAndWait(points);
  await expect(projector.getByTestId('projector-poll-counts')).toHaveText('3 ballots · 3 voters present');
  // Children: 20 + 50 + 100 = 170 points.
  await expect(projector.getByTestId('poll-chart').locator('li').first()).toContainText('Assistance and support to children');
  await expect(projector.getByTestId('poll-chart').locator('li').first()).toContainText('170 points');
  await expect(consolePolls.poll(points).getByTestId('poll-chart').locator('li').first()).toContainText('170 points');
  await consolePolls.panel().screenshot({ path: test.info().outputPath('console-polls.png') });
  await projector.screenshot({ path: test.info().outputPath('projector-points.png') });

  // Carla's Wi-Fi stalls while she changes her ballot; the poll closes before it arrives.
  const wifi = await stallableConnection(carla.page);
  await carla.page.reload();
  await expect(carla.message(points)).toHaveText('Your ballot is saved. You can change it until the poll closes.');
  wifi.hold();
  await carla.allocate(points, { 'Assistance and support to children': 60, 'Strategy and policy development': 40 });
  await carla.submit(points);
  await consolePolls.close(points);
  wifi.release();
  await expect(carla.message(points)).toHaveText('The poll closed before your ballot arrived, so it was not counted.', { timeout: 15_000 });
  await expect(projector.getByTestId('projector-poll')).toHaveAttribute('data-status', 'closed');
  await expect(projector.getByTestId('poll-chart').locator('li').first()).toContainText('170 points');
  await expect(consolePolls.counts(points)).toHaveText('3 ballots');

  // The facilitator exports the results and (the poll is named) the ballots.
  const [results] = await Promise.all([facilitator.page.waitForEvent('download'), consolePolls.action(points, 'Results (CSV)')]);
  const csv = await readFile((await results.path())!, 'utf8');
  expect(csv).toContain(`Question,${points}`);
  expect(csv).toContain('All,3,Assistance and support to children,170,56.67,56.7,1');
  const [ballots] = await Promise.all([facilitator.page.waitForEvent('download'), consolePolls.action(points, 'Ballots (CSV)')]);
  expect(await readFile((await ballots.path())!, 'utf8')).toMatch(/Carla,Colombia,,[^,]+,yes,0,0,0,0,0,100/);

  // The same phone in Arabic, right to left.
  await amina.page.getByLabel('Language').selectOption('ar');
  await expect(amina.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(amina.page.getByTestId('poll').first()).toBeVisible();
  await amina.page.getByTestId('polls').screenshot({ path: test.info().outputPath('phone-arabic.png') });
});

test('every other kind: a phone votes, the console moderates open answers, and each chart shows on the projector', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const consolePolls = new PollsConsole(facilitator.page);
  const projector = await openProjector(facilitator);
  const phone = await Participant.join(person, server.url, server.joinCode, { name: 'Olena', represent: 'Ukraine' });
  await phone.page.setViewportSize(small);
  const voter = new PollVoter(phone.page);
  const shot = (page: typeof phone.page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

  await consolePolls.panel().getByRole('button', { name: 'Import the 5 prepared polls' }).click();
  const words = 'What will you take home from this workshop? (up to three words)';
  const matrix = 'Place each objective by its impact and the effort it takes';
  await consolePolls.create('Which two should come first?', 'Multiple choice', ['Referral', 'Training', 'Data']);
  await consolePolls.create('How urgent is each?', 'Rating scale', ['Referral', 'Training']);
  await consolePolls.create('What should change first?', 'Open answers', []);

  // Word cloud.
  await consolePolls.launch(words);
  await consolePolls.action(words, 'Show on the projector');
  const cloud = voter.poll(words);
  await cloud.getByLabel('Word or phrase 1').fill('Trust');
  await cloud.getByLabel('Word or phrase 2').fill('referral networks');
  await voter.voteAndWait(words);
  await expect(projector.getByTestId('poll-chart')).toContainText('referral networks');
  await shot(projector, 'projector-words');

  // 2×2 matrix (results after close).
  await consolePolls.launch(matrix);
  const m = voter.poll(matrix);
  await m.getByText('Place Assistance and support to children').click();
  await m.getByLabel('Assistance and support to children — Impact').fill('90');
  await m.getByText('Place Legislative review and harmonisation').click();
  await m.getByLabel('Legislative review and harmonisation — Effort').fill('80');
  await voter.voteAndWait(matrix);
  await expect(m.getByTestId('poll-hidden')).toHaveText('Results will be shown when the poll closes.');
  await shot(phone.page, 'phone-matrix-vote');
  await consolePolls.close(matrix);
  await consolePolls.action(matrix, 'Show on the projector');
  await expect(projector.locator('[data-chart="matrix"] circle')).toHaveCount(2);
  await shot(projector, 'projector-matrix');

  // Multiple choice: at most two.
  const two = 'Which two should come first?';
  await consolePolls.launch(two);
  await voter.poll(two).getByLabel('Referral').check();
  await voter.poll(two).getByLabel('Data').check();
  await expect(voter.poll(two).getByLabel('Training')).toBeDisabled();
  await voter.voteAndWait(two);

  // Rating scale with "no opinion".
  const scale = 'How urgent is each?';
  await consolePolls.launch(scale);
  await voter.poll(scale).getByLabel('Referral: 5').check();
  await voter.submit(scale);
  await expect(voter.poll(scale).getByRole('alert')).toHaveText('Rate every option.');
  await voter.poll(scale).getByRole('group', { name: 'Training' }).getByLabel('No opinion').check();
  await voter.voteAndWait(scale);
  await consolePolls.action(scale, 'Show on the projector');
  await expect(projector.getByTestId('poll-chart')).toContainText('Mean 5');
  await shot(projector, 'projector-scale');
  await voter.poll(scale).scrollIntoViewIfNeeded();
  await shot(phone.page, 'phone-scale');

  // Open answers: nothing shows until a facilitator approves it.
  const open = 'What should change first?';
  await consolePolls.launch(open);
  await voter.poll(open).getByLabel('Your answer').fill('One referral handbook for the whole region.');
  await voter.voteAndWait(open);
  await expect(voter.poll(open)).toContainText('1 answer waiting for approval');
  await consolePolls.poll(open).getByTestId('moderation').getByRole('button', { name: 'Approve' }).click();
  await expect(voter.poll(open).getByTestId('poll-chart')).toContainText('One referral handbook for the whole region.');
  await consolePolls.action(open, 'Show on the projector');
  await expect(projector.getByTestId('poll-chart')).toContainText('One referral handbook');

  // Every control is named and readable: the phone with five polls, the console, its editor, the projector.
  await expectNoSeriousA11yViolations(phone.page, 'phone with polls');
  await expectNoSeriousA11yViolations(projector, 'projector with a poll');
  await consolePolls.panel().getByRole('button', { name: 'New poll' }).click();
  await consolePolls.panel().getByLabel('Kind of poll').selectOption({ label: '2×2 matrix' });
  await expectNoSeriousA11yViolations(facilitator.page, 'console with polls and the editor');
  await phone.page.getByLabel('Language').selectOption('ar');
  await expect(phone.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoSeriousA11yViolations(phone.page, 'phone with polls in Arabic');
});

test('polls put to breakout groups: one group votes while the other never sees it; a poll to all groups is broken down by group', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const consolePolls = new PollsConsole(f);
  const people: Participant[] = [];
  const joining = [
    ['Amina', 'Afghanistan'],
    ['Rashid', 'Pakistan'],
    ['Karim', 'Morocco'],
    ['Reza', 'Iran'],
  ] as const;
  for (const [name, represent] of joining) {
    const p = await Participant.join(person, server.url, server.joinCode, { name, represent });
    await p.page.setViewportSize(small);
    people.push(p);
  }

  // A round of two groups, started.
  const panel = f.getByTestId('breakouts-panel');
  const round = await planRound(panel, { title: 'Priorities by group', task: 'Agree on the first priority of your workplan.', groups: '2' });
  await round.getByRole('button', { name: 'Make the groups' }).click();
  await expect(round.getByTestId('group-box').nth(1).getByTestId('group-member')).toHaveCount(2);
  await round.getByRole('button', { name: 'Start the round' }).click();
  await expect(round.getByTestId('round-status')).toHaveText('Running');
  for (const p of people) await expect(p.page.getByTestId('group-name')).not.toBeEmpty();
  const names = await Promise.all(people.map(async (p) => (await p.page.getByTestId('group-name').textContent())!.replace(/^Your group: /, '').trim()));
  const groupA = names[0]!;
  const groupB = names.find((n) => n !== groupA)!;
  const inA = people.filter((_, i) => names[i] === groupA).map((p) => new PollVoter(p.page));
  const inB = people.filter((_, i) => names[i] === groupB).map((p) => new PollVoter(p.page));
  expect(inA).toHaveLength(2);
  expect(inB).toHaveLength(2);

  // A poll to one group: its members see it and vote; the other group never does.
  const oneGroup = 'Which priority should your group report first?';
  await consolePolls.create(oneGroup, 'Single choice', ['Legislation', 'Victim protection']);
  await expect(consolePolls.poll(oneGroup).getByLabel('Put to', { exact: true })).toContainText('All breakout groups');
  await consolePolls.launch(oneGroup, groupA);
  await expect(consolePolls.poll(oneGroup)).toContainText(`Put to ${groupA}`);
  for (const v of inA) {
    await expect(v.poll(oneGroup)).toBeVisible();
    await expect(v.poll(oneGroup)).toContainText('For your group');
    await expect(v.poll(oneGroup).getByTestId('poll-counts')).toContainText('2 voters present');
    await v.poll(oneGroup).getByRole('radio', { name: 'Victim protection' }).check();
    await v.voteAndWait(oneGroup);
  }
  await expect(consolePolls.counts(oneGroup)).toHaveText('2 ballots · 2 voters present');
  for (const v of inB) {
    await expect(v.page.getByTestId('open-poll-live')).toBeAttached();
    await expect(v.poll(oneGroup)).toHaveCount(0);
    await expect(v.page.getByText(oneGroup)).toHaveCount(0);
  }
  await inA[0]!.page.screenshot({ path: test.info().outputPath('phone-group-poll.png') });
  await inB[0]!.page.screenshot({ path: test.info().outputPath('phone-other-group.png') });
  // Moved into the group while the poll is open, a member of the other group now sees it and votes; their old mate still does not.
  const moverName = joining[names.lastIndexOf(groupB)]![0];
  await round.getByLabel(`Move ${moverName} to`).selectOption({ label: groupA });
  await expect(inB[1]!.poll(oneGroup)).toBeVisible();
  await inB[1]!.poll(oneGroup).getByRole('radio', { name: 'Legislation' }).check();
  await inB[1]!.voteAndWait(oneGroup);
  await expect(consolePolls.counts(oneGroup)).toHaveText('3 ballots · 3 voters present');
  await expect(inB[0]!.poll(oneGroup)).toHaveCount(0);
  await consolePolls.close(oneGroup);

  // A poll to all groups, named and broken down by group: the console and the projector show each group's results.
  const allGroups = 'Which objective matters most to your group?';
  await consolePolls.create(allGroups, 'Single choice', ['Legislation', 'Victim protection', 'Children'], async (editor) => {
    await editor.getByLabel('Anonymous', { exact: false }).uncheck();
    await editor.getByLabel('Break results down').selectOption({ label: 'By breakout group' });
  });
  await consolePolls.launch(allGroups, 'All breakout groups');
  await expect(consolePolls.poll(allGroups)).toContainText('Put to all breakout groups');
  await consolePolls.action(allGroups, 'Show on the projector');
  const projector = await openProjector(facilitator);
  await expect(projector.getByTestId('projector-poll')).toContainText(allGroups);
  const choices: [PollVoter, string][] = [
    [inA[0]!, 'Children'],
    [inA[1]!, 'Children'],
    [inB[0]!, 'Legislation'],
    [inB[1]!, 'Children'],
  ];
  for (const [v, choice] of choices) {
    await expect(v.poll(allGroups)).toBeVisible();
    await v.poll(allGroups).getByRole('radio', { name: choice }).check();
    await v.voteAndWait(allGroups);
  }
  await expect(consolePolls.counts(allGroups)).toHaveText('4 ballots · 4 voters present');
  const breakdown = consolePolls.poll(allGroups).getByLabel('Breakdown');
  await expect(breakdown.locator('option')).toHaveCount(3);
  // Three in the first group now (the one moved there voted Children), one in the second.
  expect(await breakdown.locator('option').allTextContents()).toEqual(['Everyone (4)', `${groupA} (3)`, `${groupB} (1)`]);
  await breakdown.selectOption({ label: `${groupB} (1)` });
  const bars = consolePolls.poll(allGroups).getByTestId('poll-chart').locator('li');
  await expect(bars.filter({ hasText: 'Legislation' })).toContainText('100% · 1 vote');
  await expect(bars.filter({ hasText: 'Children' })).toContainText('0% · 0 votes');
  await consolePolls.panel().screenshot({ path: test.info().outputPath('console-by-group.png') });
  const projected = projector.getByTestId('poll-group-results');
  await expect(projected.getByRole('region')).toHaveCount(2);
  await expect(projected.getByRole('region', { name: groupA })).toContainText(`${groupA} (3)`);
  await projector.screenshot({ path: test.info().outputPath('projector-by-group.png') });

  // Once the round is over, a group poll reopens to everyone, as the console says.
  await round.getByLabel('Closing countdown').selectOption('0');
  await round.getByRole('button', { name: 'End the round' }).click();
  await expect(round.getByTestId('round-status')).toHaveText('Closed');
  await expect(consolePolls.poll(oneGroup)).toContainText('Its breakout round is over: reopening puts it to everyone.');
  await consolePolls.action(oneGroup, 'Reopen');
  await expect(consolePolls.poll(oneGroup)).toHaveAttribute('data-status', 'open');
  await expect(inB[0]!.poll(oneGroup)).toBeVisible();
});
