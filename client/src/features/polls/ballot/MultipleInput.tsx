import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** Up to `maxChoices` options, as checkboxes; the rest are disabled once that many are checked. */
export function MultipleInput({ spec, ballot, onChange }: InputProps<'multiple'>) {
  const t = useT();
  const full = ballot.options.length >= spec.maxChoices;
  return (
    <fieldset className="poll-choices">
      <legend>{t('poll.multiple.legend', { count: spec.maxChoices })}</legend>
      {spec.options.map((o) => {
        const checked = ballot.options.includes(o.id);
        return (
          <label key={o.id} className="choice poll-choice">
            <input
              type="checkbox"
              checked={checked}
              disabled={!checked && full}
              onChange={() =>
                onChange({ kind: 'multiple', options: checked ? ballot.options.filter((x) => x !== o.id) : [...ballot.options, o.id] })
              }
            />
            <span dir="auto">{o.label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
