import { expectNoSeriousA11yViolations } from '../fixtures/axe.js';
import { BoardScreen, createBoard, openBoard } from '../fixtures/boards.js';
import { FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { startServer } from '../fixtures/server.js';
import { expect, test } from '../fixtures/test.js';

const desktop = { viewport: { width: 1400, height: 900 } };

test('three people edit one board: every change reaches the others, concurrent moves converge, a reload shows the same board', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Synergies across the six objectives', 'Synergy map (first- and second-phase countries, six objectives)');
  await expect(f.item('Legislation')).toBeVisible();
  await expect(f.item('First-phase countries')).toBeVisible();

  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });
  await amina.page.setViewportSize(desktop.viewport);
  await karim.page.setViewportSize(desktop.viewport);
  const a = await openBoard(amina.page, 'Synergies across the six objectives');
  const k = await openBoard(karim.page, 'Synergies across the six objectives');

  await a.addNote('Joint investigation teams with Iran');
  await expect(k.item('Joint investigation teams with Iran')).toBeVisible();
  await expect(f.item('Joint investigation teams with Iran')).toBeVisible();
  await k.addNote('Referral of child victims');
  await expect(a.item('Referral of child victims')).toBeVisible();

  // Others' cursors are labelled with their names.
  await karim.page.mouse.move(700, 500);
  await karim.page.mouse.move(720, 520);
  await expect(amina.page.locator('.board-cursor-name', { hasText: 'Karim' })).toBeVisible();

  // Both move the same note at once: everyone ends with the same position.
  await Promise.all([a.drag('Joint investigation teams with Iran', 160, 40), k.drag('Joint investigation teams with Iran', -120, 90)]);
  await a.saved();
  await k.saved();
  await expect
    .poll(async () => JSON.stringify([await a.position('Joint investigation teams with Iran'), await k.position('Joint investigation teams with Iran'), await f.position('Joint investigation teams with Iran')]))
    .toMatch(/^\[(\{[^}]+\}),\1,\1\]$/);

  // The facilitator connects the two notes (select one, add the other, connect). By keyboard: where the two
  // moves converge is a race, and the moved note may end under the other, where no pointer can reach it.
  await f.item('Joint investigation teams with Iran').focus();
  await f.page.keyboard.press('Enter');
  await f.item('Referral of child victims').focus();
  await f.page.keyboard.press('Shift+Enter');
  await f.page.getByRole('button', { name: 'Connect' }).click();
  await expect(a.connectors()).toHaveCount(1);
  await expect(k.connectors()).toHaveCount(1);

  // Karim makes a note wider by typing its width; Amina sees it. Then he drags a corner handle.
  await k.item('Referral of child victims').click();
  const width = karim.page.getByLabel('Width', { exact: true });
  await width.fill('320');
  await width.press('Enter');
  await expect.poll(() => a.item('Referral of child victims').evaluate((el) => (el as HTMLElement).offsetWidth)).toBeCloseTo(320, 0);
  const handle = k.item('Referral of child victims').locator('.react-flow__resize-control.handle.bottom.right');
  const hb = (await handle.boundingBox())!;
  await karim.page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await karim.page.mouse.down();
  for (let i = 1; i <= 5; i++) await karim.page.mouse.move(hb.x + hb.width / 2 + 12 * i, hb.y + hb.height / 2 + 8 * i);
  await karim.page.mouse.up();
  await k.saved();
  await expect.poll(async () => Number(await width.inputValue())).toBeGreaterThan(320);

  // A reload shows the same board.
  const before = await a.position('Joint investigation teams with Iran');
  await amina.page.reload();
  const again = new BoardScreen(amina.page);
  await again.ready();
  await expect(again.item('Referral of child victims')).toBeVisible();
  expect(await again.position('Joint investigation teams with Iran')).toEqual(before);
  await expect(again.connectors()).toHaveCount(1);
});

test('a person who goes offline keeps editing, sees how many changes wait, and loses nothing on return', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Patterns', 'Patterns of movement and exploitation');
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  await amina.page.setViewportSize(desktop.viewport);
  const a = await openBoard(amina.page, 'Patterns');
  await a.addNote('Before going offline');
  await expect(f.item('Before going offline')).toBeVisible();

  await amina.context.setOffline(true);
  await expect(a.status()).toContainText('offline');
  await a.addNote('Written on the train');
  await a.addNote('Route through Turkey');
  await expect(a.status()).toHaveText(/Offline — \d+ changes waiting to be sent/);
  await expect(f.item('Written on the train')).toHaveCount(0);

  await amina.context.setOffline(false);
  await expect(f.item('Written on the train')).toBeVisible({ timeout: 15_000 });
  await expect(f.item('Route through Turkey')).toBeVisible();
  await a.saved();
});

test('a server restart shows the same board', async ({ person }) => {
  const first = await startServer();
  const facilitator = await FacilitatorConsole.open(person, first.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Workplan inputs');
  await f.addNote('Kept across a restart');
  await f.saved();
  await first.stop();
  await expect(f.status()).toContainText('offline');
  const second = await startServer({ dataDir: first.dataDir, port: first.port });
  try {
    await f.saved();
    await facilitator.page.reload();
    const again = new BoardScreen(facilitator.page);
    await again.ready();
    await expect(again.item('Kept across a restart')).toBeVisible();
  } finally {
    await second.stop();
  }
});

test('keyboard only: create a note, move it, connect two items, delete', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Keyboard');
  const page = f.page;
  // Create: N, type, Escape.
  await page.locator('.react-flow__pane').focus();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Text of the note')).toBeFocused();
  await page.keyboard.type('First by keyboard');
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByLabel('Text of the note')).toBeFocused();
  await page.keyboard.type('Second by keyboard');
  await page.keyboard.press('Escape');
  await expect(f.notes()).toHaveCount(2);

  // Move the selected note with the arrow keys.
  const before = await f.position('Second by keyboard');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => f.position('Second by keyboard')).toEqual({ x: before.x + 10, y: before.y + 50 });

  // Select both with Tab / Enter / Shift+Enter, then C connects them.
  await page.keyboard.press('Escape');
  await f.item('First by keyboard').focus();
  await page.keyboard.press('Enter');
  await f.item('Second by keyboard').focus();
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('c');
  await expect(f.connectors()).toHaveCount(1);

  // Delete: select one note and press Delete; its connector goes with it.
  await f.item('First by keyboard').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(f.notes()).toHaveCount(1);
  await expect(f.connectors()).toHaveCount(0);
  // Undo brings it back (only my own change).
  await page.keyboard.press('Control+z');
  await expect(f.notes()).toHaveCount(2);
});

test('a single-key shortcut on a note selected by a click acts on the board and never types into a note', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Shortcuts');
  const page = f.page;
  await f.addNote('Alpha');
  await f.addNote('Beta');
  // Back to the note just written, by a click: it is selected, its text is not being edited.
  await f.item('Alpha').click();
  await f.item('Beta').click();
  await expect(page.getByLabel('Text of the note')).toHaveValue('Beta');
  await expect(page.getByLabel('Text of the note')).not.toBeFocused();
  await page.keyboard.press('v');
  await page.keyboard.press('x');
  await expect(page.getByLabel('Text of the note')).toHaveValue('Beta');
  await f.saved();
  await expect(f.item('Beta').getByText('Beta', { exact: true })).toBeVisible();
  // E edits, as the person chose to.
  await page.keyboard.press('e');
  await expect(page.getByLabel('Text of the note')).toBeFocused();
});

test('screenshots: a synergy map on a desktop, on a phone, and in Arabic; a dot vote with hidden results', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'خريطة التآزر — Synergy map', 'Synergy map (first- and second-phase countries, six objectives)');
  await f.addNote('Joint investigation teams: Pakistan and Iran');
  await f.addNote('إحالة الأطفال الضحايا إلى خدمات الحماية');
  await f.page.getByRole('button', { name: 'Facilitate' }).click();
  await f.page.getByRole('button', { name: 'Open the vote' }).click();
  await expect(f.page.getByText('Voting is open')).toBeVisible();

  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const a = await openBoard(amina.page, 'Synergy map');
  await a.item('Joint investigation teams').click();
  await amina.page.getByRole('button', { name: 'Vote', exact: true }).click();
  await amina.page.keyboard.press('v');
  await expect(a.item('Joint investigation teams').getByTestId('board-dots')).toHaveText('● 1');
  // Hidden: the facilitator sees the count, another participant sees nothing of Amina's dot.
  await expect(f.item('Joint investigation teams').getByTestId('board-dots')).toHaveText('● 1');
  await amina.page.screenshot({ path: test.info().outputPath('board-phone.png') });

  await f.page.screenshot({ path: test.info().outputPath('board-desktop.png') });

  const rashid = await Participant.join(person, server.url, server.joinCode, { name: 'رشيد', represent: 'Iraq' });
  await rashid.page.setViewportSize({ width: 1280, height: 800 });
  rashid.page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack));
  await rashid.page.evaluate(() => localStorage.setItem('plenary.language', 'ar'));
  await rashid.page.reload();
  const r = await openBoard(rashid.page, 'Synergy map');
  await expect(rashid.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(r.item('Joint investigation teams').getByTestId('board-dots')).toHaveCount(0);
  await expect(r.item('إحالة الأطفال')).toBeVisible();
  await rashid.page.screenshot({ path: test.info().outputPath('board-arabic.png') });
});

test('on a phone, by touch only: tap to add a note and write it, drag it with a finger, tap to select and delete; the facilitator sees each step', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Touch board');
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const page = amina.page;
  const b = await openBoard(page, 'Touch board');

  await page.getByRole('button', { name: 'Note', exact: true }).tap();
  const editor = page.getByLabel('Text of the note');
  await expect(editor).toBeFocused();
  await editor.fill('Written on a phone');
  // Done writing: the panel's close button, tapped.
  await page.getByRole('button', { name: 'Close the panel' }).tap();
  await expect(editor).toHaveCount(0);
  await expect(f.item('Written on a phone')).toBeVisible();
  const before = await b.position('Written on a phone');

  // A finger drags the note 120 px to the side and 80 down.
  const cdp = await amina.context.newCDPSession(page);
  const box = (await b.item('Written on a phone').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + 12 * i, y: y + 8 * i }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(async () => (await b.position('Written on a phone')).x).toBeGreaterThan(before.x + 40);
  const after = await b.position('Written on a phone');
  expect(after.y).toBeGreaterThan(before.y + 20);
  await expect.poll(() => f.position('Written on a phone')).toEqual(after);

  // Tap to select, then the toolbar's Delete.
  await b.item('Written on a phone').tap();
  await page.getByRole('button', { name: 'Delete', exact: true }).tap();
  await expect(b.item('Written on a phone')).toHaveCount(0);
  await expect(f.item('Written on a phone')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('board-touch.png') });
});

test('comment threads on notes: a participant comments, the note shows the count for everyone, the facilitator replies; text stays text', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Threads');
  await f.addNote('Joint investigation teams');
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const a = await openBoard(amina.page, 'Threads');
  let dialogs = 0;
  amina.page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });

  await a.item('Joint investigation teams').click();
  const thread = amina.page.getByTestId('item-thread');
  await thread.getByTestId('chat-input').fill('Same in our country <img src=x onerror=alert(1)>');
  await thread.getByTestId('chat-send').click();
  await expect(thread.getByTestId('chat-text')).toHaveText(['Same in our country <img src=x onerror=alert(1)>']);
  await expect(a.item('Joint investigation teams').getByTestId('board-comments')).toHaveText('1');
  await expect(f.item('Joint investigation teams').getByTestId('board-comments')).toHaveText('1');
  await expect(f.item('Joint investigation teams').getByTestId('board-comments')).toHaveAttribute('aria-label', '1 comment');

  await f.item('Joint investigation teams').click();
  const fThread = f.page.getByTestId('item-thread');
  await expect(fThread.getByTestId('chat-text')).toHaveText(['Same in our country <img src=x onerror=alert(1)>']);
  await fThread.getByTestId('chat-input').fill('Which agencies take part?');
  await fThread.getByTestId('chat-input').press('Enter');
  await expect(thread.getByTestId('chat-text')).toHaveText(['Same in our country <img src=x onerror=alert(1)>', 'Which agencies take part?']);
  await expect(a.item('Joint investigation teams').getByTestId('board-comments')).toHaveText('2');
  expect(dialogs).toBe(0);
  await expect(thread.locator('img')).toHaveCount(0);
  await amina.page.screenshot({ path: test.info().outputPath('board-thread-phone.png') });
  await expectNoSeriousA11yViolations(amina.page, 'a board on a phone, a note with its thread');
  await expectNoSeriousA11yViolations(f.page, 'a board in the console, a note with its thread');
  // A reload keeps the thread.
  await amina.page.reload();
  const again = new BoardScreen(amina.page);
  await again.ready();
  await expect(again.item('Joint investigation teams').getByTestId('board-comments')).toHaveText('2');
});

test('private mode: each participant sees only their own new notes, the facilitator sees everyone’s with whose they are, and reveal puts them on the board for all', async ({ server, person }) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const f = await createBoard(facilitator, 'Private brainstorm');
  await f.page.getByRole('button', { name: 'Facilitate' }).click();
  const privateMode = f.page.getByRole('button', { name: 'Private mode: new notes hidden' });
  await privateMode.click();
  await expect(f.page.getByRole('button', { name: 'Reveal everyone’s notes' })).toHaveAttribute('aria-pressed', 'true');

  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina', represent: 'Afghanistan' });
  const karim = await Participant.join(person, server.url, server.joinCode, { name: 'Karim', represent: 'Morocco' });
  const a = await openBoard(amina.page, 'Private brainstorm');
  const k = await openBoard(karim.page, 'Private brainstorm');
  await a.addNote('Draft national referral mechanism');
  await k.addNote('Hotline in three languages');

  // Each sees their own, not the other's; the facilitator sees both, marked and locked.
  await expect(k.item('Draft national referral mechanism')).toHaveCount(0);
  await expect(a.item('Hotline in three languages')).toHaveCount(0);
  await expect(f.item('Draft national referral mechanism')).toBeVisible();
  await expect(f.item('Hotline in three languages')).toBeVisible();
  await expect(f.item('Draft national referral mechanism').locator('.board-private-tag')).toHaveText('Private: Amina');
  await expect(f.item('Hotline in three languages').locator('.board-private-tag')).toHaveText('Private: Karim');
  await expect(a.item('Draft national referral mechanism').locator('.board-private-tag')).toHaveText('Only you');
  // By keyboard (both notes were added in the middle of a same-sized view, one on the other), the
  // facilitator's controls closed so the panel shows the note.
  await f.page.getByRole('button', { name: 'Close the panel' }).click();
  await f.item('Draft national referral mechanism').focus();
  await f.page.keyboard.press('Enter');
  await expect(f.page.getByText('Private note by Amina: only they and the facilitators see it until the board is revealed.')).toBeVisible();
  // An edit after the facilitator opened the board reaches them too.
  await k.addNote('Shelter capacity map');
  await expect(f.item('Shelter capacity map')).toBeVisible();
  await expect(a.item('Shelter capacity map')).toHaveCount(0);
  await f.page.screenshot({ path: test.info().outputPath('board-private-facilitator.png') });
  await expectNoSeriousA11yViolations(f.page, 'a private board in the console, a participant’s private note selected');

  // Reveal: everyone's notes join the board, once each, for everyone.
  await f.page.getByRole('button', { name: 'Facilitate' }).click();
  await f.page.getByRole('button', { name: 'Reveal everyone’s notes' }).click();
  for (const screen of [a, k, f]) {
    // Moved apart, some may lie outside one's view (only what is in view is drawn): show the whole board.
    await screen.page.getByRole('button', { name: 'Show the whole board' }).click();
    await expect(screen.item('Draft national referral mechanism')).toHaveCount(1);
    await expect(screen.item('Hotline in three languages')).toHaveCount(1);
    await expect(screen.item('Shelter capacity map')).toHaveCount(1);
  }
  // They were written on one another (each in the middle of the same view); revealed, they lie side by side.
  const boxes = await Promise.all(['Draft national referral mechanism', 'Hotline in three languages', 'Shelter capacity map'].map(async (t) => (await k.item(t).boundingBox())!));
  for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y).toBe(false);
  await karim.page.screenshot({ path: test.info().outputPath('board-private-revealed.png') });
});
