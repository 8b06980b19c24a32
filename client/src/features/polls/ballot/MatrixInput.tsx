import { useId } from 'react';
import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** Options placed on two axes: a checkbox places one, then a slider per axis moves it. */
export function MatrixInput({ spec, ballot, onChange }: InputProps<'matrix'>) {
  const t = useT();
  const set = (id: string, pos: { x: number; y: number } | null) => {
    const positions = { ...ballot.positions };
    if (pos) positions[id] = pos;
    else delete positions[id];
    onChange({ kind: 'matrix', positions });
  };
  return (
    <fieldset className="poll-matrix-input">
      <legend>{t('poll.matrix.legend')}</legend>
      <p className="muted">
        {t('poll.matrix.ends', { text: spec.x.label, name: spec.x.low, title: spec.x.high })}
        {' · '}
        {t('poll.matrix.ends', { text: spec.y.label, name: spec.y.low, title: spec.y.high })}
      </p>
      {spec.options.map((o) => {
        const pos = ballot.positions[o.id];
        return (
          <div key={o.id} className="poll-matrix-row">
            <label className="choice">
              <input type="checkbox" checked={!!pos} onChange={(e) => set(o.id, e.target.checked ? { x: 50, y: 50 } : null)} />
              <span dir="auto">{t('poll.matrix.place', { label: o.label })}</span>
            </label>
            {pos && (
              <>
                <Slider label={t('poll.matrix.axis', { label: o.label, text: spec.x.label })} value={pos.x} onChange={(x) => set(o.id, { ...pos, x })} />
                <Slider label={t('poll.matrix.axis', { label: o.label, text: spec.y.label })} value={pos.y} onChange={(y) => set(o.id, { ...pos, y })} />
              </>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function Slider({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  const id = useId();
  return (
    <div className="poll-slider">
      <label htmlFor={id} dir="auto">
        {label}
      </label>
      {/* Low to high, left to right, as the chart draws it. */}
      <input id={id} type="range" min={0} max={100} step={5} value={value} onChange={(e) => onChange(Number(e.target.value))} dir="ltr" />
      <output htmlFor={id}>{value}</output>
    </div>
  );
}
