import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { languageCodes } from '@plenary/shared';
import en from './messages/en';
import fr from './messages/fr';
import es from './messages/es';
import ru from './messages/ru';
import ar from './messages/ar';
import fa from './messages/fa';
import pt from './messages/pt';

const catalogs = { en, fr, es, ru, ar, fa, pt };
/** A value for every argument any message takes; a message with an argument not listed here fails. */
const values = {
  count: 3,
  name: 'Amina',
  title: 'Opening',
  code: 'ABC-DEF',
  time: '12:30',
  present: 2,
  total: 5,
  minutes: 5,
  label: 'Timer',
  message: 'Back in five',
  place: 'Home',
  day: 'Monday, 20 May',
  date: '20 May 2019',
  text: 'Question',
  quarter: 3,
  year: 2019,
  from: '2019-07-01',
  to: '2019-12-31',
  seconds: 30,
  n: 2,
  group: 'Group 1',
  phase: 1,
  who: 'Pakistan',
  languages: 'en, fr',
  online: 3,
  added: 2,
};
/** Argument names of an ICU message: the word after each "{" that opens an argument. */
const argumentsOf = (msg: string) => new Set([...msg.matchAll(/\{\s*(\w+)\s*(?:[,}])/g)].map((m) => m[1]));

describe('message catalogs', () => {
  it('exist for every interface language', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...languageCodes].sort());
  });

  for (const [locale, messages] of Object.entries(catalogs)) {
    it(`${locale}: has exactly the English keys, keeps every argument, and formats`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      const errors: string[] = [];
      const intl = createIntl({ locale, messages, onError: (e) => errors.push(String(e)) });
      for (const [key, msg] of Object.entries(messages)) {
        expect(argumentsOf(msg), `${locale} ${key}`).toEqual(argumentsOf(en[key as keyof typeof en]));
        for (const count of [0, 1, 2, 5, 21]) {
          expect(String(intl.formatMessage({ id: key }, { ...values, count }))).not.toBe('');
        }
      }
      expect(errors).toEqual([]);
    });
  }
});
