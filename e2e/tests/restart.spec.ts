import { appendTo, FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { startServer } from '../fixtures/server.js';
import { expect, test } from '../fixtures/test.js';

test('a server restart on the same data directory loses nothing, and open pages reconnect by themselves', async ({ person }) => {
  const first = await startServer();
  test.info().annotations.push({ type: 'data', description: first.dataDir });
  const facilitator = await FacilitatorConsole.open(person, first.facilitatorUrl!);
  const amina = await Participant.join(person, first.url, first.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  await amina.typeInNotes('Before the restart.');
  await expect(facilitator.notes()).toHaveValue('Before the restart.');
  await expect(amina.page.getByTestId('save-status')).toHaveText('All changes saved');
  await facilitator.page.getByRole('button', { name: 'Start the first item' }).click();
  await expect(amina.page.getByTestId('now')).toContainText('Opening remarks');

  await first.stop();
  await expect(amina.connection()).not.toHaveAttribute('data-status', 'connected');
  // Typed while the server is down: kept, and sent when it is back.
  await amina.typeInNotes(' Typed offline.');

  const second = await startServer({ dataDir: first.dataDir, port: first.port });
  try {
    expect(second.joinCode).toBe(first.joinCode);
    expect(second.facilitatorUrl).toBeNull(); // the key is stored hashed: shown once only
    await expect(amina.connection()).toHaveAttribute('data-status', 'connected', { timeout: 20_000 });
    await expect(facilitator.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 20_000 });
    await expect(facilitator.notes()).toHaveValue('Before the restart. Typed offline.');
    await expect(amina.page.getByTestId('save-status')).toHaveText('All changes saved');
    await appendTo(facilitator.page, ' After.');
    await expect(amina.notes()).toHaveValue('Before the restart. Typed offline. After.');

    // A fresh page load sees the same workshop, people, agenda position and notes.
    await amina.page.reload();
    await expect(amina.notes()).toHaveValue('Before the restart. Typed offline. After.');
    await expect(amina.page.getByTestId('now')).toContainText('Opening remarks');
    await expect(facilitator.person('Amina')).toHaveClass(/online/);
    await expect(facilitator.page.getByTestId('people-count')).toHaveText('2 present · 2 joined');
  } finally {
    await second.stop();
  }
});
