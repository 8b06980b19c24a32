import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { ErrorCode } from '@plenary/shared';
import { offlineError } from '../realtime/api';
import { describeError, errorMessageKeys } from './describeError';
import en, { type MessageKey } from './messages/en';
import fr from './messages/fr';
import es from './messages/es';
import ru from './messages/ru';
import ar from './messages/ar';
import fa from './messages/fa';
import pt from './messages/pt';
import type { Translate } from './useT';

const catalogs = { en, fr, es, ru, ar, fa, pt };
const translator = (locale: string, messages: Record<string, string>): Translate => {
  const intl = createIntl({ locale, messages, onError: (e) => { throw e; } });
  return (key, values) => String(intl.formatMessage({ id: key }, values));
};
const codes = Object.values(ErrorCode);

describe('server errors in the reader’s language', () => {
  it('every code the server can send has a message key in English', () => {
    expect(Object.keys(errorMessageKeys).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(en[errorMessageKeys[code]], code).toBeTruthy();
  });

  for (const [locale, messages] of Object.entries(catalogs)) {
    it(`${locale}: each code reads as its own translated text, never the server's English`, () => {
      const t = translator(locale, messages);
      const serverWords = 'The server says something in English';
      for (const code of codes) {
        const key = errorMessageKeys[code];
        expect(messages[key], `${locale} ${key}`).toBeTruthy();
        if (locale !== 'en') expect(messages[key], `${locale} ${key} is not translated`).not.toBe(en[key]);
        const text = describeError(t, { code, message: serverWords });
        expect(text).toBe(messages[key]);
        expect(text).not.toContain(serverWords);
      }
      expect(describeError(t, { code: ErrorCode.internal, message: offlineError })).toBe(messages['error.offline']);
    });
  }

  it('a screen can name its own words for a code', () => {
    const t = translator('fr', fr);
    const words: Partial<Record<ErrorCode, MessageKey>> = { [ErrorCode.conflict]: 'board.vote.noDotsLeft' };
    expect(describeError(t, { code: ErrorCode.conflict, message: 'x' }, words)).toBe(fr['board.vote.noDotsLeft']);
    expect(describeError(t, { code: ErrorCode.forbidden, message: 'x' }, words)).toBe(fr['error.forbidden']);
  });
});
