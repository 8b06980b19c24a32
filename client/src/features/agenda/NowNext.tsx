import { useEffect, useState } from 'react';
import { nowNext, type ScheduledItem, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useLocale } from '../../i18n/useLocale';
import { formatTime, viewerTimeZone, zonesDiffer } from '../../i18n/format';

/** The clock, ticking once a minute. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** What is happening now and what comes next, for everyone. */
export function NowNext({ state }: { state: WorkshopState }) {
  const t = useT();
  const now = useMinuteClock();
  const nn = nowNext(state, now);
  return (
    <section className="card now-next" aria-labelledby="now-next-title">
      <h2 id="now-next-title" className="visually-hidden">
        {t('agenda.nowNext')}
      </h2>
      <div className="now" data-testid="now">
        <p className="eyebrow">{t('agenda.now')}</p>
        {nn.now ? (
          <ItemSummary s={nn.now} state={state} />
        ) : (
          <p className="muted">{nn.ended ? t('agenda.ended') : t('agenda.notStarted')}</p>
        )}
      </div>
      <div className="next" data-testid="next">
        <p className="eyebrow">{t('agenda.next')}</p>
        {nn.next ? <ItemSummary s={nn.next} state={state} /> : <p className="muted">{t('agenda.nothingNext')}</p>}
      </div>
    </section>
  );
}

function ItemSummary({ s, state }: { s: ScheduledItem; state: WorkshopState }) {
  return (
    <div>
      <p className="item-title" dir="auto">
        {s.item.title}
      </p>
      <p className="muted">
        <TimeRange s={s} venueZone={state.definition.timeZone} />
        {s.item.speaker && (
          <>
            {' · '}
            <span dir="auto">{s.item.speaker}</span>
          </>
        )}
      </p>
    </div>
  );
}

/** "14:30–14:50", with the viewer's own time when their clock differs from the venue's. */
export function TimeRange({ s, venueZone, venueOnly = false }: { s: ScheduledItem; venueZone: string; venueOnly?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const mine = viewerTimeZone();
  const range = `${formatTime(s.startsAt, locale, venueZone)}–${formatTime(s.endsAt, locale, venueZone)}`;
  if (venueOnly || !zonesDiffer(venueZone, mine, s.startsAt)) return <time dateTime={new Date(s.startsAt).toISOString()}>{range}</time>;
  return (
    <>
      <time dateTime={new Date(s.startsAt).toISOString()}>{range}</time>{' '}
      <span className="local-time">
        {t('agenda.yourTime', { time: `${formatTime(s.startsAt, locale)}–${formatTime(s.endsAt, locale)}` })}
      </span>
    </>
  );
}
