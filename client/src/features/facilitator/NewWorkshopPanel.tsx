import { useId, useState, type FormEvent } from 'react';
import { AppPath, formatJoinCode, type CreatedWorkshop } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { api } from '../../realtime/api';
import { useWorkshopClient } from '../../realtime/WorkshopContext';
import { describeError } from '../../i18n/describeError';

/** Creating another workshop on this server: blank, or a copy of the demo's programme. */
export function NewWorkshopPanel() {
  const t = useT();
  const client = useWorkshopClient();
  const ids = { title: useId(), from: useId() };
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState<'blank' | 'demo'>('demo');
  const [created, setCreated] = useState<CreatedWorkshop | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('newWorkshop.titleRequired'));
      return;
    }
    const r = await api.createWorkshop(client.session.token, { from, title: title.trim() });
    if (!r.ok) {
      setError(describeError(t, r.error));
      return;
    }
    setError(null);
    setCreated(r.data);
    setTitle('');
  };

  return (
    <section className="card new-workshop" aria-labelledby="new-workshop-title">
      <h2 id="new-workshop-title">{t('newWorkshop.title')}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor={ids.title}>{t('newWorkshop.name')}</label>
        <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} dir="auto" />
        <fieldset>
          <legend>{t('newWorkshop.from')}</legend>
          <label className="choice">
            <input type="radio" name="from" checked={from === 'demo'} onChange={() => setFrom('demo')} />
            {t('newWorkshop.fromDemo')}
          </label>
          <label className="choice">
            <input type="radio" name="from" checked={from === 'blank'} onChange={() => setFrom('blank')} />
            {t('newWorkshop.fromBlank')}
          </label>
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('newWorkshop.create')}</button>
      </form>
      {created && (
        <div className="created" role="status">
          <p>{t('newWorkshop.created', { code: formatJoinCode(created.joinCode) })}</p>
          <p className="muted">{t('newWorkshop.keepLink')}</p>
          <p className="join-link" dir="ltr">
            <a href={`${location.origin}${AppPath.facilitate(created.workshopId, created.facilitatorKey)}`}>
              {`${location.origin}${AppPath.facilitate(created.workshopId, created.facilitatorKey)}`}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}
