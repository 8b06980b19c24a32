import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../i18n/messages/en';
import { MentionTextarea, type Suggestion } from './MentionTextarea';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const people: Suggestion[] = [
  { id: 'l', name: 'Layla Haddad', detail: 'Morocco' },
  { id: 'k', name: 'Layla Karimi', detail: 'Iran' },
  { id: 'r', name: 'Reza Ahmadi' },
];

function Box({ onSend, onPick }: { onSend: (text: string) => void; onPick: (id: string) => void }) {
  const [value, setValue] = useState('');
  return <MentionTextarea id="box" value={value} onValue={setValue} onSend={() => onSend(value)} onPick={onPick} people={people} placeholder={en["discussion.chat.placeholder"]} maxLength={1000} />;
}

async function render() {
  const host = document.createElement('div');
  document.body.append(host);
  const onSend = vi.fn<(text: string) => void>();
  const onPick = vi.fn<(id: string) => void>();
  await act(async () => {
    createRoot(host).render(
      <IntlProvider locale="en" messages={en}>
        <Box onSend={onSend} onPick={onPick} />
      </IntlProvider>,
    );
  });
  const box = host.querySelector('textarea')!;
  const list = host.querySelector('[role="listbox"]') as HTMLElement;
  await act(async () => box.focus());
  /** Types the whole text, the caret at its end, as the browser reports an input. */
  const type = (text: string) =>
    act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, text);
      box.setSelectionRange(text.length, text.length);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const press = async (key: string, shiftKey = false) => {
    const e = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true });
    await act(async () => box.dispatchEvent(e));
    return e;
  };
  const options = () => [...list.querySelectorAll('[role="option"]')] as HTMLElement[];
  const status = () => host.querySelector('[role="status"]')!.textContent;
  return { host, box, list, type, press, options, status, onSend, onPick };
}

afterEach(() => document.body.replaceChildren());

describe('the message box with mention suggestions', () => {
  it('lists who matches "@" and part of a name as a combobox, arrows choose, Enter picks without sending', async () => {
    const { box, list, type, press, options, status, onSend, onPick } = await render();
    expect(box.getAttribute('role')).toBe('combobox');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('aria-controls')).toBe(list.id);

    await type('Hi @lay');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);
    expect(options().map((o) => o.textContent)).toEqual(['Layla Haddad · Morocco', 'Layla Karimi · Iran']);
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(status()).toBe('2 people to mention: arrow keys to choose, Enter to pick');

    expect((await press('ArrowDown')).defaultPrevented).toBe(true);
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    await press('ArrowDown');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    await press('ArrowUp');
    await press('Enter');
    expect(box.value).toBe('Hi @Layla Karimi ');
    expect(box.selectionStart).toBe(box.value.length);
    expect(onPick).toHaveBeenCalledWith('k');
    expect(onSend).not.toHaveBeenCalled();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);

    // Writing on after the name does not bring the list back; Enter then sends.
    await type('Hi @Layla Karimi are you there?');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await press('Enter');
    expect(onSend).toHaveBeenCalledWith('Hi @Layla Karimi are you there?');
  });

  it('says no one matches a name no one has, and Enter sends the text as it is', async () => {
    const { box, host, type, press, status, onSend } = await render();
    await type('@Zzz');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(host.querySelector('[data-testid="mention-none"]')?.textContent).toBe('No one matches “Zzz”; it will be sent as plain text.');
    expect(status()).toBe('No one matches “Zzz”; it will be sent as plain text.');
    await press('Enter');
    expect(onSend).toHaveBeenCalledWith('@Zzz');
  });

  it('closes on Escape and leaves a second Escape to the page; Shift+Enter is a new line', async () => {
    const { box, type, press, onSend } = await render();
    await type('@re');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect((await press('Enter', true)).defaultPrevented).toBe(false);
    const first = await press('Escape');
    expect(first.defaultPrevented).toBe(true);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    const second = await press('Escape');
    expect(second.defaultPrevented).toBe(false);
    // Another "@" opens them afresh.
    await type('@re @la');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('picks with Tab or a click, keeping the focus in the box', async () => {
    const { box, type, press, options, onPick } = await render();
    await type('@ahm');
    expect((await press('Tab')).defaultPrevented).toBe(true);
    expect(box.value).toBe('@Reza Ahmadi ');
    await type('@Reza Ahmadi and @kar');
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    options()[0]!.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    await act(async () => options()[0]!.click());
    expect(box.value).toBe('@Reza Ahmadi and @Layla Karimi ');
    expect(onPick.mock.calls).toEqual([['r'], ['k']]);
    expect(document.activeElement).toBe(box);
  });

  it('shows nothing while the box does not have the focus', async () => {
    const { box, type } = await render();
    await type('@la');
    await act(async () => box.blur());
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await act(async () => box.focus());
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });
});
