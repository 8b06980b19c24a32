import { useId } from 'react';

/** One thing another can be merged into: its id and the text that names it. */
export interface MergeTarget {
  id: string;
  text: string;
}

/**
 * The facilitator's inline form that merges one item (a workplan input, a
 * question) into another of the same list: a labelled choice of targets, the
 * first chosen, and a submit button. Submitting reports the chosen id and
 * closes the form; the caller sends the command.
 */
export function MergeForm({
  label,
  submit,
  targets,
  onMerge,
  onClose,
}: {
  label: string;
  submit: string;
  targets: readonly MergeTarget[];
  onMerge: (intoId: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const into = new FormData(e.currentTarget).get('into');
        if (typeof into === 'string' && into) onMerge(into);
        onClose();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <select id={id} name="into">
        {targets.map((o) => (
          <option key={o.id} value={o.id} dir="auto">
            {o.text.slice(0, 80)}
          </option>
        ))}
      </select>
      <button type="submit" className="small">
        {submit}
      </button>
    </form>
  );
}
