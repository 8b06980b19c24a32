import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { AppPath, normalizeJoinCode } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { Layout } from '../../ui/Layout';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { lastWorkshop } from './lastWorkshop';

/** The front door: type the code shown in the room. */
export function LandingPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const last = lastWorkshop();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normalized = normalizeJoinCode(code);
    if (!normalized) {
      setError(t('landing.codeInvalid'));
      return;
    }
    navigate(AppPath.join(normalized));
  };

  return (
    <Layout actions={<LanguagePicker />}>
      <section className="card narrow landing">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <form onSubmit={submit} noValidate>
          <label htmlFor={id}>{t('landing.codeLabel')}</label>
          <input
            id={id}
            className="code-input"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            maxLength={12}
            placeholder={t('landing.codePlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            dir="ltr"
          />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {t('landing.continue')}
          </button>
        </form>
        {last && (
          <p className="return">
            <a href={AppPath.workshop(last.workshopId)}>{t('landing.return', { title: last.title })}</a>
          </p>
        )}
        <p className="hint">{t('landing.facilitatorHint')}</p>
      </section>
    </Layout>
  );
}
