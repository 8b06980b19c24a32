import type { Page } from '@playwright/test';
import { BoardScreen, createBoard, openBoard } from '../fixtures/boards.js';
import { FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';
import { planRound } from '../fixtures/breakouts.js';

/** Appends text to a notes textarea identified by test id. */
async function typeIn(page: Page, testId: string, text: string) {
  const notes = page.getByTestId(testId);
  await notes.click();
  await notes.press('Control+End');
  await notes.pressSequentially(text);
}

test('a facilitator splits the room into two balanced groups, watches them work, moves someone, and brings back their findings', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const people: Participant[] = [];
  for (const [name, represent] of [
    ['Amina', 'Afghanistan'],
    ['Rashid', 'Pakistan'],
    ['Karim', 'Morocco'],
    ['Reza', 'Iran'],
  ] as const) {
    people.push(await Participant.join(person, server.url, server.joinCode, { name, represent }));
  }
  await expect(f.getByTestId('people-count')).toHaveText('5 present · 5 joined');

  const panel = f.getByTestId('breakouts-panel');
  const round = await planRound(panel, {
    title: 'Synergies between phases',
    task: 'Which good practice from your country could work in a second-phase country?',
    minutes: '15',
    groups: '2',
    board: 'Patterns of movement and exploitation',
  });
  await expect(round.getByTestId('round-status')).toHaveText('Planned');
  await round.getByRole('button', { name: 'Make the groups' }).click();
  await expect(round.getByTestId('group-box').nth(0).getByTestId('group-member')).toHaveCount(2);
  await expect(round.getByTestId('group-box').nth(1).getByTestId('group-member')).toHaveCount(2);
  // Amina is on a plenary board when the round starts.
  await createBoard(facilitator, 'Plenary map');
  await f.goBack();
  await openBoard(people[0]!.page, 'Plenary map');
  await round.getByRole('button', { name: 'Start the round' }).click();
  await expect(round.getByTestId('round-status')).toHaveText('Running');
  // The start takes her from the board to her group's room, and says why.
  await expect(people[0]!.page.getByTestId('round-arrived')).toHaveText('The breakout round has started: here is your group’s room.');
  await expect(people[0]!.page).not.toHaveURL(/\/boards\//);

  // Everyone lands in their group's room, with the task and the time left.
  const groupOf = async (p: Participant) => (await p.page.getByTestId('group-name').textContent())!;
  for (const p of people) {
    await expect(p.page.getByTestId('group-room')).toContainText('Which good practice from your country');
    await expect(p.page.getByTestId('group-timer')).toContainText(/1[45]:\d\d/);
  }
  const names = await Promise.all(people.map(groupOf));
  const first = people.filter((_, i) => names[i] === names[0]);
  const second = people.filter((_, i) => names[i] !== names[0]);
  expect(first).toHaveLength(2);
  expect(second).toHaveLength(2);

  // Group members write their group's notes together; the other group does not see them.
  await typeIn(first[0]!.page, 'group-notes', 'Joint investigations with Iran.');
  await expect(first[1]!.page.getByTestId('group-notes')).toHaveValue('Joint investigations with Iran.');
  await expect(second[0]!.page.getByTestId('group-notes')).toHaveValue('');
  await typeIn(second[0]!.page, 'group-notes', 'Shelters for children.');

  // Each group has its own board; a member adds a note and a group mate sees it there.
  await first[0]!.page.getByTestId('group-board-link').click();
  const board = new BoardScreen(first[0]!.page);
  await board.ready();
  await board.addNote('Route: Herat to Mashhad');
  await first[1]!.page.getByTestId('group-board-link').click();
  const mateBoard = new BoardScreen(first[1]!.page);
  await mateBoard.ready();
  await expect(mateBoard.item('Route: Herat to Mashhad')).toBeVisible();
  // The facilitator sees at a glance that the group's board is moving.
  const firstGroup = names[0]!.replace('Your group: ', '');
  await expect(round.getByLabel(firstGroup, { exact: true }).getByTestId('group-activity')).toContainText(/on the board, 1 new · changed just now/);
  for (const p of first) await p.page.goBack();
  await expect(first[0]!.page.getByTestId('group-room')).toBeVisible();
  // The facilitator visits the room: sees the task and the notes, and writes in them with the group.
  await round.getByRole('button', { name: `Visit the room of ${firstGroup}` }).click();
  const visit = round.getByTestId('group-visit');
  await expect(visit.getByRole('heading', { name: `In the room of ${firstGroup}` })).toBeFocused();
  await expect(visit.getByTestId('visit-notes')).toHaveValue('Joint investigations with Iran.');
  await typeIn(f, 'visit-notes', ' Facilitator: think of the Iran–Pakistan border too.');
  await expect(first[1]!.page.getByTestId('group-notes')).toHaveValue('Joint investigations with Iran. Facilitator: think of the Iran–Pakistan border too.');
  await round.screenshot({ path: test.info().outputPath('console-round-running.png') });
  // Where people are: both members of the first group are in its room.
  await expect(f.getByTestId('people-places')).toContainText(`in the room of ${firstGroup}: 2`);
  await visit.getByRole('button', { name: 'Leave the room' }).click();
  await expect(visit).toHaveCount(0);

  // Help: the facilitator sees which group asks.
  await second[1]!.page.getByRole('button', { name: 'Ask for help' }).click();
  await expect(second[1]!.page.getByTestId('help-sent')).toBeVisible();
  const secondName = names[people.indexOf(second[1]!)]!.replace('Your group: ', '');
  await expect(round.getByTestId('help-request')).toContainText(`${secondName} asks for help`);
  await round.getByTestId('help-request').getByRole('button', { name: 'Done' }).click();

  // The facilitator moves someone live; their room changes.
  const mover = second[0]!;
  const moverName = ['Amina', 'Rashid', 'Karim', 'Reza'][people.indexOf(mover)]!;
  await round.getByLabel(`Move ${moverName} to`).selectOption({ label: names[0]!.replace('Your group: ', '') });
  await expect(mover.page.getByTestId('group-name')).toHaveText(names[0]!);
  // Screen readers hear it: the room's status says where they were moved.
  await expect(mover.page.getByTestId('group-moved')).toHaveText(`The facilitator moved you to ${names[0]!.replace('Your group: ', '')}.`);
  await expect(mover.page.getByTestId('group-notes')).toHaveValue(/^Joint investigations with Iran\. Facilitator: /);

  // Rapporteurs write findings.
  await first[0]!.page.getByLabel('Who reports back for the group').selectOption({ label: ['Amina', 'Rashid', 'Karim', 'Reza'][people.indexOf(first[0]!)]! });
  await first[0]!.page.getByTestId('findings-input').fill('Joint investigations work across phases.');
  await first[0]!.page.getByRole('button', { name: 'Save the findings' }).click();
  await expect(first[0]!.page.getByText('Findings saved.')).toBeVisible();
  await second[1]!.page.getByLabel('Who reports back for the group').selectOption({ label: ['Amina', 'Rashid', 'Karim', 'Reza'][people.indexOf(second[1]!)]! });
  await second[1]!.page.getByTestId('findings-input').fill('Child shelters need shared standards.');
  await second[1]!.page.getByRole('button', { name: 'Save the findings' }).click();
  await expect(second[1]!.page.getByText('Findings saved.')).toBeVisible();

  // Closing countdown, then everyone is back in the plenary, and the gallery shows both groups.
  await round.getByLabel('Closing countdown').selectOption('10');
  await round.getByRole('button', { name: 'End the round' }).click();
  await expect(people[0]!.page.getByTestId('closing-countdown')).toContainText('back to the plenary in');
  await expect(round.getByTestId('round-status')).toHaveText('Closed', { timeout: 20_000 });
  for (const p of people) {
    await expect(p.page.getByTestId('group-room')).toHaveCount(0);
    const gallery = p.page.getByTestId('gallery');
    await expect(gallery.getByTestId('gallery-group')).toHaveCount(2);
    await expect(gallery).toContainText('Joint investigations work across phases.');
    await expect(gallery).toContainText('Child shelters need shared standards.');
    await expect(gallery.getByTestId('group-board-link')).toHaveCount(2);
  }
  await people[2]!.page.screenshot({ path: test.info().outputPath('gallery-phone.png'), fullPage: true });
  await f.screenshot({ path: test.info().outputPath('console-breakouts.png'), fullPage: true });

  // The facilitator brings a group's note into the plenary: from the group's board to a new plenary board.
  await round.getByTestId('gallery-group').filter({ has: f.getByRole('heading', { name: firstGroup, exact: true }) }).getByTestId('group-board-link').click();
  const groupBoard = new BoardScreen(f);
  await groupBoard.ready();
  await groupBoard.item('Route: Herat to Mashhad').click();
  await f.getByTestId('facilitate').click();
  const copy = f.getByTestId('copy-to-plenary');
  await expect(copy).toContainText(`1 item selected; it keeps ${firstGroup} as its source.`);
  await copy.getByLabel('Plenary board').selectOption({ label: 'A new board: From the groups' });
  await copy.getByRole('button', { name: 'Copy 1 item' }).click();
  const plenaryBoard = new BoardScreen(f);
  await expect(f.getByTestId('copied-notice')).toHaveText(new RegExp(`1 item copied from ${firstGroup}\\.`));
  await plenaryBoard.ready();
  await expect(plenaryBoard.item('Route: Herat to Mashhad')).toContainText(`from ${firstGroup}`);
  await f.screenshot({ path: test.info().outputPath('copied-to-plenary.png') });
  // Everyone finds the new plenary board with the copied note and its source.
  await people[0]!.page.getByTestId('board-link').filter({ hasText: 'From the groups' }).click();
  const seen = new BoardScreen(people[0]!.page);
  await seen.ready();
  await expect(seen.item('Route: Herat to Mashhad')).toContainText(`from ${firstGroup}`);
});
