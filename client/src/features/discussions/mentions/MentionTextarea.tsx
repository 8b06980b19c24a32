import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/useT';
import { useLocale } from '../../../i18n/useLocale';
import { activeMention, matchPeople, pickMention, suggests, type Mentionable } from './mentionQuery';
import './mentions.css';

/** Someone to suggest, with what tells them apart from a namesake (country, role). */
export interface Suggestion extends Mentionable {
  detail?: string;
}

interface Props {
  id: string;
  value: string;
  onValue: (value: string) => void;
  /** Enter pressed with no suggestion to pick: send the message. */
  onSend: () => void;
  /** Someone was picked from the suggestions (so a namesake is not meant instead). */
  onPick?: (id: string) => void;
  people: readonly Suggestion[];
  placeholder: string;
  maxLength: number;
  testId?: string;
}

/**
 * A chat's message box with "@" suggestions, after the WAI-ARIA combobox
 * pattern (list autocomplete, focus stays in the box): typing "@" and part of a
 * name lists who matches; ArrowDown/ArrowUp choose, Enter or Tab or a click
 * picks, Escape closes the list (a second Escape is left to the page). While
 * the list is open Enter never sends. When no one matches, what was typed stays
 * plain text and the box says so; Enter then sends it as it is. The list
 * opens above the box, as wide as the nearest positioned ancestor (the chat's
 * form, mentions.css).
 */
export function MentionTextarea({ id, value, onValue, onSend, onPick, people, placeholder, maxLength, testId }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  // The caret, for the text it was read in (a text set from outside, a refusal given back, has none yet).
  const [caret, setCaret] = useState<{ text: string; at: number } | null>(null);
  // The "@" whose suggestions were closed (Escape, a pick): they stay closed until another "@".
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState({ key: '', index: 0 });
  const pendingCaret = useRef<number | null>(null);

  const token = caret && caret.text === value ? activeMention(value, caret.at) : null;
  const matches = token ? matchPeople(people, token.query, locale) : [];
  const shown = focused && token !== null && token.start !== dismissed && suggests(token, matches.length);
  const open = shown && matches.length > 0;
  const noOne = shown && matches.length === 0 && token.query !== '';
  const key = token ? `${token.start}:${token.query}` : '';
  const activeIndex = active.key === key ? Math.min(active.index, matches.length - 1) : 0;
  const optionId = (i: number) => `${listId}-${i}`;

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pendingCaret.current !== null) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  }, [value]);
  useLayoutEffect(() => {
    if (open) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  const track = (el: HTMLTextAreaElement) => {
    const at = el.selectionStart === el.selectionEnd ? el.selectionStart : -1;
    setCaret({ text: el.value, at });
    // A different "@" (or none) opens suggestions afresh.
    if (dismissed !== null && activeMention(el.value, at)?.start !== dismissed) setDismissed(null);
  };

  const pick = (p: Suggestion) => {
    if (!token) return;
    const next = pickMention(value, token, p.name);
    pendingCaret.current = next.caret;
    setCaret({ text: next.text, at: next.caret });
    setDismissed(token.start);
    onPick?.(p.id);
    onValue(next.text);
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive({ key, index: (activeIndex + step + matches.length) % matches.length });
    } else if (open && ((e.key === 'Enter' && !e.shiftKey) || (e.key === 'Tab' && !e.shiftKey))) {
      e.preventDefault();
      pick(matches[activeIndex]!);
    } else if (shown && e.key === 'Escape') {
      // Only the first Escape is ours; with nothing shown, it goes wherever it went before.
      e.preventDefault();
      e.stopPropagation();
      setDismissed(token.start);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      onSend();
    }
  };

  return (
    <div className="mention-field">
      <textarea
        ref={ref}
        id={id}
        rows={2}
        dir="auto"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        onChange={(e) => {
          track(e.target);
          onValue(e.target.value);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        data-testid={testId}
      />
      <ul
        id={listId}
        role="listbox"
        className="mention-list"
        aria-label={t('discussion.mention.list')}
        hidden={!open}
        // Pressing an option must not take the focus from the box (the combobox keeps it).
        onMouseDown={(e) => e.preventDefault()}
        data-testid="mention-list"
      >
        {open &&
          matches.map((p, i) => (
            <li
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className="mention-option"
              onClick={() => pick(p)}
              data-testid="mention-option"
            >
              <bdi className="mention-name">{p.name}</bdi>
              {p.detail && <span className="muted"> · {p.detail}</span>}
            </li>
          ))}
      </ul>
      {noOne && (
        <p className="mention-none" aria-hidden="true" data-testid="mention-none">
          {t('discussion.mention.none', { text: token.query })}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {open ? t('discussion.mention.count', { count: matches.length }) : noOne ? t('discussion.mention.none', { text: token.query }) : ''}
      </p>
    </div>
  );
}
