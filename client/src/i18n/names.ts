/** Names of countries and languages in the viewer's language, from the platform (Intl.DisplayNames). */
const regionNames = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}
