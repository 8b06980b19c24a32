import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import {
  AppPath,
  ErrorCode,
  formatJoinCode,
  type Affiliation,
  type Delegation,
  type JoinInfo,
  type LanguageCode,
  type WireError,
} from '@plenary/shared';
import { api } from '../../realtime/api';
import { describeError } from '../../i18n/describeError';
import { preloadParticipantRoute } from '../../app/routeLoaders';
import { loadSession, saveSession } from '../../realtime/sessions';
import { localeStore, setLanguage } from '../../i18n/LocaleStore';
import { countryName } from '../../i18n/names';
import { useT, type Translate } from '../../i18n/useT';
import { Layout, Notice } from '../../ui/Layout';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { rememberWorkshop } from './lastWorkshop';

type Load = { kind: 'loading' } | { kind: 'ready'; info: JoinInfo } | { kind: 'error'; error: WireError };

/** Says what went wrong in words a participant can act on (a refused join names why). */
function describeJoinError(t: Translate, error: WireError): string {
  if (error.code === ErrorCode.forbidden) return error.message.includes('observers') ? t('join.error.noObservers') : t('join.error.closed');
  return describeError(t, error);
}

export function JoinPage({ code }: { code: string }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void api.joinInfo(code).then((r) => {
      if (!live) return;
      setLoad(r.ok ? { kind: 'ready', info: r.data } : { kind: 'error', error: r.error });
      // While the person fills in the form, fetch the workshop's screens.
      if (r.ok) preloadParticipantRoute();
    });
    return () => {
      live = false;
    };
  }, [code]);

  return (
    <Layout actions={<LanguagePicker />}>
      {load.kind === 'loading' && (
        <p className="card narrow" role="status">
          {t('common.loading')}
        </p>
      )}
      {load.kind === 'error' && (
        <Notice title={t('join.error.title')}>
          <p role="alert">{describeJoinError(t, load.error)}</p>
          <p>
            <Link href="/">{t('join.tryAnother')}</Link>
          </p>
        </Notice>
      )}
      {load.kind === 'ready' && <JoinForm code={code} info={load.info} />}
    </Layout>
  );
}

function JoinForm({ code, info }: { code: string; info: JoinInfo }) {
  const t = useT();
  const ids = { name: useId(), rep: useId(), lang: useId(), error: useId() };
  const [, navigate] = useLocation();
  const { locale } = useSyncExternalStore(localeStore.subscribe, localeStore.getSnapshot);
  const [name, setName] = useState('');
  const [rep, setRep] = useState('');
  const [delegation, setDelegation] = useState<Delegation>('capital');
  const [language, setLang] = useState<LanguageCode>(locale);
  const [role, setRole] = useState<'participant' | 'observer'>('participant');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Already in this workshop on this device: go straight back in.
  useEffect(() => {
    if (loadSession(info.workshopId)) navigate(AppPath.workshop(info.workshopId), { replace: true });
  }, [info.workshopId, navigate]);

  const byPhase = (phase: 1 | 2) =>
    info.countries
      .filter((c) => c.phases.includes(phase))
      .map((c) => ({ code: c.code, name: countryName(c.code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  const phased = info.countries.some((c) => c.phases.includes(2));
  const isCountry = rep.startsWith('country:');

  const affiliation = (): Affiliation => {
    if (rep.startsWith('country:')) return { kind: 'country', country: rep.slice(8), delegation };
    if (rep.startsWith('org:')) return { kind: 'organisation', organisation: rep.slice(4) };
    return { kind: 'none' };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('join.error.nameRequired'));
      return;
    }
    if (!rep) {
      setError(t('join.error.repRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const r = await api.join({ code, name: name.trim(), affiliation: affiliation(), language, role });
    setBusy(false);
    if (!r.ok) {
      setError(describeJoinError(t, r.error));
      return;
    }
    saveSession(r.data);
    rememberWorkshop({ workshopId: r.data.workshopId, title: info.title });
    navigate(AppPath.workshop(r.data.workshopId));
  };

  return (
    <section className="card narrow" aria-labelledby="join-title">
      <p className="eyebrow">{t('join.joining', { code: formatJoinCode(code) })}</p>
      <h1 id="join-title" dir="auto">
        {info.title}
      </h1>
      <p className="muted" dir="auto">
        {info.venue}
      </p>
      <form onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
        <label htmlFor={ids.name}>{t('join.name')}</label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          maxLength={60}
          required
          dir="auto"
        />

        <label htmlFor={ids.rep}>{t('join.represent')}</label>
        <select id={ids.rep} value={rep} onChange={(e) => setRep(e.target.value)} required>
          <option value="">{t('join.representChoose')}</option>
          {phased ? (
            <>
              <optgroup label={t('join.phase1')}>
                {byPhase(1).map((c) => (
                  <option key={`1${c.code}`} value={`country:${c.code}`}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('join.phase2')}>
                {byPhase(2)
                  .filter((c) => !info.countries.find((x) => x.code === c.code)?.phases.includes(1))
                  .map((c) => (
                    <option key={`2${c.code}`} value={`country:${c.code}`}>
                      {c.name}
                    </option>
                  ))}
              </optgroup>
            </>
          ) : (
            <optgroup label={t('join.countries')}>
              {byPhase(1).map((c) => (
                <option key={c.code} value={`country:${c.code}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          )}
          {info.organisations.length > 0 && (
            <optgroup label={t('join.organisations')}>
              {info.organisations.map((o) => (
                <option key={o.id} value={`org:${o.id}`}>
                  {o.short} — {o.name}
                </option>
              ))}
            </optgroup>
          )}
          <option value="none">{t('join.representNone')}</option>
        </select>

        {isCountry && (
          <fieldset>
            <legend>{t('join.delegation')}</legend>
            {(['capital', 'mission-vienna', 'mission-geneva'] as const).map((d) => (
              <label key={d} className="choice">
                <input type="radio" name="delegation" value={d} checked={delegation === d} onChange={() => setDelegation(d)} />
                {t(`join.delegation.${d}`)}
              </label>
            ))}
          </fieldset>
        )}

        <label htmlFor={ids.lang}>{t('join.language')}</label>
        <LanguageSelect
          id={ids.lang}
          value={language}
          onChange={(lang) => {
            setLang(lang);
            void setLanguage(lang);
          }}
        />

        {info.allowObservers && (
          <fieldset>
            <legend>{t('join.role')}</legend>
            <label className="choice">
              <input type="radio" name="role" value="participant" checked={role === 'participant'} onChange={() => setRole('participant')} />
              {t('join.role.participant')}
            </label>
            <label className="choice">
              <input type="radio" name="role" value="observer" checked={role === 'observer'} onChange={() => setRole('observer')} />
              {t('join.role.observer')}
            </label>
          </fieldset>
        )}

        {error && (
          <p id={ids.error} className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('join.joiningNow') : t('join.submit')}
        </button>
        <p className="hint">{t('join.privacy')}</p>
      </form>
    </section>
  );
}
