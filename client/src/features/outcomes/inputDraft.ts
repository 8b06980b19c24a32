/**
 * An input being started from something elsewhere in the app (a note on a
 * board): the board's item menu leaves the source here and goes to the
 * workshop's home, where the outcomes form opens with it, prefilled, its
 * source kept, until it is proposed or given up. Kept in memory per
 * workshop; a reload drops it.
 */
import type { InputSource } from '@plenary/shared';

export interface InputDraft {
  source: InputSource;
  /** The action to start from (the note's text). */
  action: string;
  /** The board title or poll question, to say where the input comes from. */
  from: string;
}

const drafts = new Map<string, InputDraft>();
const listeners = new Set<() => void>();

/** Leaves a draft for the workshop's outcomes form. */
export function startInputDraft(workshopId: string, draft: InputDraft): void {
  drafts.set(workshopId, draft);
  for (const l of listeners) l();
}

/** The draft waiting for this workshop, if any (the same object until it changes). */
export function peekInputDraft(workshopId: string): InputDraft | null {
  return drafts.get(workshopId) ?? null;
}

/** Drops the workshop's draft (proposed or given up). */
export function clearInputDraft(workshopId: string): void {
  if (!drafts.delete(workshopId)) return;
  for (const l of listeners) l();
}

/** Tells when a draft arrives (a form that is already open takes it). */
export function onInputDraft(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
