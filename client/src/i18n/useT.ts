import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageKey } from './messages/en';

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * Translates a key of the English catalog (the source of truth), with ICU
 * arguments. The same function until the language changes, so what is built
 * from it can be memoised on it.
 */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((key, values) => String(intl.formatMessage({ id: key }, values)), [intl]);
}
