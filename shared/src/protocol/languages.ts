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

export const LanguageCode = z.enum(['en', 'fr', 'es', 'ru', 'ar', 'fa', 'pt']);
export type LanguageCode = z.infer<typeof LanguageCode>;
export const languageCodes = LanguageCode.options;

/** Writing direction of a language. */
export function languageDir(code: LanguageCode): 'ltr' | 'rtl' {
  return Languages[code].dir;
}
