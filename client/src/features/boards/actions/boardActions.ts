/**
 * Every intent a person can have on a board, as one registered object each
 * (after excalidraw's actions): a name, the key of its label, whether it can
 * run now (`enabled`), which key press asks for it (`keyTest`), and a pure
 * `perform` that turns the board's state into what should happen (an
 * intent). The page's one interpreter (useBoardActions) carries intents out;
 * the toolbar, the shortcut bar and the keyboard all read this registry, so a
 * key and its button can never disagree.
 *
 * The keyboard dispatcher `actionForKey` ignores keys typed into an editable
 * target: a single-key shortcut acts on the selection and never types into a
 * note unless the person chose to edit it (E, F2, Enter or double-click).
 */
import type { ItemKind } from '@plenary/shared';
import type { MessageKey } from '../../../i18n/messages/en';

export type AddableKind = Exclude<ItemKind, 'connector'>;

/** What a board looks like to its actions, at the moment a key is pressed or a button drawn. */
export interface BoardContext {
  selection: readonly string[];
  /** The selected items this person may change (not in a locked frame, board writable). */
  editable: readonly string[];
  canWrite: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** A dot vote is open and this person may vote. */
  canVote: boolean;
  grid: boolean;
}

/** What an action asks the page to do. */
export type BoardIntent =
  | { type: 'add'; kind: AddableKind }
  | { type: 'connect'; from: string; to: string }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'copy' }
  | { type: 'paste' }
  | { type: 'duplicate' }
  | { type: 'nudge'; dx: number; dy: number }
  | { type: 'dot'; id: string; delta: number }
  | { type: 'edit'; id: string }
  | { type: 'deselect' }
  | { type: 'toggleGrid' }
  | { type: 'focusSearch' };

/** The parts of a key press the actions read (a DOM KeyboardEvent is one). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

export interface BoardAction {
  name: string;
  label: MessageKey;
  /** For aria-keyshortcuts and the shortcut bar (the key names of the WAI-ARIA attribute). */
  keys?: string;
  /** Drawn as a toolbar button, in registry order. */
  toolbar?: boolean;
  testId?: string;
  enabled: (ctx: BoardContext) => boolean;
  /** For toggles: drawn with aria-pressed. */
  pressed?: (ctx: BoardContext) => boolean;
  keyTest?: (k: KeyPress, ctx: BoardContext) => boolean;
  perform: (ctx: BoardContext, k?: KeyPress) => BoardIntent;
}

const mod = (k: KeyPress) => k.ctrlKey || k.metaKey;
/** A plain key: no Ctrl, Cmd or Alt (Shift is read by the action itself). */
const plain = (k: KeyPress, key: string) => !mod(k) && !k.altKey && k.key.toLowerCase() === key;
const withMod = (k: KeyPress, key: string) => mod(k) && k.key.toLowerCase() === key;

function addAction(kind: AddableKind, key?: string): BoardAction {
  return {
    name: `add.${kind}`,
    label: `board.add.${kind}`,
    keys: key?.toUpperCase(),
    toolbar: true,
    testId: kind === 'note' ? 'add-note' : undefined,
    enabled: (c) => c.canWrite,
    keyTest: key ? (k) => plain(k, key) : undefined,
    perform: () => ({ type: 'add', kind }),
  };
}

const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export const boardActions: readonly BoardAction[] = [
  addAction('note', 'n'),
  addAction('country'),
  addAction('practice'),
  addAction('frame'),
  addAction('lane'),
  {
    name: 'connect',
    label: 'board.connect',
    keys: 'C',
    toolbar: true,
    enabled: (c) => c.canWrite && c.selection.length >= 2,
    keyTest: (k) => plain(k, 'c'),
    perform: (c) => ({ type: 'connect', from: c.selection[0]!, to: c.selection[1]! }),
  },
  {
    name: 'delete',
    label: 'board.delete',
    keys: 'Delete',
    toolbar: true,
    enabled: (c) => c.editable.length > 0,
    keyTest: (k) => !mod(k) && !k.altKey && (k.key === 'Delete' || k.key === 'Backspace'),
    perform: (c) => ({ type: 'remove', ids: c.editable }),
  },
  {
    name: 'undo',
    label: 'board.undo',
    keys: 'Control+Z',
    toolbar: true,
    enabled: (c) => c.canUndo,
    keyTest: (k) => withMod(k, 'z') && !k.shiftKey,
    perform: () => ({ type: 'undo' }),
  },
  {
    name: 'redo',
    label: 'board.redo',
    keys: 'Control+Y',
    toolbar: true,
    enabled: (c) => c.canRedo,
    keyTest: (k) => withMod(k, 'y') || (withMod(k, 'z') && k.shiftKey),
    perform: () => ({ type: 'redo' }),
  },
  {
    name: 'duplicate',
    label: 'board.duplicate',
    keys: 'Control+D',
    toolbar: true,
    enabled: (c) => c.canWrite && c.selection.length > 0,
    keyTest: (k) => withMod(k, 'd'),
    perform: () => ({ type: 'duplicate' }),
  },
  {
    name: 'grid',
    label: 'board.grid',
    keys: 'G',
    toolbar: true,
    enabled: () => true,
    pressed: (c) => c.grid,
    keyTest: (k) => plain(k, 'g'),
    perform: () => ({ type: 'toggleGrid' }),
  },
  {
    name: 'copy',
    label: 'board.action.copy',
    keys: 'Control+C',
    enabled: (c) => c.selection.length > 0,
    keyTest: (k) => withMod(k, 'c'),
    perform: () => ({ type: 'copy' }),
  },
  {
    name: 'paste',
    label: 'board.action.paste',
    keys: 'Control+V',
    enabled: (c) => c.canWrite,
    keyTest: (k) => withMod(k, 'v'),
    perform: () => ({ type: 'paste' }),
  },
  {
    name: 'search',
    label: 'board.search',
    keys: 'Control+F',
    enabled: () => true,
    keyTest: (k) => withMod(k, 'f'),
    perform: () => ({ type: 'focusSearch' }),
  },
  {
    name: 'dot.add',
    label: 'board.vote.add',
    keys: 'V',
    enabled: (c) => c.canVote && c.selection.length > 0,
    keyTest: (k) => plain(k, 'v') && !k.shiftKey,
    perform: (c) => ({ type: 'dot', id: c.selection[0]!, delta: 1 }),
  },
  {
    name: 'dot.remove',
    label: 'board.vote.remove',
    keys: 'Shift+V',
    enabled: (c) => c.canVote && c.selection.length > 0,
    keyTest: (k) => plain(k, 'v') && k.shiftKey,
    perform: (c) => ({ type: 'dot', id: c.selection[0]!, delta: -1 }),
  },
  {
    name: 'edit',
    label: 'board.action.edit',
    keys: 'E',
    enabled: (c) => c.selection.length > 0,
    keyTest: (k) => plain(k, 'e') || (!mod(k) && k.key === 'F2'),
    perform: (c) => ({ type: 'edit', id: c.selection[0]! }),
  },
  {
    name: 'deselect',
    label: 'board.action.deselect',
    keys: 'Escape',
    enabled: (c) => c.selection.length > 0,
    keyTest: (k) => k.key === 'Escape',
    perform: () => ({ type: 'deselect' }),
  },
  {
    name: 'nudge',
    label: 'board.action.nudge',
    keys: 'ArrowUp ArrowDown ArrowLeft ArrowRight',
    enabled: (c) => c.editable.length > 0,
    // A focused item moves itself with the arrows (the canvas does that); these move the selection.
    keyTest: (k) => !mod(k) && !k.altKey && k.key in arrows && !closest(k.target, '.react-flow__node'),
    perform: (_c, k) => {
      const [x, y] = arrows[k?.key ?? ''] ?? [0, 0];
      const step = k?.shiftKey ? 50 : 10;
      return { type: 'nudge', dx: x * step, dy: y * step };
    },
  },
];

export const toolbarActions = boardActions.filter((a) => a.toolbar);

export function actionNamed(name: string): BoardAction {
  const a = boardActions.find((x) => x.name === name);
  if (!a) throw new Error(`no board action ${name}`);
  return a;
}

function closest(target: EventTarget | null, selector: string): boolean {
  const el = target as { closest?: (s: string) => unknown } | null;
  return typeof el?.closest === 'function' && el.closest(selector) !== null;
}

/** Keys typed here are the person's text, never a shortcut. */
export function isEditableTarget(target: EventTarget | null): boolean {
  return closest(target, 'input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/**
 * The action a key press asks for, if any may run now. A key the action
 * claims but cannot run (V with no vote open) is still claimed, so nothing
 * else acts on it.
 */
export function actionForKey(k: KeyPress, ctx: BoardContext, actions: readonly BoardAction[] = boardActions): { action: BoardAction; intent: BoardIntent | null } | null {
  if (isEditableTarget(k.target)) return null;
  const action = actions.find((a) => a.keyTest?.(k, ctx));
  if (!action) return null;
  return { action, intent: action.enabled(ctx) ? action.perform(ctx, k) : null };
}

/** The words for a key combination as the shortcut bar shows it: Ctrl+Z, Maj+V, Suppr, arrows. */
export function keyCaption(keys: string, t: (key: 'board.key.delete' | 'board.key.escape' | 'board.key.shift' | 'board.key.arrows') => string): string {
  if (keys.startsWith('Arrow')) return t('board.key.arrows');
  return keys
    .split(' ')[0]!
    .split('+')
    .map((k) => (k === 'Control' ? 'Ctrl' : k === 'Shift' ? t('board.key.shift') : k === 'Delete' ? t('board.key.delete') : k === 'Escape' ? t('board.key.escape') : k))
    .join('+');
}
