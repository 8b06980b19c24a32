import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';

const storageKey = (workshopId: string) => `plenary.dismissed.${workshopId}`;

function dismissedIds(workshopId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(storageKey(workshopId)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The facilitators' announcements as banners; each person dismisses them on their own screen. */
export function Announcements() {
  const t = useT();
  const view = useWorkshopView();
  const state = view.state!;
  const [dismissed, setDismissed] = useState(() => dismissedIds(state.id));
  const shown = state.run.announcements.filter((a) => !dismissed.includes(a.id));
  const dismiss = (id: string) => {
    const next = [...dismissed, id].slice(-50);
    setDismissed(next);
    localStorage.setItem(storageKey(state.id), JSON.stringify(next));
  };
  // Only the newest is a banner (what matters now); earlier ones wait, folded, until dismissed.
  const newest = shown.at(-1);
  const earlier = shown.slice(0, -1).reverse();
  const banner = (a: (typeof shown)[number]) => (
    <div key={a.id} className="announcement" data-testid="announcement">
      <p dir="auto">{a.text}</p>
      <button type="button" className="small" onClick={() => dismiss(a.id)}>
        {t('run.announce.dismiss')}
      </button>
    </div>
  );
  // The live region is there before any announcement, so a screen reader reads each new one.
  return (
    <div aria-live="polite" data-testid="announcements-live">
      {newest && (
        <div className="announcements" role="region" aria-label={t('run.announce.title')}>
          {banner(newest)}
          {earlier.length > 0 && (
            <details className="announcements-earlier">
              <summary>{t('run.announce.earlier', { count: earlier.length })}</summary>
              {earlier.map(banner)}
            </details>
          )}
        </div>
      )}
    </div>
  );
}
