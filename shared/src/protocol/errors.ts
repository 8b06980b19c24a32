/**
 * Error codes that cross the wire, in acks and in HTTP error bodies.
 * A client acts on the code; the message is for people and logs.
 */
export const ErrorCode = {
  /** The payload did not match the schema of the command or body. */
  invalid: 'invalid',
  /** The payload is larger than the command or endpoint accepts. */
  tooLarge: 'too_large',
  /** The caller has no valid session (missing, forged, expired or revoked token). */
  unauthorized: 'unauthorized',
  /** The caller's role or state does not allow this action. */
  forbidden: 'forbidden',
  /** The thing named does not exist (in this workshop). */
  notFound: 'not_found',
  /** The action conflicts with the current state (e.g. already removed). */
  conflict: 'conflict',
  /** Too many requests; slow down and retry later. */
  rateLimited: 'rate_limited',
  /** The join code is wrong or the workshop does not accept joins now. */
  badJoinCode: 'bad_join_code',
  /** Something failed on the server; nothing was changed. */
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface WireError {
  code: ErrorCode;
  message: string;
  /** Field paths that failed validation, when code is `invalid`. */
  issues?: { path: string; message: string }[];
}

/** Every ack and every REST result: success with data, or an error a client can act on. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: WireError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, issues?: WireError['issues']): { ok: false; error: WireError } => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** A domain decision that refuses a command. Thrown nowhere: returned by `decide`. */
export interface Refusal {
  code: ErrorCode;
  message: string;
}
