import { BoardScreen, createBoard, openBoard } from '../fixtures/boards.js';
import { FacilitatorConsole, openProjector, Participant } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';

test('the facilitator runs the room: agenda, a timer everyone sees, pause and resume, announcements', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const p = amina.page;

  await f.getByRole('button', { name: 'Start the first item' }).click();
  await expect(p.getByTestId('now')).toContainText('Opening remarks');
  await expect(f.getByTestId('item-progress')).toHaveText(/20 minutes left|19 minutes left/);
  // Extending moves the times of what follows, on everyone's agenda.
  await f.getByRole('button', { name: '+10 min Extend the current item by 10 minutes (later items move)' }).click();
  await expect(p.getByTestId('next')).toContainText('15:00–15:30');

  await f.getByLabel('Minutes', { exact: true }).first().fill('2');
  await f.getByLabel('What for (optional)').fill('Table discussion');
  await f.getByRole('button', { name: 'Start the timer' }).click();
  await expect(p.getByTestId('timer')).toContainText('Table discussion');
  await expect(p.getByTestId('timer-time')).toHaveText(/^(2:00|1:5\d)$/);
  const first = await p.getByTestId('timer-time').textContent();
  await expect(p.getByTestId('timer-time')).not.toHaveText(first!);
  await f.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(p.getByTestId('timer')).toHaveAttribute('data-state', 'paused');

  await f.getByLabel('Message on everyone’s screen').fill('Eyes on the speaker, please');
  await f.getByRole('button', { name: 'Pause the room' }).click();
  await expect(p.getByTestId('pause-overlay')).toContainText('Eyes on the speaker, please');
  await expect(f.getByTestId('pause-overlay')).toHaveCount(0);
  await f.getByRole('button', { name: 'Resume the room' }).click();
  await expect(p.getByTestId('pause-overlay')).toHaveCount(0);

  await f.getByLabel('Announcement to everyone').fill('Lunch is served in the Rotunda');
  await f.getByRole('button', { name: 'Announce', exact: true }).click();
  await expect(p.getByTestId('announcement')).toHaveText(/Lunch is served in the Rotunda/);
  await p.getByTestId('announcement').getByRole('button', { name: 'Dismiss' }).click();
  await expect(p.getByTestId('announcement')).toHaveCount(0);

  // Everything holds across a reload, except what this person dismissed.
  await p.reload();
  await expect(p.getByTestId('timer')).toHaveAttribute('data-state', 'paused');
  await expect(p.getByTestId('announcement')).toHaveCount(0);
  await expect(p.getByTestId('now')).toContainText('Opening remarks');
  await p.screenshot({ path: test.info().outputPath('participant-phone.png'), fullPage: true });
  await f.screenshot({ path: test.info().outputPath('console.png'), fullPage: true });
});

test('questions: asked, upvoted once each, approved, answered and shown on the projector', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const projector = await openProjector(facilitator);
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const boris = await Participant.join(person, server.url, server.joinCode, { name: 'Boris', represent: 'Belarus' });
  const olga = await Participant.join(person, server.url, server.joinCode, { name: 'Olga', represent: 'Ukraine' });

  await amina.page.getByLabel('Your question').fill('How do we refer child victims across borders?');
  await amina.page.getByLabel('Show it').selectOption({ label: 'With my country or organisation only' });
  await amina.page.getByRole('button', { name: 'Ask' }).click();
  await expect(amina.page.getByText('It appears once a facilitator approves it.')).toBeVisible();
  await expect(amina.page.getByTestId('question')).toContainText('Waiting for approval');
  await expect(boris.page.getByTestId('question')).toHaveCount(0);

  const pending = f.getByTestId('pending-questions').getByTestId('question');
  await expect(pending).toContainText('How do we refer child victims across borders?');
  await expect(pending).toContainText('Afghanistan');
  await pending.getByRole('button', { name: 'Approve' }).click();

  for (const p of [boris, olga]) {
    const q = p.page.getByTestId('question').filter({ hasText: 'child victims' });
    await expect(q).toBeVisible();
    await q.getByTestId('upvote').click();
    await expect(q.getByTestId('upvote')).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(f.getByTestId('questions').getByTestId('votes')).toHaveText('2');
  await expect(amina.page.getByTestId('votes')).toHaveText('2');

  const listed = f.getByTestId('questions').getByTestId('question');
  await listed.getByRole('button', { name: 'Show on the projector' }).click();
  await expect(projector.getByTestId('projector-question')).toContainText('How do we refer child victims across borders?');
  await expect(projector.getByTestId('projector-question')).toContainText('2 upvotes');
  await listed.getByRole('button', { name: 'Mark answered' }).click();
  await expect(olga.page.getByTestId('question')).toContainText('Answered');
  await projector.screenshot({ path: test.info().outputPath('projector-question.png') });
});

test('a facilitator makes a participant co-facilitator, who can then open the console', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });
  await facilitator.person('Karim').getByRole('button', { name: 'Make Karim a co-facilitator' }).click();
  await expect(karim.page.getByText('You are now a co-facilitator.')).toBeVisible();
  await karim.page.getByRole('link', { name: 'Open the facilitator console' }).click();
  await expect(karim.page.getByRole('heading', { name: 'Run of show' })).toBeVisible();
  await karim.page.getByLabel('Announcement to everyone').fill('Co-facilitated');
  await karim.page.getByRole('button', { name: 'Announce', exact: true }).click();
  await expect(facilitator.page.getByText('Co-facilitated')).toBeVisible();
});

test('the opening item’s steps: a board opens for all, then a poll launches, then a timer everyone sees; the room pauses and resumes', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const projector = await openProjector(facilitator);
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });

  await f.getByRole('button', { name: 'Start the first item' }).click();
  await expect(amina.page.getByTestId('now')).toContainText('Opening remarks');

  // Step: the prepared synergy map opens for everyone (and on the projector).
  await f.getByRole('button', { name: /Show the board “Synergy map/ }).click();
  for (const p of [amina, karim]) {
    const board = new BoardScreen(p.page);
    await board.ready();
    await expect(board.item('Afghanistan')).toBeVisible();
  }
  await expect(projector.locator('.react-flow, [data-testid="projector-board"]').first()).toBeVisible();

  // Step: the prepared poll launches; people on the board are told, and vote.
  await f.getByRole('button', { name: /Launch the poll “On which of the six objectives/ }).click();
  await expect(amina.page.getByTestId('open-poll-notice')).toContainText('A poll is open.');
  await amina.page.getByTestId('open-poll-notice').getByRole('link', { name: 'Vote now' }).click();
  const poll = amina.page.getByTestId('polls').getByTestId('poll').first();
  await expect(poll).toContainText('On which of the six objectives does your country most want to learn from others?');
  await poll.getByRole('radio', { name: 'Protection and assistance to victims' }).check();
  await poll.getByRole('button', { name: 'Vote', exact: true }).click();
  await expect(poll.getByTestId('poll-message')).toHaveText('Your ballot is saved. You can change it until the poll closes.');

  // Step: a timer everyone sees counting down.
  await f.getByRole('button', { name: /Start a timer of 2 minutes/ }).click();
  await expect(amina.page.getByTestId('timer')).toContainText('Answer the opening question');
  const t0 = await amina.page.getByTestId('timer-time').textContent();
  await expect(amina.page.getByTestId('timer-time')).not.toHaveText(t0!);
  await expect(projector.getByTestId('timer')).toContainText('Answer the opening question');
  // Karim is still on the board: the countdown shows there too.
  await expect(karim.page).toHaveURL(/\/boards\//);
  await expect(karim.page.getByTestId('timer')).toContainText('Answer the opening question');
  await expect(f.getByText('done')).toHaveCount(3);

  // Pause the room, then resume it.
  await f.getByRole('button', { name: 'Pause the room' }).click();
  for (const p of [amina, karim]) await expect(p.page.getByTestId('pause-overlay')).toBeVisible();
  await f.getByRole('button', { name: 'Resume the room' }).click();
  for (const p of [amina, karim]) await expect(p.page.getByTestId('pause-overlay')).toHaveCount(0);
});

test('a short timer counts down on every page, says time is up, then clears itself everywhere', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const projector = await openProjector(facilitator);
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });
  await createBoard(facilitator, 'Ideas');
  await f.goBack();
  await openBoard(karim.page, 'Ideas');

  await f.getByLabel('Minutes', { exact: true }).first().fill('0.1'); // 6 seconds
  await f.getByLabel('What for (optional)').fill('Quick round');
  await f.getByRole('button', { name: 'Start the timer' }).click();
  const views = { console: f, phone: amina.page, board: karim.page, projector };
  for (const page of Object.values(views)) await expect(page.getByTestId('timer')).toContainText('Quick round');
  for (const page of Object.values(views)) await expect(page.getByTestId('timer')).toHaveAttribute('data-state', 'up');
  await expect(amina.page.getByTestId('timer-time')).toHaveText('Time is up');
  await amina.page.screenshot({ path: test.info().outputPath('phone-time-is-up.png') });
  // Briefly: then it clears itself from every screen, without anyone stopping it (20 s after the end).
  for (const page of Object.values(views)) await expect(page.getByTestId('timer')).toHaveCount(0, { timeout: 40_000 });
  await expect(f.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0);
  // A reload or a late arrival does not bring it back.
  await amina.page.reload();
  await expect(amina.page.getByTestId('now')).toBeVisible();
  await expect(amina.page.getByTestId('timer')).toHaveCount(0);
});

test('the console shows where people are: the home screen or a board, live and after a reload; participants do not see it', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = facilitator.page;
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });
  const placeOf = (name: string) => f.getByTestId('person').filter({ hasText: name }).getByTestId('person-place');
  await expect(placeOf('Amina')).toHaveText('on the home screen');
  await expect(placeOf('Karim')).toHaveText('on the home screen');
  await createBoard(facilitator, 'Synergies');
  await f.goBack();
  await openBoard(amina.page, 'Synergies');
  await expect(placeOf('Amina')).toHaveText('on the board Synergies');
  await expect(f.getByTestId('people-places')).toContainText('on the board Synergies: 1');
  await expect(f.getByTestId('people-places')).toContainText('on the home screen: 1');
  await f.locator('section.people').screenshot({ path: test.info().outputPath('console-people-places.png') });
  await f.reload();
  await expect(placeOf('Amina')).toHaveText('on the board Synergies');
  await amina.page.goBack();
  await expect(placeOf('Amina')).toHaveText('on the home screen');
  await expect(karim.page.getByTestId('person')).not.toHaveCount(0);
  await expect(karim.page.getByTestId('person-place')).toHaveCount(0);
  await expect(karim.page.getByTestId('people-places')).toHaveCount(0);
});
