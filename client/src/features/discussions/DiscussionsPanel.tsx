import { useId, useState } from 'react';
import { DiscussionLimits, type Round, type SearchReply } from '@plenary/shared';
import { api } from '../../realtime/api';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { ChatPanel } from './ChatPanel';
import { useUnread } from './UnreadChatLink';
import { GuidingAnswers } from './GroupDiscussion';

/**
 * The facilitator's side of breakout discussions: each round's guiding
 * questions (set while planning, edited until the round closes), and any
 * group's chat and answers, to read and to post into.
 */
export function DiscussionsPanel() {
  const t = useT();
  const view = useWorkshopView();
  const state = view.state!;
  const rounds = state.breakouts.order.map((id) => state.breakouts.byId[id]!);
  const live = rounds.find((r) => r.status === 'running' || r.status === 'closing');
  const [roundId, setRoundId] = useState<string | null>(null);
  const round = rounds.find((r) => r.id === roundId) ?? live ?? rounds.at(-1) ?? null;
  const ids = { title: useId(), round: useId() };
  return (
    <section className="card discussions-console" aria-labelledby={ids.title} data-testid="discussions-console">
      <h2 id={ids.title}>{t('discussion.console.title')}</h2>
      {!round ? (
        <p className="muted">{t('discussion.console.none')}</p>
      ) : (
        <>
          {rounds.length > 1 && (
            <p>
              <label htmlFor={ids.round}>{t('discussion.console.round')}</label>{' '}
              <select id={ids.round} value={round.id} onChange={(e) => setRoundId(e.target.value)}>
                {rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </select>
            </p>
          )}
          <QuestionsEditor key={round.id} round={round} />
          {round.status !== 'draft' && <GroupChats round={round} />}
          <SearchDiscussions />
        </>
      )}
    </section>
  );
}

function QuestionsEditor({ round }: { round: Round }) {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const current = state.discussions.questions[round.id] ?? [];
  const [draft, setDraft] = useState<{ id?: string; text: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const rows = draft ?? current.map((q) => ({ id: q.id, text: q.text }));
  const base = useId();
  const change = (next: { id?: string; text: string }[]) => {
    setDraft(next);
    setSaved(false);
  };
  if (round.status === 'closed') {
    return (
      <div>
        <h3>{t('discussion.console.questions', { title: round.title })}</h3>
        <ol>
          {current.map((q) => (
            <li key={q.id} dir="auto">
              {q.text}
            </li>
          ))}
        </ol>
        <p className="muted">{t('discussion.console.closed')}</p>
      </div>
    );
  }
  return (
    <form
      className="questions-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        const questions = rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), text: r.text.trim() })).filter((r) => r.text !== '');
        const r = await client.send('discussion:setQuestions', { roundId: round.id, questions });
        setError(r.ok ? null : describeError(t, r.error));
        if (r.ok) {
          setDraft(null);
          setSaved(true);
        }
      }}
    >
      <h3>{t('discussion.console.questions', { title: round.title })}</h3>
      <ol className="gq-edit-list">
        {rows.map((row, i) => (
          <li key={row.id ?? `new-${i}`} className="question-row">
            <label htmlFor={`${base}-${i}`}>{t('discussion.console.questionLabel', { n: i + 1 })}</label>
            <textarea
              id={`${base}-${i}`}
              rows={2}
              dir="auto"
              maxLength={DiscussionLimits.questionLength}
              value={row.text}
              onChange={(e) => change(rows.map((r, j) => (j === i ? { ...r, text: e.target.value } : r)))}
              data-testid="question-input"
            />
            <span className="question-actions">
              {i > 0 && (
                <button type="button" className="small" onClick={() => change([...rows.slice(0, i - 1), row, rows[i - 1]!, ...rows.slice(i + 1)])}>
                  {t('discussion.console.moveUp', { n: i + 1 })}
                </button>
              )}
              <button type="button" className="small" onClick={() => change(rows.filter((_, j) => j !== i))}>
                {t('discussion.console.removeQuestion', { n: i + 1 })}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {rows.length < DiscussionLimits.questionsPerRound && (
        <button type="button" onClick={() => change([...rows, { text: '' }])} data-testid="add-question">
          {t('discussion.console.addQuestion')}
        </button>
      )}{' '}
      <button type="submit" data-testid="save-questions">
        {t('discussion.console.saveQuestions')}
      </button>
      {saved && (
        <p className="muted" role="status">
          {t('discussion.console.saved')}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function GroupChats({ round }: { round: Round }) {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const [groupId, setGroupId] = useState<string | null>(null);
  const group = round.groups.find((g) => g.id === groupId) ?? round.groups[0];
  const id = useId();
  if (!group) return null;
  return (
    <div className="group-chats">
      <p>
        <label htmlFor={id}>{t('discussion.console.group')}</label>{' '}
        <select id={id} value={group.id} onChange={(e) => setGroupId(e.target.value)} data-testid="console-chat-group">
          {round.groups.map((g) => (
            <GroupOption key={g.id} id={g.id} name={g.name} />
          ))}
        </select>
      </p>
      <div className="group-discussion">
        <GuidingAnswers key={`a-${group.id}`} state={state} me={view.me} token={client.session.token} round={round} group={group} title={t('discussion.console.answers', { group: group.name })} />
        <ChatPanel key={`c-${group.id}`} space={{ kind: 'chat', groupId: group.id }} title={t('discussion.chat.titleOf', { group: group.name })} testId="console-chat" />
      </div>
    </div>
  );
}

/** A group in the console's chooser, with how many of its chat's messages the facilitator has not seen. */
function GroupOption({ id, name }: { id: string; name: string }) {
  const t = useT();
  const unread = useUnread(id);
  return <option value={id}>{unread > 0 ? t('discussion.console.groupUnread', { group: name, count: unread }) : name}</option>;
}

/** Search in what every group wrote: chats and answers. */
function SearchDiscussions() {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const id = useId();
  const [q, setQ] = useState('');
  const [reply, setReply] = useState<SearchReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="discussion-search">
      <form
        role="search"
        onSubmit={async (e) => {
          e.preventDefault();
          if (q.trim().length < 2) {
            setError(t('discussion.search.tooShort'));
            return;
          }
          const r = await api.searchDiscussions(client.session.token, state.id, q.trim());
          setReply(r.ok ? r.data : null);
          setError(r.ok ? null : describeError(t, r.error));
        }}
      >
        <label htmlFor={id}>{t('discussion.search.label')}</label>
        <div className="chat-form">
          <input id={id} type="search" dir="auto" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} data-testid="discussion-search" />
          <button type="submit">{t('discussion.search.submit')}</button>
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {reply && (
        <div role="status">
          {reply.hits.length === 0 ? (
            <p className="muted">{t('discussion.search.none')}</p>
          ) : (
            <ul className="search-hits" data-testid="search-hits">
              {reply.hits.map((h, i) => (
                <li key={i} data-testid="search-hit">
                  <span className="muted" dir="auto">
                    {h.kind === 'answer' ? t('discussion.search.inAnswer', { group: h.groupName, text: h.question ?? '' }) : t('discussion.search.inChat', { group: h.groupName, name: h.author ?? '' })}
                  </span>
                  <p className="chat-text" dir="auto">
                    {h.excerpt}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {reply.more && <p className="muted">{t('discussion.search.more', { count: reply.hits.length })}</p>}
        </div>
      )}
    </div>
  );
}
