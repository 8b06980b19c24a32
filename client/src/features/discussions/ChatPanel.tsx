import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { DiscussionLimits, spaceAccess, spaceKey, withinEditWindow, ErrorCode, type Message, type Participant, type SpaceRef, type WireError, type WorkshopState } from '@plenary/shared';
import { useT, type Translate } from '../../i18n/useT';
import { describeError, type ErrorWords } from '../../i18n/describeError';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { useServerClock } from '../run/useServerClock';
import { outboxFor, outboxKey, refusals } from './outbox';
import { markSeen } from './unread';
import { chatAnchor } from './UnreadChatLink';
import { mentionPieces, mentionsIn } from './mentions/mentionsIn';
import { MentionTextarea, type Suggestion } from './mentions/MentionTextarea';

/** The chat's own words for the server's refusals. */
const chatWords: ErrorWords = {
  [ErrorCode.rateLimited]: 'discussion.error.slowDown',
  [ErrorCode.invalid]: 'discussion.error.invalid',
  [ErrorCode.forbidden]: 'discussion.error.forbidden',
};
const changeWords: ErrorWords = { ...chatWords, [ErrorCode.conflict]: 'discussion.error.window' };

/** A country's name or an organisation's short name, from the code a message or a person carries. */
function affiliationLabel(code: string, state: WorkshopState, locale: string): string {
  const org = state.definition.organisations.find((o) => o.id === code);
  return org ? org.short : countryName(code, locale);
}

/** Who wrote a message, as this viewer may see it (the projection already hid what attribution hides). */
function authorLabel(m: Message, state: WorkshopState, me: string, locale: string, t: Translate): string {
  if (m.author === me) return t('discussion.chat.you');
  const who = m.author ? state.participants[m.author] : undefined;
  const where = m.affiliation ? affiliationLabel(m.affiliation, state, locale) : null;
  const name = who ? (who.role === 'facilitator' ? `${who.name} (${t('discussion.chat.facilitator')})` : who.name) : null;
  if (name && where) return `${name} · ${where}`;
  return name ?? where ?? t('discussion.chat.someone');
}

/** What tells a person apart in the suggestions: the facilitator role, or what they represent. */
function suggestionDetail(p: Participant, state: WorkshopState, locale: string, t: Translate): string | undefined {
  if (p.role === 'facilitator') return t('discussion.chat.facilitator');
  const a = p.affiliation;
  return a.kind === 'country' ? countryName(a.country, locale) : a.kind === 'organisation' ? affiliationLabel(a.organisation, state, locale) : undefined;
}

/** Who may be mentioned in a space: those who may read it (the server drops anyone else), not oneself. */
function mentionable(state: WorkshopState, me: string, space: SpaceRef, locale: string, t: Translate): Suggestion[] {
  return Object.values(state.participants)
    .filter((p) => !p.removed && p.id !== me && p.name.trim() !== '' && spaceAccess(state, p.id, space) !== 'none')
    .map((p) => ({ id: p.id, name: p.name, detail: suggestionDetail(p, state, locale, t) }));
}

/**
 * A space's messages (a group's chat, or the comment thread of a board item)
 * in the order the server gave them, each with its author
 * and country as attribution allows; one's own can be edited or deleted within
 * five minutes. Messages sent while offline wait in the outbox and show as
 * sending. All text is rendered as text, each message in its own direction.
 */
export function ChatPanel({ space: spaceProp, title, testId = 'chat' }: { space: SpaceRef; title: string; testId?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const ids = { title: useId(), input: useId() };
  // Callers pass a new object each render; the space is the same while its key is.
  const spaceJson = JSON.stringify(spaceProp);
  const space = useMemo<SpaceRef>(() => JSON.parse(spaceJson) as SpaceRef, [spaceJson]);
  const box = useMemo(() => outboxFor(state.id, space, (p) => client.send('discussion:post', p)), [client, state.id, space]);
  const pending = useSyncExternalStore(box.view.subscribe, box.view.getSnapshot);
  const refused = useSyncExternalStore(refusals.subscribe, refusals.getSnapshot);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const now = useServerClock(true, 15_000);
  const messages = useMemo(() => state.discussions.spaces[spaceKey(space)]?.messages ?? [], [state.discussions.spaces, space]);
  const access = spaceAccess(state, view.me, space);
  const people = useMemo(() => (access === 'write' ? mentionable(state, view.me, space, locale, t) : []), [access, state, view.me, space, locale, t]);
  // Who was picked from the suggestions, so that of two people of one name the one picked is mentioned.
  const [picked, setPicked] = useState<string[]>([]);
  const logRef = useRef<HTMLDivElement>(null);

  // What the server already holds needs no sending (a resend after reconnect, whose first ack was lost).
  useEffect(() => {
    box.settle(new Set(messages.filter((m) => m.author === view.me).map((m) => m.clientId)));
  }, [box, messages, view.me]);

  // A refused message: say why, and give its text back to edit.
  const myKey = outboxKey(state.id, space);
  const [shownRefusal, setShownRefusal] = useState<typeof refused>(null);
  if (refused && refused.key === myKey && refused !== shownRefusal) {
    setShownRefusal(refused);
    setError(describeError(t, refused.error, chatWords));
    // Several refused in a row (too fast): none of the texts is lost.
    setDraft(!draft ? refused.text : draft.includes(refused.text) ? draft : `${draft}\n${refused.text}`);
  }

  // Messages on screen are read: while the log is visible, what it shows is marked as seen.
  const [onScreen, setOnScreen] = useState(false);
  useEffect(() => {
    const el = logRef.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const lastSeq = messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (onScreen && lastSeq > 0 && document.visibilityState === 'visible') markSeen(myKey, lastSeq);
  }, [onScreen, lastSeq, myKey]);

  // Keep the newest message in sight.
  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length]);

  const posted = new Set(messages.map((m) => m.clientId).filter(Boolean));
  const waiting = pending.filter((p) => !posted.has(p.clientId));

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const text = draft.trim();
    if (!text || text.length > DiscussionLimits.messageLength) {
      setError(t('discussion.error.invalid'));
      return;
    }
    setError(null);
    setDraft('');
    setPicked([]);
    box.add(text, mentionsIn(text, state, view.me, picked));
  };

  return (
    <section className="card chat" id={space.kind === 'chat' ? chatAnchor(space.groupId) : undefined} tabIndex={-1} aria-labelledby={ids.title} data-testid={testId}>
      <h3 id={ids.title}>{title}</h3>
      <div className="chat-log" role="log" aria-live="polite" aria-labelledby={ids.title} ref={logRef} data-testid="chat-log">
        <ol className="chat-list">
          {messages.length === 0 && waiting.length === 0 && <li className="muted">{t('discussion.chat.empty')}</li>}
          {messages.map((m) => (
            <ChatMessage key={m.id} m={m} space={space} own={m.author === view.me && access === 'write'} now={now} label={authorLabel(m, state, view.me, locale, t)} />
          ))}
          {waiting.map((p) => (
            <li key={p.clientId} className="chat-message pending" data-testid="chat-message" data-pending="true">
              <div className="chat-meta">
                <span className="chat-author">{t('discussion.chat.you')}</span>
                <span className="muted">{p.retrying ? t('discussion.chat.waiting') : t('discussion.chat.sending')}</span>
              </div>
              <p className="chat-text" dir="auto" data-testid="chat-text">
                {p.text}
              </p>
            </li>
          ))}
        </ol>
      </div>
      {access === 'write' ? (
        <form className="chat-form" onSubmit={submit}>
          <label htmlFor={ids.input} className="visually-hidden">
            {t('discussion.chat.message')}
          </label>
          <MentionTextarea
            id={ids.input}
            value={draft}
            onValue={setDraft}
            onSend={submit}
            onPick={(id) => setPicked((ids) => [...ids, id])}
            people={people}
            maxLength={DiscussionLimits.messageLength}
            placeholder={t('discussion.chat.placeholder')}
            testId="chat-input"
          />
          <button type="submit" data-testid="chat-send">
            {t('discussion.chat.send')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('discussion.chat.readOnly')}</p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="chat-error">
          {error}
        </p>
      )}
    </section>
  );
}

/** A message's text, with the people it mentions shown as mentions ("@Zzz", naming no one, stays plain). */
function MessageText({ m }: { m: Message }) {
  const state = useWorkshopView().state!;
  const names = m.mentions.map((id) => state.participants[id]?.name).filter((n): n is string => !!n);
  return (
    <p className="chat-text" dir="auto" data-testid="chat-text">
      {names.length === 0
        ? m.text
        : mentionPieces(m.text, names).map((piece, i) =>
            piece.mention ? (
              <bdi key={i} className="mention" data-testid="mention">
                {piece.text}
              </bdi>
            ) : (
              piece.text
            ),
          )}
    </p>
  );
}

/** One message of the log, with its own edit and delete. */
function ChatMessage({ m, space, own, now, label }: { m: Message; space: SpaceRef; own: boolean; now: number; label: string }) {
  const t = useT();
  const client = useWorkshopClient();
  const { locale } = useLocale();
  const inputId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changeable = own && !m.deleted && withinEditWindow(m, now);
  const me = useWorkshopView().me;
  const mentionsMe = !m.deleted && m.mentions.includes(me);
  const report = (e: WireError | null) => setError(e ? describeError(t, e, changeWords) : null);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(m.at);
  return (
    <li className={`chat-message${m.deleted ? ' deleted' : ''}${mentionsMe ? ' mentions-me' : ''}`} data-testid="chat-message" data-message-id={m.id}>
      <div className="chat-meta">
        <span className="chat-author" dir="auto" data-testid="chat-author">
          {label}
        </span>
        <time className="muted" dateTime={new Date(m.at).toISOString()}>
          {time}
        </time>
        {m.editedAt !== null && !m.deleted && <span className="muted">{t('discussion.chat.edited')}</span>}
        {mentionsMe && <span className="tag">{t('discussion.chat.mentionsYou')}</span>}
      </div>
      {m.deleted ? (
        <p className="chat-text muted">{t('discussion.chat.deleted')}</p>
      ) : editing !== null ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await client.send('discussion:edit', { space, messageId: m.id, text: editing, mentions: mentionsIn(editing, client.view.getSnapshot().state!, me) });
            report(r.ok ? null : r.error);
            if (r.ok) setEditing(null);
          }}
        >
          <label htmlFor={inputId} className="visually-hidden">
            {t('discussion.chat.editLabel')}
          </label>
          <textarea id={inputId} rows={2} dir="auto" value={editing} maxLength={DiscussionLimits.messageLength} onChange={(e) => setEditing(e.target.value)} />
          <button type="submit" className="small">
            {t('discussion.chat.save')}
          </button>
          <button type="button" className="small" onClick={() => setEditing(null)}>
            {t('discussion.chat.cancel')}
          </button>
        </form>
      ) : (
        <MessageText m={m} />
      )}
      {changeable && editing === null && (
        <div className="chat-actions">
          <button type="button" className="small" onClick={() => setEditing(m.text)}>
            {t('discussion.chat.edit')}
          </button>
          <button
            type="button"
            className="small"
            onClick={async () => {
              const r = await client.send('discussion:delete', { space, messageId: m.id });
              report(r.ok ? null : r.error);
            }}
          >
            {t('discussion.chat.delete')}
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
