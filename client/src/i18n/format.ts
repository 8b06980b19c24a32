/** Times and dates for people: in their own time zone, with the venue's shown where it differs. */
const cache = new Map<string, Intl.DateTimeFormat>();

/** English as the workshop world writes it: 24-hour clock, day before month. */
const formatLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

function fmt(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  locale = formatLocale(locale);
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

export function formatTime(instant: number, locale: string, timeZone?: string): string {
  return fmt(locale, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(instant);
}

export function formatDay(instant: number, locale: string, timeZone?: string): string {
  return fmt(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(instant);
}

/** The viewer's own time zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether two zones show different clock times at `instant`. */
export function zonesDiffer(a: string, b: string, instant: number): boolean {
  return formatTime(instant, 'en', a) !== formatTime(instant, 'en', b);
}
