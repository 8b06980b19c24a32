import { useT } from '../i18n/useT';

/** A form's submit button and, when it edits something in place, Cancel. */
export function FormButtons({ submitLabel, onCancel }: { submitLabel: string; onCancel?: () => void }) {
  const t = useT();
  return (
    <div className="row">
      <button type="submit" className="primary">
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
