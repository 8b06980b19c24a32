import { useId } from 'react';
import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** A rating on the scale for each option, as a row of radio buttons (and a skip, if allowed). */
export function ScaleInput({ spec, ballot, onChange }: InputProps<'scale'>) {
  const t = useT();
  const name = useId();
  const values = Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
  const set = (id: string, v: number | null) => onChange({ kind: 'scale', ratings: { ...ballot.ratings, [id]: v } });
  return (
    <div className="poll-scale-input">
      <p className="muted">
        {t('poll.scale.legend', { count: spec.min, total: spec.max })}
        {spec.minLabel && ` · ${spec.min} = ${spec.minLabel}`}
        {spec.maxLabel && ` · ${spec.max} = ${spec.maxLabel}`}
      </p>
      {spec.options.map((o) => (
        <fieldset key={o.id} className="poll-scale-row">
          <legend dir="auto">{o.label}</legend>
          <div className="poll-scale-values">
            {values.map((v) => (
              <label key={v} className="poll-scale-value">
                <input
                  type="radio"
                  name={`${name}-${o.id}`}
                  checked={ballot.ratings[o.id] === v}
                  onChange={() => set(o.id, v)}
                  aria-label={t('poll.scale.rating', { label: o.label, count: v })}
                />
                <span aria-hidden="true">{v}</span>
              </label>
            ))}
            {spec.allowSkip && (
              <label className="poll-scale-value skip">
                <input type="radio" name={`${name}-${o.id}`} checked={ballot.ratings[o.id] === null} onChange={() => set(o.id, null)} />
                <span>{t('poll.scale.skip')}</span>
              </label>
            )}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
