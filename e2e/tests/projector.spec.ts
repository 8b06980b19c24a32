import { FacilitatorConsole, openProjector, Participant } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';

test('the projector shows how to join and follows the facilitator without anyone touching it', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const projector = await openProjector(facilitator);
  await expect(projector.getByTestId('projector-code')).toHaveText(`${server.joinCode.slice(0, 3)}-${server.joinCode.slice(3)}`);
  await expect(projector.getByRole('img', { name: 'QR code to join this workshop' })).toBeVisible();
  await expect(projector.getByTestId('projector-present')).toHaveText('1 person present');

  await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  await expect(projector.getByTestId('projector-present')).toHaveText('2 people present');
  // The projector is not a person in the room.
  await expect(facilitator.page.getByTestId('people-count')).toHaveText('2 present · 2 joined');

  await facilitator.page.getByRole('button', { name: 'Start the first item' }).click();
  await expect(projector.getByTestId('projector-now')).toHaveText('Opening remarks');
  await facilitator.page.getByRole('button', { name: 'Next item' }).click();
  await expect(projector.getByTestId('projector-now')).toHaveText('Introducing GLO.ACT Asia and the Middle East');

  // It survives a reload by itself, and opening it again reuses the same screen session.
  await projector.reload();
  await expect(projector.getByTestId('projector-now')).toHaveText('Introducing GLO.ACT Asia and the Middle East');
  await projector.screenshot({ path: test.info().outputPath('projector.png') });
});
