import { useId, useState } from 'react';
import { Languages, languageCodes, type LanguageCode, type WorkshopSettings } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';

/** The workshop settings a facilitator changes live. */
export function SettingsPanel() {
  const t = useT();
  const client = useWorkshopClient();
  const settings = useWorkshopView().state!.settings;
  const ids = { join: useId(), obs: useId(), notes: useId(), attr: useId(), lang: useId() };
  const [error, setError] = useState<string | null>(null);

  const update = async (patch: Partial<WorkshopSettings>) => {
    const r = await client.send('workshop:updateSettings', { settings: patch });
    setError(r.ok ? null : r.error.message);
  };

  return (
    <section className="card settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <div className="toggle">
        <input id={ids.join} type="checkbox" checked={settings.joinOpen} onChange={(e) => void update({ joinOpen: e.target.checked })} />
        <label htmlFor={ids.join}>{t('settings.joinOpen')}</label>
      </div>
      <div className="toggle">
        <input id={ids.obs} type="checkbox" checked={settings.allowObservers} onChange={(e) => void update({ allowObservers: e.target.checked })} />
        <label htmlFor={ids.obs}>{t('settings.allowObservers')}</label>
      </div>
      <label htmlFor={ids.notes}>{t('settings.notesEditableBy')}</label>
      <select
        id={ids.notes}
        value={settings.notesEditableBy}
        onChange={(e) => void update({ notesEditableBy: e.target.value as WorkshopSettings['notesEditableBy'] })}
      >
        <option value="everyone">{t('settings.notes.everyone')}</option>
        <option value="facilitators">{t('settings.notes.facilitators')}</option>
      </select>
      <label htmlFor={ids.attr}>{t('settings.attribution')}</label>
      <select
        id={ids.attr}
        value={settings.attribution}
        onChange={(e) => void update({ attribution: e.target.value as WorkshopSettings['attribution'] })}
      >
        <option value="named">{t('settings.attribution.named')}</option>
        <option value="country">{t('settings.attribution.country')}</option>
        <option value="anonymous">{t('settings.attribution.anonymous')}</option>
      </select>
      <label htmlFor={ids.lang}>{t('settings.defaultLanguage')}</label>
      <select id={ids.lang} value={settings.defaultLanguage} onChange={(e) => void update({ defaultLanguage: e.target.value as LanguageCode })}>
        {languageCodes.map((l) => (
          <option key={l} value={l} lang={l}>
            {Languages[l].nativeName}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
