/**
 * The interface language: chosen by the person (kept in this browser), else
 * their participant language, else the browser's, else English. Every
 * catalog, English's too, loads on demand (the first screen waits for it):
 * each translation holds every key (catalogs.test.ts fails otherwise), so a
 * reader downloads their own language only. Switching sets `lang` and `dir`
 * on the document.
 */
import { languageCodes, languageDir, type LanguageCode } from '@plenary/shared';
import { Store } from '../realtime/Store';
import type { Messages } from './messages/en';

const storageKey = 'plenary.language';

const loaders: Record<LanguageCode, () => Promise<Partial<Messages>>> = {
  en: () => import('./messages/en/index').then((m) => m.default),
  fr: () => import('./messages/fr/index').then((m) => m.default),
  es: () => import('./messages/es/index').then((m) => m.default),
  ru: () => import('./messages/ru/index').then((m) => m.default),
  ar: () => import('./messages/ar/index').then((m) => m.default),
  fa: () => import('./messages/fa/index').then((m) => m.default),
  pt: () => import('./messages/pt/index').then((m) => m.default),
};

export interface LocaleState {
  locale: LanguageCode;
  dir: 'ltr' | 'rtl';
  messages: Messages;
}

function isLanguage(x: string | null | undefined): x is LanguageCode {
  return !!x && (languageCodes as readonly string[]).includes(x);
}

/** The language to start in, before anything is known about the person. */
export function initialLanguage(): LanguageCode {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  if (isLanguage(stored)) return stored;
  for (const tag of typeof navigator !== 'undefined' ? navigator.languages : []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Empty until the first catalog arrives: main.tsx renders once `setLanguage` has loaded one. */
export const localeStore = new Store<LocaleState>({ locale: 'en', dir: 'ltr', messages: {} as Messages });

let requested: LanguageCode = 'en';

/** Switches the interface language; `remember` keeps the choice in this browser. */
export async function setLanguage(locale: LanguageCode, remember = true): Promise<void> {
  requested = locale;
  if (remember) localStorage.setItem(storageKey, locale);
  const catalog = await loaders[locale]();
  if (requested !== locale) return; // a later choice won
  const dir = languageDir(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  localeStore.set({ locale, dir, messages: catalog as Messages });
}

/** The language the person chose in this browser, if any. */
export function rememberedLanguage(): LanguageCode | null {
  const stored = localStorage.getItem(storageKey);
  return isLanguage(stored) ? stored : null;
}
