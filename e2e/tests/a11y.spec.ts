import { expectNoSeriousA11yViolations } from '../fixtures/axe.js';
import { FacilitatorConsole, openProjector, Participant } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';

test('every screen passes axe (WCAG 2.1 AA, no serious or critical violations), in English and in Arabic', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  await facilitator.page.getByLabel('Announcement to everyone').fill('Welcome');
  await facilitator.page.getByRole('button', { name: 'Announce', exact: true }).click();
  await facilitator.page.getByRole('button', { name: 'Start the first item' }).click();
  const projector = await openProjector(facilitator);

  const front = await (await person({ baseURL: server.url })).newPage();
  await front.goto('/');
  await expectNoSeriousA11yViolations(front, 'front door');
  await front.goto(`/join/${server.joinCode}`);
  await expect(front.getByLabel('Your name')).toBeVisible();
  await expectNoSeriousA11yViolations(front, 'join form');

  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  await amina.page.getByLabel('Your question').fill('A question?');
  await amina.page.getByRole('button', { name: 'Ask' }).click();
  await expectNoSeriousA11yViolations(amina.page, 'participant home');
  await expectNoSeriousA11yViolations(facilitator.page, 'facilitator console');
  await expectNoSeriousA11yViolations(projector, 'projector');

  await amina.page.getByLabel('Language').selectOption('ar');
  await expect(amina.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoSeriousA11yViolations(amina.page, 'participant home in Arabic');
});
