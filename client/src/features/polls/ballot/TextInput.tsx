import { useId } from 'react';
import { useT } from '../../../i18n/useT';
import type { InputProps } from './InputProps';

/** A free-text answer, with the characters left and a note that answers are moderated. */
export function TextInput({ spec, ballot, onChange }: InputProps<'openText'>) {
  const t = useT();
  const id = useId();
  return (
    <div className="poll-text-input">
      <label htmlFor={id}>{t('poll.text.label')}</label>
      <textarea id={id} dir="auto" rows={4} maxLength={spec.maxLength} value={ballot.text} onChange={(e) => onChange({ kind: 'openText', text: e.target.value })} />
      <p className="muted">
        {t('poll.text.left', { count: spec.maxLength - [...ballot.text].length })} · {t('poll.text.moderated')}
      </p>
    </div>
  );
}
