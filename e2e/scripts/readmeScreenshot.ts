/**
 * Makes docs/screenshot.png, the README's picture: the facilitator's console
 * during the demo's opening item (people and where they are), beside a
 * participant's phone on a synergy map. A real server and real Chromium, as
 * the e2e tests use them. Build first: `pnpm build`, then
 * `pnpm --filter @plenary/e2e screenshot:readme`.
 */
import { chromium, type BrowserContextOptions } from '@playwright/test';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBoard, openBoard } from '../fixtures/boards.js';
import { FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { startServer } from '../fixtures/server.js';

const out = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../docs/screenshot.png');
const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const person = (options?: BrowserContextOptions) => browser.newContext(options);
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!, 'Ilias (UNODC)');
  const f = facilitator.page;
  await f.setViewportSize({ width: 1600, height: 1075 });
  const board = await createBoard(facilitator, 'Synergy map', 'Synergy map (first- and second-phase countries, six objectives)');
  await board.addNote('Joint investigation teams: Pakistan and Iran');
  await board.addNote('Referral of child victims to protection services');
  await f.goBack();
  const people: Participant[] = [];
  for (const [name, represent] of [
    ['Amina Rahimi', 'Afghanistan'],
    ['Karim Benali', 'Morocco'],
    ['Ana Souza', 'Brazil'],
    ['Olena Koval', 'Ukraine'],
  ] as const) {
    people.push(await Participant.join(person, server.url, server.joinCode, { name, represent }));
  }
  await f.getByRole('button', { name: 'Start the first item' }).click();
  await openBoard(people[0]!.page, 'Synergy map');
  await openBoard(people[1]!.page, 'Synergy map');
  // Closer in on the phone, where the notes are.
  await people[0]!.page.locator('.react-flow__node').filter({ hasText: 'Joint investigation teams' }).tap();
  for (let i = 0; i < 3; i++) await people[0]!.page.locator('.react-flow__controls-zoomin').tap();
  await people[0]!.page.getByRole('button', { name: 'Close the panel' }).tap();
  await people[0]!.page.waitForTimeout(800);
  await f.waitForTimeout(800);
  const consoleShot = await f.screenshot();
  const phoneShot = await people[0]!.page.screenshot();

  // Side by side, on a neutral background.
  const compose = await (await person({ viewport: { width: 1720, height: 880 } })).newPage();
  await compose.setContent(`<body style="margin:0;background:#dfe4ea;display:flex;gap:20px;padding:10px;align-items:flex-start">
    <img style="inline-size:1280px;border-radius:8px;box-shadow:0 2px 8px #0003" src="data:image/png;base64,${consoleShot.toString('base64')}">
    <img style="inline-size:390px;border-radius:16px;box-shadow:0 2px 8px #0003" src="data:image/png;base64,${phoneShot.toString('base64')}">
  </body>`);
  await compose.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
