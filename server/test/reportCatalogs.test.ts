/**
 * The report's catalogs, checked by the check the client's catalogs use
 * (`catalogProblems`), on the formatter the server writes reports with:
 * every language has every English key, each message parses, keeps the
 * English arguments, has the plural forms CLDR gives the language, and
 * formats. And the check itself fails on each kind of defect.
 */
import { describe, expect, it } from 'vitest';
import { catalogProblems, languageCodes, reportCatalogs } from '@plenary/shared';
import { compileMessage, reportText } from '../src/areas/outcomes/reportText.js';

describe('report catalogs', () => {
  for (const code of languageCodes) {
    it(`${code}: every report and CSV string, parsing, with the English arguments and every plural form`, () => {
      expect(catalogProblems(reportCatalogs.en, reportCatalogs[code], code, compileMessage)).toEqual([]);
    });
  }

  it('the check fails on a missing or extra key, a message that does not parse, a lost argument and a missing plural form', () => {
    const source = { a: 'Hello {name}', b: '{count, plural, one {# item} other {# items}}', c: 'Plain' };
    expect(catalogProblems(source, source, 'en', compileMessage)).toEqual([]);
    const broken = { a: 'Bonjour', b: '{count, plural, other {# éléments}', d: 'De trop' };
    expect(catalogProblems(source, broken, 'fr', compileMessage)).toEqual(
      expect.arrayContaining([
        'fr c: missing',
        'fr d: not in the source catalog',
        expect.stringMatching(/^fr b: does not parse/),
        'fr a: arguments {}, the source has {name}',
      ]),
    );
    expect(catalogProblems(source, { ...source, b: '{count, plural, one {# элемент} other {# элемента}}' }, 'ru', compileMessage)).toEqual([
      'ru b: {count} has no form "few", "many" (CLDR plural rules of ru)',
    ]);
  });

  it('formats plurals by the language’s CLDR rules, and falls back to English only for an unknown code', () => {
    const ru = reportText('ru');
    expect([1, 3, 5, 21].map((n) => ru('members', { count: n }))).toEqual(['1 участник', '3 участника', '5 участников', '21 участник']);
    const ar = reportText('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => ar('members', { count: n }))).toEqual(['لا أعضاء', 'عضو واحد', 'عضوان', '3 أعضاء', '11 عضوًا', '100 عضو']);
    expect(ar.dir).toBe('rtl');
    expect(reportText('fa').dir).toBe('rtl');
    const unknown = reportText('xx');
    expect(unknown.language).toBe('en');
    expect(unknown('inputs')).toBe('Workplan inputs');
    expect(reportText('pt')('inputs')).toBe('Contribuições para os planos de trabalho');
  });
});
