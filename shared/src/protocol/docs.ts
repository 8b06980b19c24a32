/**
 * Names of collaborative (Yjs) documents. A name carries its scope, so the
 * server can decide access from the name and the workshop's state alone:
 *
 *   w/<workshop>/notes                 the workshop's shared notes
 *   w/<workshop>/board/<board>         a board (synergy map, pattern map, …)
 *   w/<workshop>/board/<board>/private/<participant>
 *                                      a participant's new notes on a board in
 *                                      private mode (they and facilitators read it)
 *   w/<workshop>/board/<board>/private the board's private overview: every
 *                                      participant's private notes, mirrored by the
 *                                      server, read by facilitators only, written by no client
 *   w/<workshop>/group/<group>/notes   a breakout group's notes
 *   w/<workshop>/group/<group>/answers a breakout group's answers to the round's
 *                                      guiding questions (one rich text per question)
 *
 * Clients connect to `/yjs/<name>` with the standard y-websocket protocol.
 */
import { z } from 'zod';
import { Id } from '../domain/workshop/model.js';

export type DocRef =
  | { kind: 'notes'; workshopId: string }
  | { kind: 'board'; workshopId: string; boardId: string }
  | { kind: 'privateBoard'; workshopId: string; boardId: string; participantId: string }
  | { kind: 'privateOverview'; workshopId: string; boardId: string }
  | { kind: 'groupNotes'; workshopId: string; groupId: string }
  | { kind: 'groupAnswers'; workshopId: string; groupId: string };

/** URL path prefix of the y-websocket endpoint. */
export const yjsPathPrefix = '/yjs/';

/** The document name of a reference. */
export function docName(ref: DocRef): string {
  switch (ref.kind) {
    case 'notes':
      return `w/${ref.workshopId}/notes`;
    case 'board':
      return `w/${ref.workshopId}/board/${ref.boardId}`;
    case 'privateBoard':
      return `w/${ref.workshopId}/board/${ref.boardId}/private/${ref.participantId}`;
    case 'privateOverview':
      return `w/${ref.workshopId}/board/${ref.boardId}/private`;
    case 'groupNotes':
      return `w/${ref.workshopId}/group/${ref.groupId}/notes`;
    case 'groupAnswers':
      return `w/${ref.workshopId}/group/${ref.groupId}/answers`;
  }
}

const isId = (s: string | undefined): s is string => s !== undefined && Id.safeParse(s).success;

/** Parses a document name; null when it names nothing Plenary knows. */
export function parseDocName(name: string): DocRef | null {
  const parts = name.split('/');
  if (parts[0] !== 'w' || !isId(parts[1])) return null;
  const workshopId = parts[1];
  if (parts.length === 3 && parts[2] === 'notes') return { kind: 'notes', workshopId };
  if (parts.length === 4 && parts[2] === 'board' && isId(parts[3])) {
    return { kind: 'board', workshopId, boardId: parts[3] };
  }
  if (parts.length === 5 && parts[2] === 'board' && isId(parts[3]) && parts[4] === 'private') {
    return { kind: 'privateOverview', workshopId, boardId: parts[3] };
  }
  if (parts.length === 6 && parts[2] === 'board' && isId(parts[3]) && parts[4] === 'private' && isId(parts[5])) {
    return { kind: 'privateBoard', workshopId, boardId: parts[3], participantId: parts[5] };
  }
  if (parts.length === 5 && parts[2] === 'group' && isId(parts[3]) && parts[4] === 'notes') {
    return { kind: 'groupNotes', workshopId, groupId: parts[3] };
  }
  if (parts.length === 5 && parts[2] === 'group' && isId(parts[3]) && parts[4] === 'answers') {
    return { kind: 'groupAnswers', workshopId, groupId: parts[3] };
  }
  return null;
}

export const DocNameSchema = z.string().refine((s) => parseDocName(s) !== null, 'not a Plenary document name');

/** Name of the Y.Text that holds the workshop notes in the notes document. */
export const notesTextKey = 'text';
