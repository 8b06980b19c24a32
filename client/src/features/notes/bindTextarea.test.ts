import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextarea, diffText } from './bindTextarea';

/** Two replicas of one text that exchange updates (two browsers through the server), each bound to a textarea. */
function boundPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
  b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
  const ta = document.createElement('textarea');
  const tb = document.createElement('textarea');
  bindTextarea(a.getText('t'), ta);
  bindTextarea(b.getText('t'), tb);
  return { a, b, ta, tb };
}

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
    const { ta, tb } = boundPair();
    ta.value = 'Morocco';
    ta.dispatchEvent(new Event('input'));
    expect(tb.value).toBe('Morocco');
    tb.value = 'Morocco, Mali';
    tb.dispatchEvent(new Event('input'));
    expect(ta.value).toBe('Morocco, Mali');
  });
});

/**
 * Edits a person makes in one textarea, as the other bound textarea (another
 * participant) receives them. Yjs counts UTF-16 code units and turns half of a
 * surrogate pair into U+FFFD when a change splits one, so a diff that cuts an
 * emoji or another astral character in half corrupts it for everyone.
 */
describe('bindTextarea with every script', () => {
  const edits: [what: string, before: string, after: string][] = [
    ['emoji replaced by another sharing its high surrogate', 'note 😀', 'note 😃'],
    ['emoji inserted before another', 'note 😃', 'note 😀😃'],
    ['emoji deleted between two others', '😀😃😄', '😀😄'],
    ['astral ideograph changed (CJK extension B)', '𠀀𠀁', '𠀀𠀂'],
    ['flag changed (regional indicators)', 'Morocco 🇲🇦', 'Morocco 🇲🇱'],
    ['family emoji grown by a ZWJ sequence', '👩‍👧', '👩‍👧‍👦'],
    ['family emoji changed inside its ZWJ sequence', '👩‍👧‍👦', '👩‍👦‍👦'],
    ['skin tone changed', '👍🏻', '👍🏿'],
    ['combining acute added and removed', 'Bogota', 'Bogota\u0301'],
    ['combining mark swapped', 'e\u0301', 'e\u0300'],
    ['Arabic with harakat edited', 'مَرحَبًا بِكُم', 'مَرحَبًا بِكُنَّ'],
    ['Arabic word inserted in a right-to-left line', 'اتجار بالبشر', 'مكافحة الاتجار بالبشر'],
    ['Devanagari conjunct formed by a virama', 'नमस्ते', 'नमस्कार'],
    ['Devanagari vowel sign changed', 'किताब', 'कुताब'],
    ['Persian with ZWNJ', 'می‌خواهم', 'نمی‌خواهم'],
  ];

  it.each(edits)('%s arrives intact everywhere', (_what, before, after) => {
    const { a, b, ta, tb } = boundPair();
    ta.value = before;
    ta.dispatchEvent(new Event('input'));
    ta.value = after;
    ta.dispatchEvent(new Event('input'));
    expect(a.getText('t').toString()).toBe(after);
    expect(tb.value).toBe(after);
    expect(b.getText('t').toString()).toBe(after);
    // And someone who joins later, from what is stored.
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(a));
    expect(late.getText('t').toString()).toBe(after);
  });

  it('never splits a surrogate pair in the change it computes', () => {
    const change = diffText('note 😀', 'note 😃');
    expect(change).toEqual({ index: 5, remove: 2, insert: '😃' });
    expect(diffText('😀😃😄', '😀😄')).toEqual({ index: 2, remove: 2, insert: '' });
  });
});
