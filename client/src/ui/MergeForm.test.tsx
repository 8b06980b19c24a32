import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MergeForm } from './MergeForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// What i18n would give: the test's own words, not the interface's.
const words = { label: 'Merge “Q1” into', submit: 'Merge' };

const targets = [
  { id: 'a', text: 'Train border officers' },
  { id: 'b', text: `Share case data ${'x'.repeat(100)}` },
];

async function render(onMerge: (id: string) => void, onClose: () => void) {
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    createRoot(host).render(<MergeForm label={words.label} submit={words.submit} targets={targets} onMerge={onMerge} onClose={onClose} />);
  });
  const select = host.querySelector('select')!;
  const submit = () => act(async () => host.querySelector('form')!.requestSubmit());
  return { host, select, submit };
}

afterEach(() => document.body.replaceChildren());

describe('the merge form', () => {
  it('names its choice, lists the targets (their text cut at 80) and starts on the first', async () => {
    const { host, select } = await render(() => {}, () => {});
    expect(host.querySelector('label')?.textContent).toBe(words.label);
    expect(host.querySelector('label')?.htmlFor).toBe(select.id);
    expect([...select.options].map((o) => o.value)).toEqual(['a', 'b']);
    expect(select.options[1]!.textContent).toHaveLength(80);
    expect(select.value).toBe('a');
  });

  it('reports the chosen target and closes', async () => {
    const onMerge = vi.fn();
    const onClose = vi.fn();
    const { select, submit } = await render(onMerge, onClose);
    select.value = 'b';
    await submit();
    expect(onMerge).toHaveBeenCalledExactlyOnceWith('b');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('with nothing to merge into, only closes', async () => {
    const onMerge = vi.fn();
    const onClose = vi.fn();
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => {
      createRoot(host).render(<MergeForm label={words.label} submit={words.submit} targets={[]} onMerge={onMerge} onClose={onClose} />);
    });
    await act(async () => host.querySelector('form')!.requestSubmit());
    expect(onMerge).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
