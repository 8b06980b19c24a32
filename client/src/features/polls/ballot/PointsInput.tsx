import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** A budget of points spread over the options, with − and + buttons and a number field each; what is left is announced. */
export function PointsInput({ spec, ballot, onChange }: InputProps<'points'>) {
  const t = useT();
  const given = Object.values(ballot.points).reduce((s, n) => s + n, 0);
  const left = spec.budget - given;
  const step = spec.budget >= 50 ? 5 : 1;
  const set = (id: string, n: number) => onChange({ kind: 'points', points: { ...ballot.points, [id]: Math.max(0, Math.min(spec.budget, Math.round(n))) } });
  return (
    <fieldset className="poll-points-input">
      <legend>{t('poll.points.legend', { total: spec.budget })}</legend>
      <p className={`poll-budget${left < 0 ? ' over' : left === 0 ? ' done' : ''}`} aria-live="polite" data-testid="points-left">
        {left < 0 ? t('poll.points.over', { count: -left }) : t('poll.points.left', { count: left, total: spec.budget })}
      </p>
      {spec.options.map((o) => {
        const n = ballot.points[o.id] ?? 0;
        return (
          <div key={o.id} className="poll-points-row">
            <span className="poll-points-label" dir="auto">
              {o.label}
            </span>
            <button type="button" className="small" onClick={() => set(o.id, n - step)} disabled={n === 0} aria-label={t('poll.points.less', { label: o.label })}>
              <span aria-hidden="true">−</span>
            </button>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={spec.budget}
              value={n}
              onChange={(e) => set(o.id, Number(e.target.value) || 0)}
              aria-label={t('poll.points.input', { label: o.label })}
            />
            <button
              type="button"
              className="small"
              onClick={() => set(o.id, n + Math.min(step, Math.max(1, left)))}
              disabled={left <= 0}
              aria-label={t('poll.points.more', { label: o.label })}
            >
              <span aria-hidden="true">+</span>
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
