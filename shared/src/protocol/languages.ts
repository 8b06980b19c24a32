import { z } from 'zod';

/** Interface languages Plenary ships, with their writing direction. */
export const Languages = {
  en: { dir: 'ltr', nativeName: 'English' },
  fr: { dir: 'ltr', nativeName: 'Français' },
  es: { dir: 'ltr', nativeName: 'Español' },
  ru: { dir: 'ltr', nativeName: 'Русский' },
  ar: { dir: 'rtl', nativeName: 'العربية' },
  fa: { dir: 'rtl', nativeName: 'فارسی' },
  pt: { dir: 'ltr', nativeName: 'Português' },
} as const;

/** A plain list (not read from the schema), so a client can use it without loading zod. */
export const languageCodes = ['en', 'fr', 'es', 'ru', 'ar', 'fa', 'pt'] as const;
export const LanguageCode = z.enum(languageCodes);
export type LanguageCode = z.infer<typeof LanguageCode>;

/** Writing direction of a language. */
export function languageDir(code: LanguageCode): 'ltr' | 'rtl' {
  return Languages[code].dir;
}
