import { useId, useState } from 'react';
import { breakoutGroupName, type Poll, type PollResults, type ResultBody, type SegmentBy, type WorkshopState } from '@plenary/shared';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useT, type Translate } from '../../i18n/useT';
import { PollChart, type ChartSize } from './PollCharts';

/** What the counting and the chart mean, said on the results. */
export function methodOf(poll: Poll, body: ResultBody, t: Translate): string {
  switch (body.kind) {
    case 'choice':
      return t('poll.method.choice');
    case 'ranking':
      return t('poll.method.borda', { count: body.options.length, total: body.options.length - 1 });
    case 'points':
      return t('poll.method.points');
    case 'scale':
      return t('poll.method.scale');
    case 'matrix':
      return t('poll.method.matrix');
    case 'words':
      return t('poll.method.words');
    case 'text':
      return t('poll.method.text');
  }
}

/** A segment's name in the viewer's language. */
export function segmentName(key: string, state: WorkshopState, locale: string, t: Translate, by?: SegmentBy): string {
  if (key === 'none') return by === 'group' ? t('poll.segment.noGroup') : t('poll.segment.none');
  const [kind, id = ''] = key.split(':');
  if (kind === 'phase') return t('poll.segment.phase', { count: Number(id) });
  if (kind === 'group') return breakoutGroupName(state, id) ?? id;
  if (kind === 'country') return countryName(id, locale);
  return state.definition.organisations.find((o) => o.id === id)?.short ?? id;
}

/**
 * Results of a poll: how many ballots counted, how they were counted, the
 * chart, and the breakdown by segment when the poll has one.
 */
export function PollResultsView({ poll, results, state, size = 'normal' }: { poll: Poll; results: PollResults; state: WorkshopState; size?: ChartSize }) {
  const t = useT();
  const { locale } = useLocale();
  const selectId = useId();
  const [segment, setSegment] = useState('');
  const shown = results.segments.find((s) => s.key === segment);
  const body = shown?.body ?? results.overall;
  const empty = results.counted === 0 && results.overall.kind !== 'text';
  return (
    <div className="poll-results" data-testid="poll-results" data-counted={results.counted}>
      {empty ? <p className="muted">{t('poll.results.none')}</p> : <PollChart poll={poll} body={body} size={size} />}
      {!empty && (
        <p className="poll-method">
          {methodOf(poll, body, t)}
          {results.countBy === 'country' && ` ${t('poll.method.perCountry')} ${t('poll.countriesCounted', { count: results.counted })}.`}
        </p>
      )}
      {results.segmentBy === 'group' && results.segments.length > 0 && size === 'large' && (
        <div className="poll-group-results" data-testid="poll-group-results">
          {results.segments.map((s) => (
            <section key={s.key} className="poll-group-result" aria-label={segmentName(s.key, state, locale, t, results.segmentBy)}>
              <h3 dir="auto">
                {segmentName(s.key, state, locale, t, results.segmentBy)} ({s.counted})
              </h3>
              <PollChart poll={poll} body={s.body} />
            </section>
          ))}
        </div>
      )}
      {results.segments.length > 0 && size !== 'large' && (
        <div className="poll-segments">
          <label htmlFor={selectId}>{t('poll.segment.title')}</label>
          <select id={selectId} value={segment} onChange={(e) => setSegment(e.target.value)}>
            <option value="">
              {t('poll.segment.everyone')} ({results.counted})
            </option>
            {results.segments.map((s) => (
              <option key={s.key} value={s.key}>
                {segmentName(s.key, state, locale, t, results.segmentBy)} ({s.counted})
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
