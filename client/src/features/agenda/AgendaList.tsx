import { scheduleOf, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useLocale } from '../../i18n/useLocale';
import { formatDay } from '../../i18n/format';
import { TimeRange } from './NowNext';

/** The whole agenda, day by day, with the current item marked. */
export function AgendaList({ state, onSetCurrent }: { state: WorkshopState; onSetCurrent?: (itemId: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const schedule = scheduleOf(state.definition);
  const tz = state.definition.timeZone;
  return (
    <section className="card agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('agenda.title')}</h2>
      {state.definition.days.map((day) => {
        const items = schedule.filter((s) => s.day.id === day.id);
        return (
          <div key={day.id} className="agenda-day">
            <h3>{items[0] ? formatDay(items[0].startsAt, locale, tz) : day.date}</h3>
            {items.length === 0 ? (
              <p className="muted">{t('agenda.emptyDay')}</p>
            ) : (
              <ol>
                {items.map((s) => {
                  const current = state.run.currentItemId === s.item.id;
                  return (
                    <li key={s.item.id} className={`agenda-item kind-${s.item.kind}${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined}>
                      <span className="agenda-time">
                        <TimeRange s={s} venueZone={tz} />
                      </span>
                      <span className="agenda-body">
                        <span className="item-title" dir="auto">
                          {s.item.title}
                        </span>
                        <span className="kind-label">{t(`agenda.kind.${s.item.kind}`)}</span>
                        {current && <span className="current-label">{t('agenda.current')}</span>}
                      </span>
                      {onSetCurrent && !current && (
                        <button type="button" className="small" onClick={() => onSetCurrent(s.item.id)} aria-label={t('console.startItem', { title: s.item.title })}>
                          {t('console.start')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
          </div>
        );
      })}
    </section>
  );
}
