import { useIntl } from 'react-intl';
import type { MessageKey } from './messages/en';

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Translates a key of the English catalog (the source of truth), with ICU arguments. */
export function useT(): Translate {
  const intl = useIntl();
  return (key, values) => String(intl.formatMessage({ id: key }, values));
}
