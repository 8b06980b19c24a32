import { useId, useSyncExternalStore } from 'react';
import type { LanguageCode } from '@plenary/shared';
import { localeStore, setLanguage } from '../i18n/LocaleStore';
import { useT } from '../i18n/useT';
import { LanguageSelect } from './LanguageSelect';

/** The interface language, named in each language's own script. */
export function LanguagePicker({ onChange }: { onChange?: (lang: LanguageCode) => void }) {
  const t = useT();
  const id = useId();
  const { locale } = useSyncExternalStore(localeStore.subscribe, localeStore.getSnapshot);
  return (
    <span className="language-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <LanguageSelect
        id={id}
        value={locale}
        onChange={(lang) => {
          void setLanguage(lang);
          onChange?.(lang);
        }}
      />
    </span>
  );
}
