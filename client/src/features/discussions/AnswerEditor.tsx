/**
 * The co-edited answer to one guiding question: a ProseMirror editor bound to
 * the question's fragment of the group's answers document (y-prosemirror),
 * with the others' cursors from the document's awareness. Loaded lazily: the
 * editor's code is fetched only when a group room shows questions.
 */
import { useEffect, useRef, useState } from 'react';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, setBlockType, toggleMark } from 'prosemirror-commands';
import { inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { answerSchema as schema } from './answerSchema';

export interface AnswerEditorProps {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  editable: boolean;
  /** Accessible name of the editing area. */
  label: string;
  labels: { toolbar: string; bold: string; italic: string; heading: string; bullets: string; numbers: string };
  testId?: string;
}

/** Only colours we made ourselves reach a style attribute. */
const safeColor = (c: unknown) => (typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#6b7280');

/** A remote caret with its owner's name, as text. */
function cursorBuilder(user: { name?: unknown; color?: unknown }): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'ProseMirror-yjs-cursor';
  caret.style.borderColor = safeColor(user.color);
  caret.setAttribute('data-testid', 'remote-cursor');
  const label = document.createElement('span');
  label.className = 'remote-cursor-name';
  label.style.backgroundColor = safeColor(user.color);
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, 60) : '';
  caret.append('\u2060', label, '\u2060');
  return caret;
}

const markActive = (state: EditorState, type: (typeof schema.marks)[keyof typeof schema.marks]) => {
  const { from, $from, to, empty } = state.selection;
  return empty ? !!type.isInSet(state.storedMarks ?? $from.marks()) : state.doc.rangeHasMark(from, to, type);
};

export default function AnswerEditor({ fragment, awareness, editable, label, labels, testId }: AnswerEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    if (!host.current) return;
    const { nodes, marks } = schema;
    const v = new EditorView(host.current, {
      state: EditorState.create({
        schema,
        plugins: [
          ySyncPlugin(fragment),
          yCursorPlugin(awareness, { cursorBuilder }),
          yUndoPlugin(),
          inputRules({
            rules: [
              wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
              wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list, (m) => ({ order: Math.min(9999, Number(m[1])) })),
              textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading, (m) => ({ level: m[1]!.length })),
            ],
          }),
          keymap({
            'Mod-z': undo,
            'Mod-y': redo,
            'Mod-Shift-z': redo,
            'Mod-b': toggleMark(marks.strong),
            'Mod-i': toggleMark(marks.em),
            'Shift-Enter': (state, dispatch) => {
              dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
              return true;
            },
            Enter: splitListItem(nodes.list_item),
            'Mod-[': liftListItem(nodes.list_item),
            'Mod-]': sinkListItem(nodes.list_item),
          }),
          keymap(baseKeymap),
        ],
      }),
      // Set from the props below, once the view exists.
      editable: () => false,
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        dir: 'auto',
        class: 'answer-text',
        ...(testId ? { 'data-testid': testId } : {}),
      },
      // Called with the view as `this`, also while the view is being made (the binding renders the document).
      dispatchTransaction(this: EditorView, tr) {
        // The binding may still report a change of the document after the view is gone (switching groups).
        if (this.isDestroyed) return;
        this.updateState(this.state.apply(tr));
        setTick((n) => n + 1);
      },
    });
    // The view is an external resource made here and destroyed below; the toolbar renders once it exists.
    setView(v);
    return () => {
      v.destroy();
      setView(null);
    };
  }, [fragment, awareness, label, testId]);

  useEffect(() => {
    view?.setProps({ editable: () => editable });
    view?.dom.setAttribute('aria-readonly', String(!editable));
  }, [view, editable]);

  const run = (cmd: Command) => () => {
    if (!view) return;
    cmd(view.state, view.dispatch, view);
    view.focus();
  };
  const { nodes, marks } = schema;
  const state = view?.state;
  return (
    <div className="answer-editor">
      {editable && (
        <div className="answer-toolbar" role="toolbar" aria-label={labels.toolbar}>
          <button type="button" className="small" aria-pressed={!!state && markActive(state, marks.strong)} onClick={run(toggleMark(marks.strong))}>
            <strong>{labels.bold}</strong>
          </button>
          <button type="button" className="small" aria-pressed={!!state && markActive(state, marks.em)} onClick={run(toggleMark(marks.em))}>
            <em>{labels.italic}</em>
          </button>
          <button type="button" className="small" onClick={run(setBlockType(nodes.heading, { level: 1 }))}>
            {labels.heading}
          </button>
          <button type="button" className="small" onClick={run(wrapInList(nodes.bullet_list))}>
            {labels.bullets}
          </button>
          <button type="button" className="small" onClick={run(wrapInList(nodes.ordered_list))}>
            {labels.numbers}
          </button>
        </div>
      )}
      <div ref={host} />
    </div>
  );
}
