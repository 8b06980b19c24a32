import { appendTo, FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';

test('a participant joins with the code and the facilitator sees them arrive live; reload keeps their identity; both write the notes', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  await expect(facilitator.page.getByTestId('join-code')).toHaveText(`${server.joinCode.slice(0, 3)}-${server.joinCode.slice(3)}`);
  await expect(facilitator.page.getByTestId('people-count')).toHaveText('1 present · 1 joined');

  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina Rahimi', represent: 'Afghanistan' });
  // The facilitator sees her without reloading, online, under her country.
  await expect(facilitator.person('Amina Rahimi')).toBeVisible();
  await expect(facilitator.person('Amina Rahimi')).toHaveClass(/online/);
  await expect(facilitator.page.getByTestId('people-count')).toHaveText('2 present · 2 joined');
  await expect(facilitator.page.locator('.people-group', { hasText: 'Afghanistan' })).toContainText('Amina Rahimi');

  // Both edit the shared notes and see each other's text.
  await amina.typeInNotes('Afghanistan: referral of child victims.');
  await expect(facilitator.notes()).toHaveValue('Afghanistan: referral of child victims.');
  await appendTo(facilitator.page, ' Morocco: prosecutors network.');
  await expect(amina.notes()).toHaveValue('Afghanistan: referral of child victims. Morocco: prosecutors network.');
  await expect(amina.page.getByTestId('save-status')).toHaveText('All changes saved');

  // A reload keeps the same person: no new participant, same name, notes still there.
  const before = await amina.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plenary.session.')));
  await amina.page.reload();
  await expect(amina.notes()).toHaveValue('Afghanistan: referral of child victims. Morocco: prosecutors network.');
  await expect(amina.page.getByRole('button', { name: /Amina Rahimi/ })).toBeVisible();
  await expect(amina.connection()).toHaveAttribute('data-status', 'connected');
  expect(await amina.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plenary.session.')))).toEqual(before);
  await expect(facilitator.page.getByTestId('people-count')).toHaveText('2 present · 2 joined');
  await expect(facilitator.person('Amina Rahimi')).toHaveCount(1);
});

test('an observer follows but cannot write; a removed participant is signed out', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const observer = await Participant.join(person, server.url, server.joinCode, { name: 'Donor observer', represent: 'EU — European Union', observer: true });
  await expect(observer.page.getByText('You are an observer')).toBeVisible();
  await expect(observer.notes()).toHaveAttribute('readonly', '');
  await expect(observer.page.getByTestId('save-status')).toHaveText('Read only');
  await expect(facilitator.person('Donor observer')).toContainText('observer');

  await appendTo(facilitator.page, 'Agreed: share the referral handbook.');
  await expect(observer.notes()).toHaveValue('Agreed: share the referral handbook.');

  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });
  await expect(facilitator.person('Karim')).toBeVisible();
  facilitator.page.once('dialog', (d) => void d.accept());
  await facilitator.person('Karim').getByRole('button', { name: 'Remove Karim from the workshop' }).click();
  await expect(karim.page.getByRole('heading', { name: 'You were removed from this workshop' })).toBeVisible();
  await expect(facilitator.person('Karim')).toHaveCount(0);
  // Coming back to the workshop's page does not let them in again.
  await karim.page.reload();
  await expect(karim.page.getByRole('heading', { name: 'You have not joined this workshop on this device' })).toBeVisible();
});

test('the facilitator leads the agenda and everyone sees now and next', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const p = await Participant.join(person, server.url, server.joinCode, { name: 'Olga', represent: 'Ukraine' });
  // A fresh demo is about to start (or running by the clock), never over.
  await expect(p.page.getByTestId('now')).toBeVisible();
  await expect(p.page.getByTestId('now')).not.toContainText('The programme has ended');
  await expect(p.page.getByTestId('next')).not.toContainText('Nothing more on the agenda');
  // Moved back to the concept note's dates, the programme is over for everyone; led, it runs again.
  await facilitator.page.getByLabel('First day').fill('2019-05-20');
  await facilitator.page.getByRole('button', { name: 'Move the workshop' }).click();
  await expect(facilitator.page.getByRole('status').filter({ hasText: 'The workshop now starts on' })).toHaveText('The workshop now starts on May 20, 2019.');
  await expect(p.page.getByTestId('now')).toContainText('The programme has ended');
  await facilitator.page.getByRole('button', { name: 'Start the first item' }).click();
  await expect(p.page.getByTestId('now')).toContainText('Opening remarks');
  await expect(p.page.getByTestId('next')).toContainText('Introducing GLO.ACT Asia and the Middle East');
  await facilitator.page.getByRole('button', { name: 'Next item' }).click();
  await expect(p.page.getByTestId('now')).toContainText('Introducing GLO.ACT Asia and the Middle East');
});

test('wrong codes and incomplete links get clear messages', async ({ server, person }) => {
  const context = await person({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Workshop code').fill('12');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('A workshop code has 6 letters and digits, like ABC-DEF.');
  await page.getByLabel('Workshop code').fill('ZZZ-ZZZ');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('No workshop has this code. Check it with the facilitator.');
  await page.goto('/f/glo-act-cop-2019');
  await expect(page.getByRole('heading', { name: 'This facilitator link is incomplete' })).toBeVisible();
  await page.goto('/f/glo-act-cop-2019#key=not-the-right-key-at-all-0000000000');
  await page.getByLabel('Your name').fill('Mallory');
  await page.getByRole('button', { name: 'Open the console' }).click();
  await expect(page.getByRole('alert')).toHaveText('This facilitator link is not valid. Ask for a new one.');
});
