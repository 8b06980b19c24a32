import { createBoard, openBoard } from '../fixtures/boards.js';
import { docxText, downloadOf, OutcomesScreen } from '../fixtures/outcomes.js';
import { FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';

const fromNote = 'Child-friendly interview rooms in every border province';
const bilalAction = 'Amend the 2018 anti-trafficking act to cover forced criminality';

test('delegates of two countries propose workplan inputs, one from a board note; the facilitator agrees one, the matrix counts them, and the report holds them', async ({
  server,
  person,
}) => {
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!);
  const [amina, bilal] = await Promise.all([
    Participant.join(person, server.url, server.joinCode, { name: 'Amina Karimi', represent: 'Afghanistan' }),
    Participant.join(person, server.url, server.joinCode, { name: 'Bilal Rashid', represent: 'Pakistan' }),
  ]);

  // The facilitator opens a board; Amina writes a note on it and turns the note into an input.
  await createBoard(facilitator, 'Workplan ideas');
  await facilitator.page.goBack();
  const board = await openBoard(amina.page, 'Workplan ideas');
  await board.addNote(fromNote);
  await board.item(fromNote).click();
  // By keyboard: on the phone the board page's layout viewport is zoomed out, and a tap lands on the swatches above.
  const turn = amina.page.getByRole('button', { name: 'Turn into a workplan input' });
  await turn.focus();
  await turn.press('Enter');
  const aminaOutcomes = new OutcomesScreen(amina.page);
  const form = aminaOutcomes.panel().getByTestId('input-form');
  await expect(form.getByLabel('Proposed action')).toHaveValue(fromNote);
  await expect(form.getByLabel('Based on')).toHaveValue(/^board:/);
  const when = await aminaOutcomes.propose({ objective: 'Children — Assistance and support to children', lead: 'Ministry of Labour and Social Affairs', quarter: 'Q3', priority: 'High' }, false);
  // The quarters offered follow the workshop's date, which a fresh demo places about now.
  const thisYear = new Date().getFullYear();
  expect([`Q3 ${thisYear}`, `Q3 ${thisYear + 1}`]).toContain(when);
  await expect(aminaOutcomes.input(fromNote)).toContainText('From the board Workplan ideas');
  await expect(aminaOutcomes.input(fromNote)).toContainText('Proposed by you');

  // Bilal proposes for Pakistan (the only owner his form offers).
  const bilalOutcomes = new OutcomesScreen(bilal.page);
  await bilalOutcomes.panel().getByRole('button', { name: 'Propose an input for Pakistan' }).click();
  await bilalOutcomes.propose({ objective: 'Legislation — Legislative review and harmonisation', action: bilalAction, priority: 'Medium' }, false);
  // He sees Amina's input, by her country only (the default attribution), and cannot act on it.
  await expect(bilalOutcomes.input(fromNote)).toBeVisible();
  await expect(bilalOutcomes.input(fromNote)).not.toContainText('Amina');
  await expect(bilalOutcomes.input(fromNote).getByRole('button')).toHaveCount(0);
  await bilalOutcomes.panel().screenshot({ path: test.info().outputPath('phone-outcomes.png') });

  // The facilitator agrees Amina's input; everyone sees it agreed.
  const desk = new OutcomesScreen(facilitator.page);
  await expect(desk.input(fromNote)).toContainText('Afghanistan');
  await desk.input(fromNote).getByRole('button', { name: 'Agree' }).click();
  await expect(desk.input(fromNote)).toHaveAttribute('data-status', 'agreed');
  await expect(aminaOutcomes.input(fromNote)).toHaveAttribute('data-status', 'agreed');
  await expect(aminaOutcomes.input(fromNote).getByRole('button', { name: 'Edit' })).toHaveCount(0);

  // The matrix counts one input for Afghanistan × Children and one for Pakistan × Legislation.
  await desk.view('Matrix');
  await expect(desk.matrixCell('country:AF', 'children')).toHaveText('1');
  await expect(desk.matrixCell('country:PK', 'legislation')).toHaveText('1');
  await expect(desk.matrixCell('country:PK', 'children')).toHaveText('0');
  await expect(desk.panel().getByTestId('outcomes-matrix').locator('tfoot .total')).toHaveText('2');
  await desk.panel().screenshot({ path: test.info().outputPath('console-matrix.png') });
  await desk.view('What is missing');
  await expect(desk.panel().getByTestId('outcomes-missing')).toContainText('Nepal');
  await expect(desk.panel().getByTestId('outcomes-missing')).not.toContainText('Pakistan');

  // The board goes into the report, which downloads as Word.
  const downloads = facilitator.page.getByTestId('outcomes-downloads');
  // The box follows the workshop's state: it shows checked once the server has the choice.
  await downloads.getByLabel('Workplan ideas').click();
  await expect(downloads.getByLabel('Workplan ideas')).toBeChecked();
  await downloads.screenshot({ path: test.info().outputPath('console-downloads.png') });
  const report = await downloadOf(facilitator.page, downloads.getByRole('button', { name: 'Report (Word)' }));
  expect(report.name).toMatch(/GLO\.ACT Community of Practice Workshop - Workshop report\.docx$/);
  const { text, files } = docxText(report.bytes);
  for (const s of [fromNote, bilalAction, 'Agreed', 'Proposed', 'Ministry of Labour and Social Affairs', when!, 'Afghanistan', 'Pakistan', 'Workplan ideas']) expect(text).toContain(s);
  for (const name of ['Amina', 'Bilal']) expect(text).not.toContain(name);
  // The chosen board is pictured (SVG with a PNG fallback).
  expect(files.some((f) => f.startsWith('word/media/') && f.endsWith('.svg'))).toBe(true);
  expect(files.some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
});
