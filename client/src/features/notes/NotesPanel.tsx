import { useEffect, useId, useRef } from 'react';
import { docAccess, docName, notesTextKey, type DocRef, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useDoc } from '../../realtime/useDoc';
import { SavedBadge, type SaveState } from '../../ui/StatusBadges';

/**
 * Shared notes: one text everybody who may edits at once. The workshop's
 * notes by default, or another notes document (a breakout group's).
 */
export function NotesPanel({
  state,
  me,
  token,
  doc,
  title,
  testId = 'notes',
  level = 2,
}: {
  state: WorkshopState;
  me: string;
  token: string;
  doc?: Extract<DocRef, { kind: 'notes' | 'groupNotes' }>;
  title?: string;
  testId?: string;
  /** Heading level: 3 inside another section (a group's room), 4 in the console's visit to a room. */
  level?: 2 | 3 | 4;
}) {
  const t = useT();
  const id = useId();
  const Heading = (['h2', 'h3', 'h4'] as const)[level - 2]!;
  const ref = doc ?? ({ kind: 'notes', workshopId: state.id } as const);
  const access = docAccess(state, ref, me);
  const canWrite = access.read && access.write;
  const { conn, view } = useDoc(docName(ref), token, canWrite);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const textarea = area.current;
    if (!conn || !textarea) return;
    // Loaded with the document (Yjs comes with it), not with the page.
    let live = true;
    let unbind: (() => void) | null = null;
    void import('./bindTextarea').then(({ bindTextarea }) => {
      if (live) unbind = bindTextarea(conn.doc.getText(notesTextKey), textarea);
    });
    return () => {
      live = false;
      unbind?.();
    };
  }, [conn]);

  const save: SaveState = view.readOnly
    ? { kind: 'readOnly' }
    : view.status !== 'connected' && view.waiting > 0
      ? { kind: 'waiting', count: view.waiting }
      : view.saved
        ? { kind: 'saved' }
        : { kind: 'saving' };

  return (
    <section className="card notes" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <Heading id={`${id}-title`}>{title ?? t('notes.title')}</Heading>
        <SavedBadge state={save} />
      </div>
      <label htmlFor={id} className="visually-hidden">
        {t('notes.label')}
      </label>
      <textarea
        id={id}
        ref={area}
        className="notes-text"
        dir="auto"
        rows={10}
        readOnly={view.readOnly}
        aria-readonly={view.readOnly}
        placeholder={view.readOnly ? t('notes.readOnlyPlaceholder') : t('notes.placeholder')}
        data-testid={testId}
      />
      {view.closed && (
        <p className="field-error" role="alert">
          {t('notes.closed')}
        </p>
      )}
    </section>
  );
}
