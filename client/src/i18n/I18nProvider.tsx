import { useSyncExternalStore, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { localeStore } from './LocaleStore';

/** Provides react-intl with the current language and its catalog. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { locale, messages } = useSyncExternalStore(localeStore.subscribe, localeStore.getSnapshot);
  return (
    <IntlProvider locale={locale} messages={messages} defaultLocale="en" onError={reportMissing}>
      {children}
    </IntlProvider>
  );
}

function reportMissing(err: { code?: string; message: string }) {
  if (err.code === 'MISSING_TRANSLATION') return; // catalogs.test.ts keeps every catalog complete
  console.error(err.message);
}
