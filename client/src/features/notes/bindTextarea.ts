/**
 * Binds a <textarea> to a Y.Text: local typing becomes the smallest
 * delete + insert on code-point boundaries (common prefix and suffix kept), remote changes replace the
 * value while the caret stays where it was in the text (relative positions).
 * Input during IME composition is applied when the composition ends.
 */
import { simpleDiffString } from 'lib0/diff';
import * as Y from 'yjs';

/**
 * The change that turns `before` into `after`: where, how much to delete, what to
 * insert (common prefix and suffix kept). Never cuts a surrogate pair: Yjs counts
 * UTF-16 code units and stores half a pair as U+FFFD, so "note 😀" → "note 😃"
 * must replace the whole emoji, not its second half (lib0's diff rolls back onto
 * code-point boundaries). Combining marks, Arabic and Devanagari are whole code
 * units already, so any code-point boundary keeps them intact.
 */
export function diffText(before: string, after: string): { index: number; remove: number; insert: string } {
  return simpleDiffString(before, after);
}

export function bindTextarea(text: Y.Text, textarea: HTMLTextAreaElement): () => void {
  const doc = text.doc!;
  const origin = Symbol('textarea');
  let composing = false;
  let selection: [Y.RelativePosition, Y.RelativePosition] | null = null;

  const rememberSelection = () => {
    selection = [
      Y.createRelativePositionFromTypeIndex(text, textarea.selectionStart),
      Y.createRelativePositionFromTypeIndex(text, textarea.selectionEnd),
    ];
  };

  const pushLocal = () => {
    if (composing) return;
    const change = diffText(text.toString(), textarea.value);
    if (change.remove === 0 && change.insert === '') return;
    doc.transact(() => {
      if (change.remove > 0) text.delete(change.index, change.remove);
      if (change.insert) text.insert(change.index, change.insert);
    }, origin);
    rememberSelection();
  };

  const pullRemote = (_event: Y.YTextEvent, tx: Y.Transaction) => {
    if (tx.origin === origin) return;
    const focused = document.activeElement === textarea;
    textarea.value = text.toString();
    if (focused && selection) {
      const a = Y.createAbsolutePositionFromRelativePosition(selection[0], doc);
      const b = Y.createAbsolutePositionFromRelativePosition(selection[1], doc);
      if (a && b) textarea.setSelectionRange(a.index, b.index);
    }
  };

  const onCompositionStart = () => (composing = true);
  const onCompositionEnd = () => {
    composing = false;
    pushLocal();
  };

  const listeners: [string, () => void][] = [
    ['input', pushLocal],
    ['compositionstart', onCompositionStart],
    ['compositionend', onCompositionEnd],
    ['select', rememberSelection],
    ['keyup', rememberSelection],
    ['mouseup', rememberSelection],
    ['focus', rememberSelection],
  ];
  textarea.value = text.toString();
  for (const [event, fn] of listeners) textarea.addEventListener(event, fn);
  text.observe(pullRemote);
  return () => {
    text.unobserve(pullRemote);
    for (const [event, fn] of listeners) textarea.removeEventListener(event, fn);
  };
}
