import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextarea, diffText } from './bindTextarea';

describe('diffText', () => {
  it('finds the smallest change', () => {
    expect(diffText('hello world', 'hello brave world')).toEqual({ index: 6, remove: 0, insert: 'brave ' });
    expect(diffText('abc', 'ac')).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
    expect(diffText('', 'x')).toEqual({ index: 0, remove: 0, insert: 'x' });
    expect(diffText('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
  });
});

describe('bindTextarea', () => {
  it('sends typing to the Y.Text and shows remote edits, keeping the caret in place', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'world');
    const ta = document.createElement('textarea');
    document.body.append(ta);
    const unbind = bindTextarea(text, ta);
    expect(ta.value).toBe('world');

    ta.focus();
    ta.value = 'world!';
    ta.setSelectionRange(6, 6);
    ta.dispatchEvent(new Event('input'));
    expect(text.toString()).toBe('world!');

    // Someone else types at the start; our caret stays after "!".
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    remote.getText('t').insert(0, 'Hello ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(ta.value).toBe('Hello world!');
    expect(ta.selectionStart).toBe(12);
    unbind();
  });

  it('merges concurrent edits of two bound textareas', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
    const ta = document.createElement('textarea');
    const tb = document.createElement('textarea');
    bindTextarea(a.getText('t'), ta);
    bindTextarea(b.getText('t'), tb);
    ta.value = 'Morocco';
    ta.dispatchEvent(new Event('input'));
    expect(tb.value).toBe('Morocco');
    tb.value = 'Morocco, Mali';
    tb.dispatchEvent(new Event('input'));
    expect(ta.value).toBe('Morocco, Mali');
  });
});
