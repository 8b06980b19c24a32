import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useT } from '../i18n/useT';

/**
 * The frame of every screen: a header with the product and the page's own
 * controls, an optional strip under it (what is live: the workshop's timer),
 * then the content.
 */
export function Layout({ title, actions, strip, children }: { title?: ReactNode; actions?: ReactNode; strip?: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand" aria-label={t('layout.home')}>
          <svg aria-hidden="true" viewBox="0 0 64 64" width="28" height="28">
            <rect width="64" height="64" rx="14" fill="currentColor" />
            <circle cx="32" cy="24" r="8" fill="#fff" />
            <circle cx="16" cy="40" r="6" fill="#9ec5f0" />
            <circle cx="48" cy="40" r="6" fill="#9ec5f0" />
            <circle cx="32" cy="46" r="6" fill="#9ec5f0" />
          </svg>
          <span>{t('app.name')}</span>
        </Link>
        {title && <div className="topbar-title">{title}</div>}
        <div className="topbar-actions">{actions}</div>
      </header>
      {strip}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** A message that replaces a screen: an error, an ended session, a missing link. */
export function Notice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="notice card" aria-labelledby="notice-title">
      <h1 id="notice-title">{title}</h1>
      {children}
    </section>
  );
}
