/**
 * What the report takes from Intl for its language beside its messages:
 * dates in words (Gregorian in every language, as the agenda has them) and
 * country names.
 */

const dayFormat = (language: string) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory' });

const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** A date ("2019-05-20") in words, in the language ("20 May 2019"). */
export function longDate(date: string, language: string): string {
  return dayFormat(language).format(utc(date));
}

/** The dates of the workshop in words: "20–21 May 2019" style, as the language writes a range. */
export function dateRange(first: string | null, last: string | null, language: string): string {
  if (!first || !last) return '';
  const f = dayFormat(language);
  return first === last ? f.format(utc(first)) : f.formatRange(utc(first), utc(last));
}

/** Country names in the report's language. */
export function countryNamer(language: string): (code: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
