import { useSyncExternalStore } from 'react';
import { localeStore, type LocaleState } from './LocaleStore';

/** The current interface language and direction. */
export function useLocale(): LocaleState {
  return useSyncExternalStore(localeStore.subscribe, localeStore.getSnapshot);
}
