import { useId, useSyncExternalStore } from 'react';
import { Languages, languageCodes, type LanguageCode } from '@plenary/shared';
import { localeStore, setLanguage } from '../i18n/LocaleStore';
import { useT } from '../i18n/useT';

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
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          const lang = e.target.value as LanguageCode;
          void setLanguage(lang);
          onChange?.(lang);
        }}
      >
        {languageCodes.map((code) => (
          <option key={code} value={code} lang={code}>
            {Languages[code].nativeName}
          </option>
        ))}
      </select>
    </span>
  );
}
