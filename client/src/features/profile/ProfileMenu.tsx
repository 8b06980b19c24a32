import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';

/** Who I am here, and renaming myself. */
export function ProfileMenu() {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const me = view.state?.participants[view.me];
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (!me) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await client.send('participant:rename', { participantId: me.id, name: name.trim() });
    if (r.ok) {
      setOpen(false);
      setError(null);
    } else setError(r.error.code === 'invalid' ? t('profile.nameInvalid') : t('error.generic'));
  };

  return (
    <div className="profile">
      <button
        type="button"
        className="ghost"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => {
          setName(me.name);
          setOpen(!open);
        }}
      >
        <span dir="auto">{me.name}</span>
        <span className="visually-hidden">{t('profile.open')}</span>
      </button>
      {open && (
        <form id={`${id}-panel`} className="popover" onSubmit={submit}>
          <label htmlFor={`${id}-name`}>{t('profile.name')}</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} dir="auto" autoFocus />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit" className="primary">
              {t('profile.save')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
