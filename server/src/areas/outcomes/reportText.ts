/**
 * The words of the workshop report and of the CSV exports, in the workshop's
 * language: the report catalogs of @plenary/shared (ICU MessageFormat, the
 * client's format) formatted with intl-messageformat, the library react-intl
 * formats the interface with, so plurals follow the same CLDR rules (Intl's)
 * on both sides. A code with no catalog gets English.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { LanguageCode, languageDir, reportCatalogs, type CompileMessage, type ReportMessageKey } from '@plenary/shared';

/** Values for a message's arguments (`true`/`false` pick a `select`'s branches). */
export type MessageValues = Record<string, string | number | boolean>;

/** The report's words in one language: `t(key, values)` formats a message. */
export interface ReportText {
  (key: ReportMessageKey, values?: MessageValues): string;
  /** The language the words are in (a known code: an unknown one became `en`). */
  readonly language: LanguageCode;
  readonly dir: 'ltr' | 'rtl';
  /** A whole number as the language writes it (the digits and grouping its messages use). */
  count(n: number): string;
}

/** A message compiled the way the report formats it; throws when it does not parse. */
export const compileMessage: CompileMessage = (message, locale) => {
  const format = new IntlMessageFormat(message, locale);
  return { ast: () => format.getAst(), format: (values) => format.format(values as MessageValues) };
};

/** The report's words in a language (English for a code Plenary has no catalog for). */
export function reportText(language: string): ReportText {
  const parsed = LanguageCode.safeParse(language);
  const code: LanguageCode = parsed.success ? parsed.data : 'en';
  const catalog = reportCatalogs[code];
  const compiled = new Map<ReportMessageKey, IntlMessageFormat>();
  const numbers = new Intl.NumberFormat(code, { maximumFractionDigits: 0 });
  const t = (key: ReportMessageKey, values?: MessageValues): string => {
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalog[key], code);
      compiled.set(key, format);
    }
    return String(format.format(values));
  };
  return Object.assign(t, { language: code, dir: languageDir(code), count: (n: number) => numbers.format(n) });
}
