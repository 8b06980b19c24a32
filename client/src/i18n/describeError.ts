/**
 * What people read when the server refuses something. The server words its
 * errors in English for logs; the client shows the translated text of the
 * error's code (shared/src/protocol/errors.ts), never `error.message`.
 */
import { ErrorCode, type WireError } from '@plenary/shared';
import { offlineError } from '../realtime/api';
import type { MessageKey } from './messages/en';
import type { Translate } from './useT';

/** The message of every code the server can send (a new code fails typecheck until it has one). */
export const errorMessageKeys = {
  [ErrorCode.invalid]: 'error.invalid',
  [ErrorCode.tooLarge]: 'error.tooLarge',
  [ErrorCode.unauthorized]: 'error.unauthorized',
  [ErrorCode.forbidden]: 'error.forbidden',
  [ErrorCode.notFound]: 'error.notFound',
  [ErrorCode.conflict]: 'error.conflict',
  [ErrorCode.rateLimited]: 'error.rateLimited',
  [ErrorCode.badJoinCode]: 'join.error.badCode',
  [ErrorCode.internal]: 'error.generic',
} as const satisfies Record<ErrorCode, MessageKey>;

/** A screen's own words for some codes, where it knows better than the generic text. */
export type ErrorWords = Partial<Record<ErrorCode, MessageKey>>;

/** Says what went wrong, in the reader's language; `words` names a screen's own message for a code. */
export function describeError(t: Translate, error: Pick<WireError, 'code' | 'message'>, words: ErrorWords = {}): string {
  // The client's own stand-ins for "no answer": the server was not reached or did not reply in time.
  if (error.message === offlineError || error.message === 'timeout') return t('error.offline');
  return t(words[error.code] ?? errorMessageKeys[error.code] ?? 'error.generic');
}
