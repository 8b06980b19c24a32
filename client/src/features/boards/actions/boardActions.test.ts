import { describe, expect, it } from 'vitest';
import { actionForKey, boardActions, keyCaption, toolbarActions, type BoardContext, type KeyPress } from './boardActions';

const ctx = (over: Partial<BoardContext> = {}): BoardContext => ({
  selection: [],
  editable: [],
  canWrite: true,
  canUndo: false,
  canRedo: false,
  canVote: false,
  grid: false,
  ...over,
});

/** A target as the DOM gives one: `closest` answers for the selectors it is inside. */
const target = (...inside: string[]) => ({ closest: (s: string) => (s.split(',').some((x) => inside.includes(x.trim())) ? {} : null) }) as unknown as EventTarget;
const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: target(), ...over });

describe('board actions', () => {
  it('have unique names, and the toolbar keeps the order people know', () => {
    expect(new Set(boardActions.map((a) => a.name)).size).toBe(boardActions.length);
    expect(toolbarActions.map((a) => a.name)).toEqual(['add.note', 'add.country', 'add.practice', 'add.frame', 'add.lane', 'connect', 'delete', 'undo', 'redo', 'duplicate', 'grid']);
  });

  it('never act on a key typed into a note, a field or an editable element', () => {
    const selected = ctx({ selection: ['n1'], editable: ['n1'], canVote: true });
    for (const field of ['textarea', 'input', 'select', '[contenteditable="true"]']) {
      expect(actionForKey(press('v', { target: target(field) }), selected)).toBeNull();
      expect(actionForKey(press('n', { target: target(field) }), selected)).toBeNull();
      expect(actionForKey(press('Delete', { target: target(field) }), selected)).toBeNull();
    }
  });

  it('V adds a dot to the selected item and Shift+V takes one back, only while a vote is open', () => {
    expect(actionForKey(press('v'), ctx({ selection: ['n1'], canVote: true }))?.intent).toEqual({ type: 'dot', id: 'n1', delta: 1 });
    expect(actionForKey(press('V', { shiftKey: true }), ctx({ selection: ['n1'], canVote: true }))?.intent).toEqual({ type: 'dot', id: 'n1', delta: -1 });
    // Claimed, so nothing else acts on it, but nothing happens.
    expect(actionForKey(press('v'), ctx({ selection: ['n1'] }))).toMatchObject({ intent: null });
    // Ctrl+V pastes.
    expect(actionForKey(press('v', { ctrlKey: true }), ctx())?.intent).toEqual({ type: 'paste' });
  });

  it('turn each key into its intent, from the state of the board', () => {
    const two = ctx({ selection: ['a', 'b'], editable: ['a'] });
    expect(actionForKey(press('n'), ctx())?.intent).toEqual({ type: 'add', kind: 'note' });
    expect(actionForKey(press('n'), ctx({ canWrite: false }))?.intent).toBeNull();
    expect(actionForKey(press('c'), two)?.intent).toEqual({ type: 'connect', from: 'a', to: 'b' });
    expect(actionForKey(press('c', { metaKey: true }), two)?.intent).toEqual({ type: 'copy' });
    expect(actionForKey(press('Delete'), two)?.intent).toEqual({ type: 'remove', ids: ['a'] });
    expect(actionForKey(press('Backspace'), two)?.intent).toEqual({ type: 'remove', ids: ['a'] });
    expect(actionForKey(press('z', { ctrlKey: true }), ctx({ canUndo: true }))?.intent).toEqual({ type: 'undo' });
    expect(actionForKey(press('z', { ctrlKey: true, shiftKey: true }), ctx({ canRedo: true }))?.intent).toEqual({ type: 'redo' });
    expect(actionForKey(press('y', { ctrlKey: true }), ctx({ canRedo: true }))?.intent).toEqual({ type: 'redo' });
    expect(actionForKey(press('d', { ctrlKey: true }), two)?.intent).toEqual({ type: 'duplicate' });
    expect(actionForKey(press('f', { ctrlKey: true }), ctx())?.intent).toEqual({ type: 'focusSearch' });
    expect(actionForKey(press('e'), two)?.intent).toEqual({ type: 'edit', id: 'a' });
    expect(actionForKey(press('F2'), two)?.intent).toEqual({ type: 'edit', id: 'a' });
    expect(actionForKey(press('Escape'), two)?.intent).toEqual({ type: 'deselect' });
    expect(actionForKey(press('g'), ctx())?.intent).toEqual({ type: 'toggleGrid' });
    expect(actionForKey(press('ArrowLeft'), two)?.intent).toEqual({ type: 'nudge', dx: -10, dy: 0 });
    expect(actionForKey(press('ArrowDown', { shiftKey: true }), two)?.intent).toEqual({ type: 'nudge', dx: 0, dy: 50 });
    // A focused item moves itself with the arrows.
    expect(actionForKey(press('ArrowLeft', { target: target('.react-flow__node') }), two)).toBeNull();
    // Alt and unknown keys are not the board's.
    expect(actionForKey(press('n', { altKey: true }), ctx())).toBeNull();
    expect(actionForKey(press('q'), ctx())).toBeNull();
  });

  it('caption keys in the viewer\'s words', () => {
    const t = (k: string) => ({ 'board.key.delete': 'Suppr', 'board.key.escape': 'Échap', 'board.key.shift': 'Maj', 'board.key.arrows': 'Flèches' })[k]!;
    expect(keyCaption('Control+Z', t)).toBe('Ctrl+Z');
    expect(keyCaption('Shift+V', t)).toBe('Maj+V');
    expect(keyCaption('Delete', t)).toBe('Suppr');
    expect(keyCaption('ArrowUp ArrowDown ArrowLeft ArrowRight', t)).toBe('Flèches');
  });
});
