import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** Up to `maxWords` words, one text field each. */
export function WordsInput({ spec, ballot, onChange }: InputProps<'wordCloud'>) {
  const t = useT();
  return (
    <fieldset className="poll-words-input">
      <legend>{t('poll.words.legend', { count: spec.maxWords })}</legend>
      {Array.from({ length: spec.maxWords }, (_, i) => (
        <input
          key={i}
          type="text"
          dir="auto"
          maxLength={spec.maxLength}
          value={ballot.words[i] ?? ''}
          aria-label={t('poll.words.input', { count: i + 1 })}
          onChange={(e) => {
            const words = Array.from({ length: spec.maxWords }, (_, j) => ballot.words[j] ?? '');
            words[i] = e.target.value;
            onChange({ kind: 'wordCloud', words });
          }}
        />
      ))}
    </fieldset>
  );
}
