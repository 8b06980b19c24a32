import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { BoardLimits, ConnectorKind, itemColors, type ItemColor, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import type { ViewItem } from './BoardSession';
import type { BoardWords } from './useItemWords';
import { TurnIntoInput } from '../outcomes/TurnIntoInput';

interface Props {
  item: ViewItem;
  state: WorkshopState;
  words: BoardWords;
  editable: boolean;
  editorRef: RefObject<HTMLTextAreaElement | HTMLInputElement | null>;
  onPatch: (patch: Partial<Record<string, unknown>>) => void;
  vote: { mine: number; onCast: (delta: number) => void } | null;
  frameLock: { locked: boolean; toggle: () => void } | null;
  /** Put the caret in the text field at once (a new item: typing goes straight into it). */
  autoFocus: boolean;
}

/** The selected item's fields, editable with the keyboard; text goes to the board as one types (debounced). */
export function Inspector({ item, state, words, editable, editorRef, onPatch, vote, frameLock, autoFocus }: Props) {
  const t = useT();
  // Before the browser handles the next key: a fast typer's first letters land in the note.
  useLayoutEffect(() => {
    if (autoFocus) editorRef.current?.focus();
  }, [autoFocus, editorRef]);
  const ids = { text: useId(), title: useId(), country: useId(), objective: useId(), label: useId(), link: useId() };
  const countries = state.definition.countries;
  const objectives = state.definition.objectives;
  return (
    <div className="board-inspector" data-testid="inspector">
      <h2>{t(`board.kind.${item.kind}`)}</h2>
      {item.private && (
        <p className="muted">
          {/* Someone else's private note, as a facilitator reads it; or one's own. */}
          {editable ? t('board.item.privateHint') : t('board.item.privateOf', { name: state.participants[item.author ?? '']?.name ?? '?' })}
        </p>
      )}
      {!editable && <p className="muted">{t('board.item.readOnly')}</p>}
      {(item.kind === 'practice' || item.kind === 'lane' || item.kind === 'frame') && (
        <>
          <label htmlFor={ids.title}>{t('board.field.title')}</label>
          <DraftInput id={ids.title} value={item.title} max={BoardLimits.labelLength} disabled={!editable} onCommit={(title) => onPatch({ title })} inputRef={item.kind !== 'practice' ? editorRef : undefined} />
        </>
      )}
      {(item.kind === 'note' || item.kind === 'practice') && (
        <>
          <label htmlFor={ids.text}>{t(item.kind === 'note' ? 'board.field.noteText' : 'board.field.description')}</label>
          <DraftInput id={ids.text} value={item.text} max={BoardLimits.textLength} multiline disabled={!editable} onCommit={(text) => onPatch({ text })} inputRef={editorRef} testId="item-text" />
        </>
      )}
      {(item.kind === 'country' || item.kind === 'practice') && (
        <>
          <label htmlFor={ids.country}>{t('board.field.country')}</label>
          <select id={ids.country} value={item.country ?? ''} disabled={!editable} onChange={(e) => onPatch({ country: e.target.value || undefined })}>
            {item.kind === 'practice' && <option value="">{t('board.field.none')}</option>}
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {words.country(c.code)}
              </option>
            ))}
          </select>
        </>
      )}
      {(item.kind === 'practice' || item.kind === 'lane') && (
        <>
          <label htmlFor={ids.objective}>{t('board.field.objective')}</label>
          <select id={ids.objective} value={item.objective ?? ''} disabled={!editable} onChange={(e) => onPatch({ objective: e.target.value || undefined })}>
            <option value="">{t('board.field.none')}</option>
            {objectives.map((o) => (
              <option key={o.id} value={o.id} dir="auto">
                {o.short}
              </option>
            ))}
          </select>
        </>
      )}
      {item.kind === 'connector' && (
        <>
          <label htmlFor={ids.label}>{t('board.field.label')}</label>
          <DraftInput id={ids.label} value={item.label} max={BoardLimits.labelLength} disabled={!editable} onCommit={(label) => onPatch({ label })} inputRef={editorRef} />
          <label htmlFor={ids.link}>{t('board.field.link')}</label>
          <select id={ids.link} value={item.link} disabled={!editable} onChange={(e) => onPatch({ link: e.target.value })}>
            {ConnectorKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`board.link.${k}`)}
              </option>
            ))}
          </select>
        </>
      )}
      {item.kind !== 'connector' && (
        <fieldset className="board-colors" disabled={!editable}>
          <legend>{t('board.field.color')}</legend>
          {itemColors.map((c: ItemColor) => (
            <button key={c} type="button" className={`board-swatch color-${c}`} aria-pressed={item.color === c} aria-label={t(`board.color.${c}`)} title={t(`board.color.${c}`)} onClick={() => onPatch({ color: c })} />
          ))}
        </fieldset>
      )}
      {item.kind !== 'connector' && <SizeFields w={item.w} h={item.h} disabled={!editable} onPatch={onPatch} />}
      {frameLock && (
        <button type="button" onClick={frameLock.toggle} aria-pressed={frameLock.locked}>
          {frameLock.locked ? t('board.frame.unlock') : t('board.frame.lock')}
        </button>
      )}
      {vote && (
        <div className="board-vote-item" role="group" aria-label={t('board.vote.onItem')}>
          <span>{t('board.vote.mine', { count: vote.mine })}</span>
          <button type="button" onClick={() => vote.onCast(1)} aria-keyshortcuts="V" data-testid="add-dot">
            {t('board.vote.add')}
          </button>
          <button type="button" onClick={() => vote.onCast(-1)} disabled={vote.mine === 0} aria-keyshortcuts="Shift+V">
            {t('board.vote.remove')}
          </button>
        </div>
      )}
      {(item.kind === 'note' || item.kind === 'practice') && !item.private && (
        <TurnIntoInput state={state} itemId={item.id} text={item.kind === 'note' ? item.text : [item.title, item.text].filter(Boolean).join(' — ')} />
      )}
    </div>
  );
}

/** A text field with a local draft: what one types goes to the board after a pause and on leaving the field. */
function DraftInput({
  id,
  value,
  max,
  multiline,
  disabled,
  onCommit,
  inputRef,
  testId,
}: {
  id: string;
  value: string;
  max: number;
  multiline?: boolean;
  disabled: boolean;
  onCommit: (v: string) => void;
  inputRef?: RefObject<HTMLTextAreaElement | HTMLInputElement | null>;
  testId?: string;
}) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(onCommit);
  useEffect(() => {
    commitRef.current = onCommit;
  });
  // Others' edits show unless this person is typing here.
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const commit = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (v !== value) commitRef.current(v);
  };
  const onChange = (v: string) => {
    setDraft(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(v), 300);
  };
  const common = {
    id,
    value: draft,
    maxLength: max,
    disabled,
    dir: 'auto' as const,
    'data-testid': testId,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      commit(draft);
    },
  };
  return multiline ? (
    <textarea
      {...common}
      rows={5}
      ref={inputRef as RefObject<HTMLTextAreaElement>}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          commit(draft);
          (e.target as HTMLElement).blur();
          e.stopPropagation();
        }
      }}
    />
  ) : (
    <input
      {...common}
      ref={inputRef as RefObject<HTMLInputElement>}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') {
          commit(draft);
          (e.target as HTMLElement).blur();
        }
      }}
    />
  );
}

/** Width and height by keyboard (the handles on the canvas do the same with a pointer). */
function SizeFields({ w, h, disabled, onPatch }: { w: number; h: number; disabled: boolean; onPatch: (patch: Partial<Record<string, unknown>>) => void }) {
  const t = useT();
  const ids = { w: useId(), h: useId() };
  const min = { w: 40, h: 30 };
  // Out-of-range or empty input changes nothing; the field shows the item's size again.
  const commit = (key: 'w' | 'h', input: HTMLInputElement) => {
    const v = Math.round(Number(input.value));
    if (input.value.trim() !== '' && Number.isFinite(v) && v >= min[key] && v <= 20000) onPatch({ [key]: v });
    else input.value = String(Math.round(key === 'w' ? w : h));
  };
  return (
    <div className="inline-form board-size">
      <div>
        <label htmlFor={ids.w}>{t('board.field.width')}</label>
        <input id={ids.w} type="number" min={min.w} max={20000} step={10} defaultValue={Math.round(w)} key={`w${w}`} disabled={disabled} onBlur={(e) => commit('w', e.target)} onKeyDown={(e) => e.key === 'Enter' && commit('w', e.currentTarget)} />
      </div>
      <div>
        <label htmlFor={ids.h}>{t('board.field.height')}</label>
        <input id={ids.h} type="number" min={min.h} max={20000} step={10} defaultValue={Math.round(h)} key={`h${h}`} disabled={disabled} onBlur={(e) => commit('h', e.target)} onKeyDown={(e) => e.key === 'Enter' && commit('h', e.currentTarget)} />
      </div>
    </div>
  );
}
