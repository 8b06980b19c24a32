/**
 * The interface's catalogs are complete in every language, by the same check
 * as the report's (`catalogProblems` in @plenary/shared: the English keys,
 * each message parses and keeps its arguments, plurals have every form CLDR
 * gives the language, it formats), run on react-intl's own formatter.
 */
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { catalogProblems, languageCodes, type CompileMessage } from '@plenary/shared';
import en from './messages/en';
import fr from './messages/fr';
import es from './messages/es';
import ru from './messages/ru';
import ar from './messages/ar';
import fa from './messages/fa';
import pt from './messages/pt';

const catalogs = { en, fr, es, ru, ar, fa, pt };

/**
 * Plural forms the check asks for that these messages go without, each for a
 * reason; any other gap fails, and one filled in must leave this list.
 */
const accepted: Partial<Record<keyof typeof catalogs, string[]>> = {
  // The count is never 0 where these are shown (a vote is open with at least a dot; a copy copies something).
  ar: ['board.vote.isOpen', 'board.vote.mineOnly', 'board.vote.dotsOn', 'board.copy.done'].map((key) => `${key}: {${key === 'board.vote.dotsOn' ? 'total' : 'count'}} has no form "zero" (CLDR plural rules of ar)`),
  // Persian puts the noun after a number in the singular: "۱ مورد", "۳ مورد"; `other` reads right for 1.
  fa: [
    ['breakout.activity.items', 'count'],
    ['breakout.activity.last', 'minutes'],
    ['board.copy.hint', 'count'],
    ['board.copy.go', 'count'],
    ['board.copy.done', 'count'],
    ['board.comments.count', 'count'],
  ].map(([key, arg]) => `${key}: {${arg}} has no form "one" (CLDR plural rules of fa)`),
};

/** A message compiled as react-intl compiles it when the interface formats it. */
const compile: CompileMessage = (message, locale) => {
  const format = createIntl({ locale, messages: {} }).formatters.getMessageFormat(message, locale);
  return { ast: () => format.getAst(), format: (values) => format.format(values as Record<string, string | number>) };
};

describe('message catalogs', () => {
  it('exist for every interface language', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...languageCodes].sort());
  });

  for (const [locale, messages] of Object.entries(catalogs)) {
    it(`${locale}: has exactly the English keys, keeps every argument, has every plural form, and formats`, () => {
      const known = (accepted[locale as keyof typeof catalogs] ?? []).map((p) => `${locale} ${p}`);
      expect(catalogProblems(en, messages, locale, compile).sort()).toEqual(known.sort());
    });
  }
});
