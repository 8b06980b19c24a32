/**
 * The other text binding the client has: a group's answers, a ProseMirror editor
 * bound to a Y.XmlFragment by y-prosemirror (AnswerEditor.tsx). Its diff is lib0's,
 * which keeps surrogate pairs whole; these edits check it with every script a
 * workshop writes in, as the other participant receives them (issue 16, item 6).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { prosemirrorToYXmlFragment, ySyncPlugin } from 'y-prosemirror';
import * as Y from 'yjs';
import { answerSchema as schema } from './answerSchema';

const views: EditorView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
});

/** Plain text of a fragment's paragraphs, as another participant's document holds it. */
const textOf = (fragment: Y.XmlFragment) =>
  fragment
    .toArray()
    .map((p) => (p as Y.XmlElement).toArray().map((t) => (t as Y.XmlText).toString()).join(''))
    .join('\n');

const edits: [what: string, before: string, after: string][] = [
  ['emoji replaced by another sharing its high surrogate', 'note 😀', 'note 😃'],
  ['emoji deleted between two others', '😀😃😄', '😀😄'],
  ['flag changed', 'Morocco 🇲🇦', 'Morocco 🇲🇱'],
  ['combining mark swapped', 'e\u0301', 'e\u0300'],
  ['Arabic with harakat edited', 'مَرحَبًا بِكُم', 'مَرحَبًا بِكُنَّ'],
  ['Devanagari conjunct formed by a virama', 'नमस्ते', 'नमस्कार'],
];

describe('the answers editor binding', () => {
  it.each(edits)('%s arrives intact at the other participant', async (_what, before, after) => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
    const start = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(before)])]);
    prosemirrorToYXmlFragment(start, a.getXmlFragment('q'));
    expect(textOf(b.getXmlFragment('q'))).toBe(before);

    const host = document.createElement('div');
    document.body.append(host);
    const view = new EditorView(host, { state: EditorState.create({ schema, plugins: [ySyncPlugin(a.getXmlFragment('q'))] }) });
    views.push(view);
    await vi.waitFor(() => expect(view.state.doc.textContent).toBe(before));

    // Typing over the paragraph's text: y-prosemirror diffs the old text against the new.
    view.dispatch(view.state.tr.insertText(after, 1, 1 + before.length));
    await vi.waitFor(() => expect(textOf(b.getXmlFragment('q'))).toBe(after));
    expect(textOf(a.getXmlFragment('q'))).toBe(after);
  });
});
