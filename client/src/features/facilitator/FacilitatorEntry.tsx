import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Link } from 'wouter';
import { AppPath, type LanguageCode, type StoredSession } from '@plenary/shared';
import { api } from '../../realtime/api';
import { loadSession, saveSession } from '../../realtime/sessions';
import { localeStore, setLanguage } from '../../i18n/LocaleStore';
import { useT } from '../../i18n/useT';
import { Layout, Notice } from '../../ui/Layout';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { NoSession } from '../../ui/NoSession';
import { describeError } from '../../i18n/describeError';
import { WorkshopFrame } from '../workshop/WorkshopRoute';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { ConsolePage } from './ConsolePage';

/** Reads the facilitator key from the link's fragment (never sent to the server in a URL) and forgets it. */
function takeKeyFromFragment(): string | null {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (!match) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(match[1]!);
}

/** `/f/<workshop>`: the facilitator's way in, then the console. */
export default function FacilitatorEntry({ workshopId }: { workshopId: string }) {
  const [key, setKey] = useState(takeKeyFromFragment);
  // Someone may paste the full link into this same tab: only the fragment changes.
  useEffect(() => {
    const onHash = () => {
      const k = takeKeyFromFragment();
      if (k) setKey(k);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // Any session of this device may lead to the console; whether it opens is
  // decided by the role the workshop gives it now (a co-facilitator joined as a participant).
  const [session, setSession] = useState<StoredSession | null>(() => {
    const s = loadSession(workshopId);
    return s && (s.role === 'facilitator' || !key) ? s : null;
  });
  if (session) {
    return (
      <WorkshopFrame session={session}>
        <ConsoleGate />
      </WorkshopFrame>
    );
  }
  if (!key) return <NoSession kind="facilitatorLink" />;
  return <EnterForm workshopId={workshopId} facilitatorKey={key} onEntered={setSession} />;
}

/** The console for facilitators; for anyone else, a way back to their workshop. */
function ConsoleGate() {
  const t = useT();
  const view = useWorkshopView();
  const role = view.state?.participants[view.me]?.role;
  if (role === 'facilitator') return <ConsolePage />;
  return (
    <Layout actions={<LanguagePicker />}>
      <Notice title={t('run.role.notFacilitator')}>
        <p>
          <Link href={AppPath.workshop(view.state!.id)}>{t('run.role.backHome')}</Link>
        </p>
      </Notice>
    </Layout>
  );
}

function EnterForm({
  workshopId,
  facilitatorKey,
  onEntered,
}: {
  workshopId: string;
  facilitatorKey: string;
  onEntered: (s: StoredSession) => void;
}) {
  const t = useT();
  const ids = { name: useId(), lang: useId() };
  const { locale } = useSyncExternalStore(localeStore.subscribe, localeStore.getSnapshot);
  const [name, setName] = useState('');
  const [language, setLang] = useState<LanguageCode>(locale);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('join.error.nameRequired'));
      return;
    }
    setBusy(true);
    const r = await api.enterAsFacilitator(workshopId, { key: facilitatorKey, name: name.trim(), language });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.code === 'unauthorized' ? t('facilitator.badKey') : describeError(t, r.error));
      return;
    }
    saveSession(r.data);
    onEntered(r.data);
  };

  return (
    <Layout actions={<LanguagePicker />}>
      <section className="card narrow" aria-labelledby="enter-title">
        <h1 id="enter-title">{t('facilitator.enter.title')}</h1>
        <p className="lead">{t('facilitator.enter.lead')}</p>
        <form onSubmit={submit} noValidate>
          <label htmlFor={ids.name}>{t('join.name')}</label>
          <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="name" dir="auto" />
          <label htmlFor={ids.lang}>{t('join.language')}</label>
          <LanguageSelect
            id={ids.lang}
            value={language}
            onChange={(lang) => {
              setLang(lang);
              void setLanguage(lang);
            }}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('facilitator.enter.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
