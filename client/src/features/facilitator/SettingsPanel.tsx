import { useId, useState } from 'react';
import { firstDateOf, type WorkshopSettings } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useLocale } from '../../i18n/useLocale';
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
      <Reschedule />
    </section>
  );
}

/** Moves the whole workshop in time: every day by the same number of days, times and time zone kept. */
function Reschedule() {
  const t = useT();
  const { locale } = useLocale();
  const client = useWorkshopClient();
  const definition = useWorkshopView().state!.definition;
  const first = firstDateOf(definition);
  const ids = { date: useId(), hint: useId() };
  const [date, setDate] = useState(first ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (first === null) return null;

  const move = async () => {
    const r = await client.send('workshop:reschedule', { firstDate: date });
    const shown = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
    setMessage(r.ok ? { ok: true, text: t('settings.rescheduled', { date: shown }) } : { ok: false, text: describeError(t, r.error) });
  };

  return (
    <form
      className="settings-reschedule"
      onSubmit={(e) => {
        e.preventDefault();
        void move();
      }}
    >
      <label htmlFor={ids.date}>{t('settings.firstDay')}</label>
      <input id={ids.date} type="date" required value={date} aria-describedby={ids.hint} onChange={(e) => setDate(e.target.value)} data-testid="first-day" />
      <p id={ids.hint} className="muted">
        {t('settings.rescheduleHint')}
      </p>
      <button type="submit" disabled={date === first || date === ''}>
        {t('settings.reschedule')}
      </button>
      {message && (
        <p className={message.ok ? 'saved' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
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
