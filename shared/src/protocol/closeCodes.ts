/**
 * Close codes of the y-websocket endpoint (`/yjs/<doc>`).
 *
 * 4400–4499 mean "reconnecting will not help" (stock y-websocket providers stop
 * retrying on them); 4500–4599 mean "try again later".
 *
 * | code | meaning |
 * |------|---------|
 * | 4400 | bad request: malformed message or unknown document name |
 * | 4401 | unauthorized: token missing, forged or expired |
 * | 4403 | forbidden: the document belongs to another workshop, or the role may not read it |
 * | 4410 | gone: the participant was removed from the workshop |
 * | 4413 | too large: an update or the document exceeds its bound |
 * | 4429 | too many messages: the connection exceeded its rate |
 * | 4500 | the server could not store an update; reconnect and sync again |
 * | 4503 | the server is shutting down; reconnect (elsewhere) |
 */
export const CloseCode = {
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  gone: 4410,
  tooLarge: 4413,
  rateLimited: 4429,
  retryLater: 4500,
  shuttingDown: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Message types on the y-websocket connection. 0–3 are the standard ones
 * (y-websocket); `savedStateVector` is Plenary's own, sent only to clients that
 * connect with `?saved=1`: after the server has durably stored updates of the
 * document it sends `[100, stateVector, n]`, where n is how many of the update
 * messages (sync step 2 or update) received on this connection are stored. A
 * client that counts what it sent knows its edits are saved when n catches up;
 * deletions, which do not move a state vector, are covered too.
 *
 * `refused` (also only with `?saved=1`): `[101, code, message]` says the
 * server undid a change of this connection (and sent the undoing to
 * everyone): a board's bounds or schema (`invalid`, `too_many_items`), a
 * locked frame (`frame_locked`), private mode (`private_mode`). The document
 * stays intact; the message is for the person who made the change.
 */
export const YMessage = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  savedStateVector: 100,
  refused: 101,
} as const;
