import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** Every option in order, moved with up and down buttons (no dragging); each move is announced. */
export function RankingInput({ spec, ballot, onChange }: InputProps<'ranking'>) {
  const t = useT();
  const [said, setSaid] = useState('');
  const labels = new Map(spec.options.map((o) => [o.id, o.label]));
  const move = (i: number, by: -1 | 1) => {
    const order = [...ballot.order];
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    onChange({ kind: 'ranking', order });
    setSaid(t('poll.ranking.moved', { label: labels.get(order[j]!) ?? '', count: j + 1 }));
  };
  return (
    <fieldset className="poll-ranking-input">
      <legend>{t('poll.ranking.legend')}</legend>
      <ol data-testid="ranking-order">
        {ballot.order.map((id, i) => {
          const label = labels.get(id) ?? id;
          return (
            <li key={id} className="poll-rank-item" data-option={id}>
              <span className="poll-place" aria-hidden="true">
                {i + 1}
              </span>
              <span className="poll-rank-label" dir="auto">
                {label}
              </span>
              <button type="button" className="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('poll.ranking.up', { label })}>
                <span aria-hidden="true">▲</span>
              </button>
              <button
                type="button"
                className="small"
                onClick={() => move(i, 1)}
                disabled={i === ballot.order.length - 1}
                aria-label={t('poll.ranking.down', { label })}
              >
                <span aria-hidden="true">▼</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
