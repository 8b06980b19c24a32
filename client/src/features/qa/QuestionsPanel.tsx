import { useId, useState, type FormEvent } from 'react';
import type { CommandAck, Question, QuestionIdentity, Result, WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { MergeForm } from '../../ui/MergeForm';

/** Who asked, as the room may see it. */
function askerLabel(q: Question, state: WorkshopState, locale: string, anonymous: string): string {
  if (q.identity === 'named') return state.participants[q.asker]?.name ?? anonymous;
  if (q.identity === 'country' && q.affiliation) {
    const org = state.definition.organisations.find((o) => o.id === q.affiliation);
    return org ? org.short : countryName(q.affiliation, locale);
  }
  return anonymous;
}

/**
 * Questions: ask (named, by country, or anonymously, as allowed), upvote, sort
 * by votes or time. Facilitators moderate in the same list.
 */
export function QuestionsPanel() {
  const t = useT();
  const { locale } = useLocale();
  const view = useWorkshopView();
  const state = view.state!;
  const me = state.participants[view.me];
  const isFacilitator = me?.role === 'facilitator';
  const canAsk = me?.role === 'participant' || isFacilitator;
  const [sort, setSort] = useState<'votes' | 'time'>('votes');
  const [message, setMessage] = useState<string | null>(null);
  const sortId = useId();

  const all = state.qa.order.map((id) => state.qa.byId[id]!).filter((q) => q && !q.mergedInto);
  const pending = all.filter((q) => q.status === 'pending');
  const listed = all
    .filter((q) => q.status === 'visible' || q.status === 'answered' || (q.status === 'pending' && !isFacilitator))
    .sort((a, b) => (sort === 'votes' ? b.votes - a.votes || b.at - a.at : b.at - a.at));

  const act = (p: Promise<Result<CommandAck>>) => {
    void p.then((r) => setMessage(r.ok ? null : describeError(t, r.error)));
  };

  return (
    <section className="card questions" id="questions" aria-labelledby="questions-title" tabIndex={-1}>
      <div className="card-head">
        <h2 id="questions-title">{t('qa.title')}</h2>
        <span>
          <label htmlFor={sortId} className="visually-hidden">
            {t('qa.sort.label')}
          </label>
          <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as 'votes' | 'time')}>
            <option value="votes">{t('qa.sort.votes')}</option>
            <option value="time">{t('qa.sort.time')}</option>
          </select>
        </span>
      </div>
      {canAsk && <AskForm onMessage={setMessage} />}
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      {isFacilitator && pending.length > 0 && (
        <>
          <h3>{t('qa.mod.queue')}</h3>
          <ul className="question-list" data-testid="pending-questions">
            {pending.map((q) => (
              <QuestionItem key={q.id} q={q} asker={askerLabel(q, state, locale, t('qa.by.anonymous'))} onAct={act} />
            ))}
          </ul>
        </>
      )}
      {listed.length === 0 ? (
        <p className="muted">{t('qa.none')}</p>
      ) : (
        <ul className="question-list" data-testid="questions">
          {listed.map((q) => (
            <QuestionItem key={q.id} q={q} asker={askerLabel(q, state, locale, t('qa.by.anonymous'))} onAct={act} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AskForm({ onMessage }: { onMessage: (m: string | null) => void }) {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const settings = view.state!.qa.settings;
  const me = view.state!.participants[view.me]!;
  const ids = { text: useId(), as: useId() };
  const [text, setText] = useState('');
  const allowed = settings.identities.filter((i) => i !== 'country' || me.affiliation.kind !== 'none');
  const [identity, setIdentity] = useState<QuestionIdentity>(allowed[0] ?? 'named');
  const [sent, setSent] = useState<string | null>(null);
  if (!settings.open) return <p className="muted">{t('qa.ask.closed')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      onMessage(t('qa.ask.empty'));
      return;
    }
    const r = await client.send('qa:ask', { text: text.trim(), identity: allowed.includes(identity) ? identity : allowed[0]! });
    if (!r.ok) {
      onMessage(describeError(t, r.error));
      return;
    }
    onMessage(null);
    setText('');
    setSent(settings.moderation === 'pre' && me.role !== 'facilitator' ? t('qa.ask.sentPending') : t('qa.ask.sent'));
  };

  return (
    <form className="ask-form" onSubmit={submit}>
      <label htmlFor={ids.text}>{t('qa.ask.label')}</label>
      <textarea id={ids.text} rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('qa.ask.placeholder')} dir="auto" />
      {allowed.length > 1 && (
        <div className="inline-form">
          <label htmlFor={ids.as}>{t('qa.ask.as')}</label>
          <select id={ids.as} value={identity} onChange={(e) => setIdentity(e.target.value as QuestionIdentity)}>
            {allowed.map((i) => (
              <option key={i} value={i}>
                {t(`qa.ask.${i}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="primary">
        {t('qa.ask.submit')}
      </button>
      {sent && (
        <p className="muted" role="status">
          {sent}
        </p>
      )}
    </form>
  );
}

function QuestionItem({ q, asker, onAct }: { q: Question; asker: string; onAct: (p: Promise<Result<CommandAck>>) => void }) {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const me = state.participants[view.me];
  const isFacilitator = me?.role === 'facilitator';
  const canVote = (me?.role === 'participant' || isFacilitator) && q.status !== 'pending';
  const voted = q.voters.includes(view.me);
  const mine = q.asker === view.me;
  const onProjector = state.run.projector.kind === 'question' && state.run.projector.questionId === q.id;
  const [merging, setMerging] = useState(false);
  const others = state.qa.order.map((id) => state.qa.byId[id]!).filter((o) => o && o.id !== q.id && !o.mergedInto && o.status !== 'hidden');
  return (
    <li className={`question status-${q.status}`} data-testid="question">
      <div className="question-body">
        <p className="question-text" dir="auto">
          {q.text}
        </p>
        <p className="muted question-meta">
          <span dir="auto">{asker}</span>
          {mine && <span className="tag">{t('qa.mine')}</span>}
          {q.status === 'pending' && <span className="tag">{t('qa.status.pending')}</span>}
          {q.status === 'answered' && <span className="tag tag-ok">{t('qa.status.answered')}</span>}
          {onProjector && <span className="tag">{t('qa.mod.onProjector')}</span>}
        </p>
        {isFacilitator && (
          <div className="row tight">
            {q.status === 'pending' && (
              <button type="button" className="small primary" onClick={() => onAct(client.send('qa:approve', { questionId: q.id }))}>
                {t('qa.mod.approve')}
              </button>
            )}
            {q.status === 'visible' && (
              <button type="button" className="small" onClick={() => onAct(client.send('qa:answer', { questionId: q.id }))}>
                {t('qa.mod.answered')}
              </button>
            )}
            {q.status !== 'pending' && !onProjector && (
              <button type="button" className="small" onClick={() => onAct(client.send('projector:show', { view: { kind: 'question', questionId: q.id } }))}>
                {t('qa.mod.project')}
              </button>
            )}
            <button type="button" className="small danger" onClick={() => onAct(client.send('qa:hide', { questionId: q.id }))}>
              {t('qa.mod.hide')}
            </button>
            {others.length > 0 && (
              <button type="button" className="small" aria-expanded={merging} onClick={() => setMerging(!merging)}>
                {t('qa.mod.merge')}
              </button>
            )}
          </div>
        )}
        {merging && (
          <MergeForm
            label={t('qa.mod.mergeLabel', { text: q.text.slice(0, 40) })}
            submit={t('qa.mod.mergeSubmit')}
            targets={others}
            onMerge={(into) => onAct(client.send('qa:merge', { questionId: q.id, intoId: into }))}
            onClose={() => setMerging(false)}
          />
        )}
      </div>
      <button
        type="button"
        className={`vote${voted ? ' voted' : ''}`}
        aria-pressed={voted}
        disabled={!canVote}
        onClick={() => onAct(client.send(voted ? 'qa:unvote' : 'qa:upvote', { questionId: q.id }))}
        data-testid="upvote"
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="votes">{q.votes}</span>
        <span className="visually-hidden">{voted ? t('qa.unvote', { text: q.text }) : t('qa.upvote', { text: q.text })}</span>
      </button>
    </li>
  );
}

/** Q&A settings for facilitators: open or closed, moderation, how askers may appear. */
export function QaSettingsPanel() {
  const t = useT();
  const client = useWorkshopClient();
  const settings = useWorkshopView().state!.qa.settings;
  const ids = { open: useId(), mod: useId() };
  const [error, setError] = useState<string | null>(null);
  const update = async (patch: Partial<typeof settings>) => {
    const r = await client.send('qa:configure', { settings: patch });
    setError(r.ok ? null : describeError(t, r.error));
  };
  const identities: QuestionIdentity[] = ['named', 'country', 'anonymous'];
  return (
    <section className="card" aria-labelledby="qa-settings-title">
      <h2 id="qa-settings-title">{t('qa.settings.title')}</h2>
      <div className="toggle">
        <input id={ids.open} type="checkbox" checked={settings.open} onChange={(e) => void update({ open: e.target.checked })} />
        <label htmlFor={ids.open}>{t('qa.settings.open')}</label>
      </div>
      <div className="toggle">
        <input id={ids.mod} type="checkbox" checked={settings.moderation === 'pre'} onChange={(e) => void update({ moderation: e.target.checked ? 'pre' : 'post' })} />
        <label htmlFor={ids.mod}>{t('qa.settings.moderation')}</label>
      </div>
      <fieldset>
        <legend>{t('qa.settings.identities')}</legend>
        {identities.map((i) => (
          <label key={i} className="choice">
            <input
              type="checkbox"
              checked={settings.identities.includes(i)}
              onChange={(e) => {
                const next = e.target.checked ? [...settings.identities, i] : settings.identities.filter((x) => x !== i);
                if (next.length > 0) void update({ identities: next });
              }}
            />
            {t(`qa.ask.${i}`)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** A question on the projector: large, with its upvotes. */
export function ProjectorQuestion({ questionId }: { questionId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const state = useWorkshopView().state!;
  const q = state.qa.byId[questionId];
  if (!q) return null;
  return (
    <div className="projector-question" data-testid="projector-question">
      <p className="eyebrow">{t('qa.title')}</p>
      <p className="projector-now" dir="auto">
        {q.text}
      </p>
      <p className="projector-time">
        <span dir="auto">{askerLabel(q, state, locale, t('qa.by.anonymous'))}</span> · {t('qa.projector.votes', { count: q.votes })}
      </p>
    </div>
  );
}
