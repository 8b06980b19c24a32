import { CloseCode } from '../../protocol/closeCodes.js';
import type { DocRef } from '../../protocol/docs.js';
import type { WorkshopState } from '../state.js';
import { can } from './can.js';

export type DocAccess = { read: true; write: boolean } | { read: false; closeCode: CloseCode; reason: string };

/**
 * What a participant may do with a document now: read and write, read only,
 * or nothing (with the close code that says why). The server applies it on
 * connect and again to open connections whenever the workshop's state changes.
 */
export function docAccess(state: WorkshopState | null, ref: DocRef, participantId: string): DocAccess {
  if (!state || state.id !== ref.workshopId) {
    return { read: false, closeCode: CloseCode.forbidden, reason: 'This document belongs to another workshop.' };
  }
  const p = state.participants[participantId];
  if (!p) return { read: false, closeCode: CloseCode.unauthorized, reason: 'Unknown participant.' };
  if (p.removed) return { read: false, closeCode: CloseCode.gone, reason: 'You were removed from this workshop.' };
  const actor = { participantId, role: p.role };
  if (!can(state, actor, { kind: 'doc.read', doc: ref })) {
    return { read: false, closeCode: CloseCode.forbidden, reason: 'Your role may not open this document.' };
  }
  return { read: true, write: can(state, actor, { kind: 'doc.write', doc: ref }) };
}
