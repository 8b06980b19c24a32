import { useId } from 'react';
import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** One option, as radio buttons. */
export function SingleInput({ spec, ballot, onChange }: InputProps<'single'>) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="poll-choices">
      <legend>{t('poll.single.legend')}</legend>
      {spec.options.map((o) => (
        <label key={o.id} className="choice poll-choice">
          <input type="radio" name={name} checked={ballot.option === o.id} onChange={() => onChange({ kind: 'single', option: o.id })} />
          <span dir="auto">{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
