import { useId, useState } from 'react';
import type { WorkshopSettings } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { LanguageSelect } from '../../ui/LanguageSelect';

/** The workshop settings a facilitator changes live. */
export function SettingsPanel() {
  const t = useT();
  const client = useWorkshopClient();
  const settings = useWorkshopView().state!.settings;
  const ids = { join: useId(), obs: useId(), notes: useId(), attr: useId(), lang: useId() };
  const [error, setError] = useState<string | null>(null);

  const update = async (patch: Partial<WorkshopSettings>) => {
    const r = await client.send('workshop:updateSettings', { settings: patch });
    setError(r.ok ? null : describeError(t, r.error));
  };

  return (
    <section className="card settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <Toggle id={ids.join} checked={settings.joinOpen} label={t('settings.joinOpen')} onChange={(v) => void update({ joinOpen: v })} />
      <Toggle id={ids.obs} checked={settings.allowObservers} label={t('settings.allowObservers')} onChange={(v) => void update({ allowObservers: v })} />
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
      <LanguageSelect id={ids.lang} value={settings.defaultLanguage} onChange={(lang) => void update({ defaultLanguage: lang })} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function Toggle({ id, checked, label, onChange }: { id: string; checked: boolean; label: string; onChange: (v: boolean) => void }) {
  return (
    <div className="toggle">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
