/**
 * Mentions in a group's chat: "@" and part of a name lists who matches (a combobox);
 * the one picked is mentioned for real, and what matches no one is sent as plain text,
 * never as a mention of someone else. On a 360×640 phone, in English and in Arabic.
 */
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/axe.js';
import { planRound } from '../fixtures/breakouts.js';
import { catalog } from '../fixtures/i18n.js';
import { FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { expect, test } from '../fixtures/test.js';

const room = (page: Page) => page.getByTestId('group-room');
/** A message of the chat once the server has it (not still on its way). */
const posted = (page: Page, text: string): Locator =>
  room(page)
    .locator('[data-testid="chat-message"]:not([data-pending])')
    .filter({ has: page.getByTestId('chat-text').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

test('a person mentioned through the suggestions is mentioned; "@" and a name no one has stays plain text', async ({ server, person }) => {
  test.setTimeout(240_000);
  // The facilitator is a "Layla" too, so "@Lay" has two people to choose from.
  const facilitator = await FacilitatorConsole.open(person, server.facilitatorUrl!, 'Layla Karimi');
  const amina = await Participant.join(person, server.url, server.joinCode, { name: 'Amina Rahimi', represent: 'Afghanistan' });
  const layla = await Participant.join(person, server.url, server.joinCode, { name: 'Layla Haddad', represent: 'Morocco' });
  const pageErrors: string[] = [];
  for (const p of [amina.page, layla.page]) p.on('pageerror', (e) => pageErrors.push(e.message));

  const panel = facilitator.page.getByTestId('breakouts-panel');
  const round = await planRound(panel, { title: 'Country workplans', task: 'Agree on three actions.', minutes: '20', groups: '1' });
  await round.getByRole('button', { name: 'Make the groups' }).click();
  await round.getByRole('button', { name: 'Start the round' }).click();
  await expect(round.getByTestId('round-status')).toHaveText('Running');
  for (const p of [amina, layla]) await expect(room(p.page).getByTestId('chat-input')).toBeVisible();

  // Amina, on a small phone, types "@Lay": a combobox lists both Laylas, the first chosen.
  await amina.page.setViewportSize({ width: 360, height: 640 });
  const input = room(amina.page).getByRole('combobox', { name: 'Message' });
  await input.click();
  await input.pressSequentially('Thanks @Lay');
  const list = room(amina.page).getByRole('listbox', { name: 'People to mention' });
  await expect(list).toBeVisible();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(input).toHaveAttribute('aria-controls', (await list.getAttribute('id'))!);
  const options = list.getByRole('option');
  await expect(options).toHaveText(['Layla Haddad · Morocco', 'Layla Karimi · Facilitator']);
  await expect(room(amina.page).getByRole('status').filter({ hasText: 'people to mention' })).toHaveText('2 people to mention: arrow keys to choose, Enter to pick');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(list.getByRole('option', { name: 'Layla Haddad · Morocco' })).toBeVisible();

  // The open list on the phone: within the screen, above the box, nothing wider than the page.
  await amina.page.screenshot({ path: test.info().outputPath('mentions-phone.png') });
  const box = (await list.boundingBox())!;
  const inputBox = (await input.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(box.y + box.height).toBeLessThanOrEqual(inputBox.y);
  expect(await amina.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(amina.page, 'a group chat with the mention suggestions open');

  // Arrows move the choice (round the ends), Enter picks and does not send.
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await input.press('ArrowDown');
  await input.press('ArrowUp');
  await input.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(input).toHaveValue('Thanks @Layla Haddad ');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toBeHidden();
  await expect(room(amina.page).getByTestId('chat-message')).toHaveCount(0);
  await input.pressSequentially('for the figures');
  await input.press('Enter');

  // Layla sees the message as mentioning her; the mention shows as one to both.
  const text = 'Thanks @Layla Haddad for the figures';
  await expect(posted(layla.page, text)).toContainText('Mentions you');
  await expect(posted(layla.page, text).getByTestId('mention')).toHaveText('@Layla Haddad');
  await expect(posted(amina.page, text).getByTestId('mention')).toHaveText('@Layla Haddad');
  await expect(posted(amina.page, text)).not.toContainText('Mentions you');

  // "@Zzz" matches no one: the box says so, Enter sends it as plain text, a mention of no one.
  await input.pressSequentially('@Zzz');
  await expect(room(amina.page).getByTestId('mention-none')).toHaveText('No one matches “Zzz”; it will be sent as plain text.');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await input.press('Enter');
  await expect(posted(layla.page, '@Zzz')).toHaveCount(1);
  await expect(posted(layla.page, '@Zzz').getByTestId('mention')).toHaveCount(0);
  await expect(posted(layla.page, '@Zzz')).not.toContainText('Mentions you');

  // A half-typed "@Lay" let go with Escape is sent as it is: it mentions no one, not the first Layla.
  await input.pressSequentially('see you @Lay');
  await expect(list).toBeVisible();
  await input.press('Escape');
  await expect(list).toBeHidden();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await input.press('Enter');
  await expect(posted(layla.page, 'see you @Lay')).toHaveCount(1);
  await expect(posted(layla.page, 'see you @Lay').getByTestId('mention')).toHaveCount(0);
  await expect(posted(layla.page, 'see you @Lay')).not.toContainText('Mentions you');

  // Layla answers with a tap on a suggestion (a phone's way), picking Amina by her family name.
  const laylaInput = room(layla.page).getByTestId('chat-input');
  await laylaInput.click();
  await laylaInput.pressSequentially('@rah');
  await room(layla.page).getByRole('option', { name: 'Amina Rahimi · Afghanistan' }).tap();
  await expect(laylaInput).toHaveValue('@Amina Rahimi ');
  await expect(laylaInput).toBeFocused();
  await laylaInput.pressSequentially('done');
  await room(layla.page).getByTestId('chat-send').tap();
  await expect(posted(amina.page, '@Amina Rahimi done')).toContainText('Mentions you');

  // In Arabic, right to left: the list opens in the same place, its words translated.
  const ar = await catalog('ar');
  await amina.page.getByLabel('Language').selectOption('ar');
  await expect(amina.page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arInput = room(amina.page).getByTestId('chat-input');
  await arInput.click();
  await arInput.pressSequentially('@Lay');
  const arList = room(amina.page).getByRole('listbox', { name: ar['discussion.mention.list'] });
  await expect(arList.getByRole('option')).toHaveCount(2);
  await expect(arList.getByRole('option').nth(1)).toContainText(ar['discussion.chat.facilitator']!);
  await amina.page.screenshot({ path: test.info().outputPath('mentions-phone-ar.png') });
  const arBox = (await arList.boundingBox())!;
  expect(arBox.x).toBeGreaterThanOrEqual(0);
  expect(arBox.x + arBox.width).toBeLessThanOrEqual(360);
  expect(await amina.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await arInput.press('Escape');
  await expect(arList).toBeHidden();
  expect(pageErrors).toEqual([]);
});
