import { useId, useState } from 'react';
import {
  activeRound,
  breakoutGroupName,
  normalizeWord,
  PollApiPath,
  type BallotRecord,
  type CommandAck,
  type Poll,
  type PollAudience,
  type PollDraft,
  type Result,
  type Round,
  type WorkshopState,
} from '@plenary/shared';
import { useLocale } from '../../i18n/useLocale';
import { useT, type Translate } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { PollEditor, newDraft } from './PollEditor';
import { PollResultsView } from './PollResultsView';
import { votersPresent } from './ParticipantPolls';
import { useLocalTally, usePollCommand, usePolls } from './usePolls';

type Editing = { kind: 'new' } | { kind: 'edit'; poll: Poll } | null;

/**
 * The facilitator's polls: prepare drafts (write, import from the workshop
 * plan, duplicate, reorder), launch them to the plenary or, while a breakout
 * round runs, to all its groups or one of them; close, reopen,
 * reset, put results on the projector, moderate open answers, export CSV.
 * Results here are computed from every ballot the console holds, so they are
 * exact at once; everyone else gets them pushed.
 */
export function PollsPanel() {
  const t = useT();
  const titleId = useId();
  const state = useWorkshopView().state!;
  const polls = usePolls();
  const command = usePollCommand();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const prepared = (state.definition.polls ?? []).filter((p) => !polls.some((q) => q.source === p.id));

  const report = (r: Result<CommandAck>) => {
    setError(r.ok ? null : describeError(t, r.error));
    return r.ok;
  };
  const save = async (draft: PollDraft) => {
    const r = editing?.kind === 'edit' ? await command('poll:update', { pollId: editing.poll.id, poll: draft }) : await command('poll:create', { poll: draft });
    if (report(r)) setEditing(null);
  };

  return (
    <section className="card polls-panel" aria-labelledby={titleId} data-testid="polls-panel">
      <div className="card-head">
        <h2 id={titleId}>{t('poll.panel.title')}</h2>
        <div className="row">
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'new' })} disabled={editing !== null}>
            {t('poll.panel.new')}
          </button>
          {prepared.length > 0 && (
            <button type="button" onClick={() => void command('poll:import', { preparedIds: prepared.map((p) => p.id) }).then(report)}>
              {t('poll.panel.import', { count: prepared.length })}
            </button>
          )}
        </div>
      </div>
      {editing && (
        <PollEditor
          key={editing.kind === 'edit' ? editing.poll.id : 'new'}
          initial={editing.kind === 'edit' ? { question: editing.poll.question, spec: editing.poll.spec, settings: editing.poll.settings } : newDraft(t)}
          editing={editing.kind === 'edit'}
          onSave={(d) => void save(d)}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
          error={error}
        />
      )}
      {error && !editing && (
        <p className="field-error" role="alert">
          {t('poll.panel.error', { message: error })}
        </p>
      )}
      {polls.length === 0 ? (
        <p className="muted">{t('poll.panel.empty')}</p>
      ) : (
        <ol className="poll-list" aria-label={t('poll.panel.list')}>
          {polls.map((p, i) => (
            <PollItem key={p.id} poll={p} index={i} last={i === polls.length - 1} onEdit={() => setEditing({ kind: 'edit', poll: p })} report={report} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PollItem({
  poll,
  index,
  last,
  onEdit,
  report,
}: {
  poll: Poll;
  index: number;
  last: boolean;
  onEdit: () => void;
  report: (r: Result<CommandAck>) => boolean;
}) {
  const t = useT();
  const view = useWorkshopView();
  const state = view.state!;
  const client = useWorkshopClient();
  const command = usePollCommand();
  const headingId = useId();
  const visibilityId = useId();
  const [showResults, setShowResults] = useState(true);
  const { locale } = useLocale();
  const audienceId = useId();
  const round = activeRound(state.breakouts);
  const [choice, setChoice] = useState(() => choiceOf(poll.audience));
  const audience = audienceFor(choice, round);
  const ballots = Object.keys(poll.ballots).length;
  const onProjector = state.run.projector.kind === 'poll' && state.run.projector.pollId === poll.id;
  const run = (p: Promise<Result<CommandAck>>) => void p.then(report);

  const exportCsv = async (which: 'results' | 'ballots') => {
    const path = which === 'results' ? PollApiPath.resultsCsv(state.id, poll.id) : PollApiPath.ballotsCsv(state.id, poll.id);
    try {
      const res = await fetch(path, { headers: { authorization: `Bearer ${client.session.token}` } });
      if (!res.ok) {
        const body = (await res.json()) as Result<never>;
        report(body.ok ? { ok: false, error: { code: 'internal', message: `HTTP ${res.status}` } } : body);
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `poll-${poll.id}-${which}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      report({ ok: false, error: { code: 'internal', message: t('error.offline') } });
    }
  };

  return (
    <li className={`poll-item poll-${poll.status}`} aria-labelledby={headingId} data-testid="console-poll" data-poll-id={poll.id} data-status={poll.status}>
      <div className="poll-head">
        <h3 id={headingId} dir="auto">
          {poll.question}
        </h3>
        <span className={`tag poll-status-${poll.status}`}>{t(`poll.status.${poll.status}`)}</span>
      </div>
      <p className="muted poll-meta">
        {t(`poll.kind.${poll.spec.kind}`)} · {poll.settings.anonymous ? t('poll.settings.anonymous') : t('poll.settings.named')} ·{' '}
        {t(`poll.results.${poll.settings.results}`)}
        {poll.settings.countBy === 'country' && ` · ${t('poll.countBy.country')}`}
        {poll.status !== 'draft' && poll.audience.kind === 'groups' && ` · ${audienceText(poll.audience, state, locale, t)}`}
      </p>
      {poll.status !== 'draft' && (
        <p className="poll-counts" data-testid="console-poll-counts" aria-live="polite">
          {t('poll.ballots', { count: ballots })}
          {poll.status === 'open' && ` · ${t('poll.present', { count: votersPresent(state, view.online, poll) })}`}
        </p>
      )}
      <div className="row poll-actions">
        {poll.status !== 'open' && round && (
          <>
            <label htmlFor={audienceId} className="inline-label">
              {t('poll.editor.audience')}
            </label>
            <select id={audienceId} value={audienceChoiceValue(choice, round)} onChange={(e) => setChoice(e.target.value)} data-testid="poll-audience">
              <option value="plenary">{t('poll.audience.plenary')}</option>
              <option value="all">{t('poll.audience.allGroups')}</option>
              {round.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </>
        )}
        {poll.status === 'draft' && (
          <>
            <button type="button" className="primary" onClick={() => run(command('poll:open', { pollId: poll.id, audience }))}>
              {t('poll.action.launch')}
            </button>
            <button type="button" onClick={onEdit}>
              {t('poll.action.edit')}
            </button>
          </>
        )}
        {poll.status === 'open' && (
          <button type="button" className="primary" onClick={() => run(command('poll:close', { pollId: poll.id }))}>
            {t('poll.action.close')}
          </button>
        )}
        {poll.status === 'closed' && (
          <button
            type="button"
            onClick={() => run(command('poll:open', { pollId: poll.id, audience }))}
            aria-describedby={poll.audience.kind === 'groups' && !round ? `${audienceId}-reopen` : undefined}
          >
            {t('poll.action.reopen')}
          </button>
        )}
        {poll.status === 'closed' && poll.audience.kind === 'groups' && !round && (
          <span className="hint" id={`${audienceId}-reopen`}>
            {t('poll.audience.reopenToEveryone')}
          </span>
        )}
        {poll.status !== 'draft' && (
          <button
            type="button"
            aria-pressed={onProjector}
            onClick={() => run(client.send('projector:show', { view: onProjector ? { kind: 'agenda' } : { kind: 'poll', pollId: poll.id } }))}
          >
            {onProjector ? t('poll.action.onProjector') : t('poll.action.project')}
          </button>
        )}
        {poll.status !== 'draft' && (
          <button
            type="button"
            className="danger"
            disabled={ballots === 0}
            onClick={() => {
              if (window.confirm(t('poll.action.resetConfirm', { count: ballots, title: poll.question }))) run(command('poll:reset', { pollId: poll.id }));
            }}
          >
            {t('poll.action.reset')}
          </button>
        )}
        <button type="button" className="small" onClick={() => run(command('poll:duplicate', { pollId: poll.id }))}>
          {t('poll.action.duplicate')}
        </button>
        {poll.status !== 'open' && (
          <button
            type="button"
            className="small danger"
            onClick={() => {
              if (window.confirm(t('poll.action.deleteConfirm', { title: poll.question }))) run(command('poll:delete', { pollId: poll.id }));
            }}
          >
            {t('poll.action.delete')}
          </button>
        )}
        <button type="button" className="small" disabled={index === 0} onClick={() => run(command('poll:move', { pollId: poll.id, toIndex: index - 1 }))}>
          <span aria-hidden="true">▲ </span>
          {t('poll.action.up')}
        </button>
        <button type="button" className="small" disabled={last} onClick={() => run(command('poll:move', { pollId: poll.id, toIndex: index + 1 }))}>
          <span aria-hidden="true">▼ </span>
          {t('poll.action.down')}
        </button>
      </div>
      {poll.status !== 'draft' && (
        <>
          <div className="row poll-actions">
            <label htmlFor={visibilityId} className="inline-label">
              {t('poll.editor.results')}
            </label>
            <select
              id={visibilityId}
              value={poll.settings.results}
              onChange={(e) => run(command('poll:setResults', { pollId: poll.id, results: e.target.value as Poll['settings']['results'] }))}
            >
              <option value="live">{t('poll.results.live')}</option>
              <option value="afterClose">{t('poll.results.afterClose')}</option>
              <option value="facilitatorOnly">{t('poll.results.facilitatorOnly')}</option>
            </select>
            <button type="button" className="small" onClick={() => void exportCsv('results')}>
              {t('poll.action.exportResults')}
            </button>
            {!poll.settings.anonymous && (
              <button type="button" className="small" onClick={() => void exportCsv('ballots')}>
                {t('poll.action.exportBallots')}
              </button>
            )}
            <button type="button" className="small ghost" aria-expanded={showResults} onClick={() => setShowResults(!showResults)}>
              {showResults ? t('poll.action.hideResults') : t('poll.action.showResults')}
            </button>
          </div>
          {showResults && <ConsoleResults poll={poll} />}
          {poll.spec.kind === 'openText' && <Moderation poll={poll} report={report} />}
          {poll.spec.kind === 'wordCloud' && <HiddenWords poll={poll} report={report} />}
        </>
      )}
    </li>
  );
}

/** The launch control's choice: `plenary`, `all` groups, or a group's id. */
function choiceOf(audience: PollAudience): string {
  if (audience.kind === 'plenary') return 'plenary';
  if (audience.groupIds === 'all') return 'all';
  return audience.groupIds.length === 1 ? audience.groupIds[0]! : 'plenary';
}

/** The choice as the running round allows it (a group that is gone falls back to everyone). */
function audienceChoiceValue(choice: string, round: Round | null): string {
  if (!round || choice === 'plenary') return 'plenary';
  return choice === 'all' || round.groups.some((g) => g.id === choice) ? choice : 'plenary';
}

function audienceFor(choice: string, round: Round | null): PollAudience {
  const value = audienceChoiceValue(choice, round);
  if (!round || value === 'plenary') return { kind: 'plenary' };
  return { kind: 'groups', roundId: round.id, groupIds: value === 'all' ? 'all' : [value] };
}

/** Whom a poll put to groups is put to, in words. */
function audienceText(audience: Extract<PollAudience, { kind: 'groups' }>, state: WorkshopState, locale: string, t: Translate): string {
  if (audience.groupIds === 'all') return t('poll.audience.toAllGroups');
  const names = audience.groupIds.map((id) => breakoutGroupName(state, id) ?? id);
  return t('poll.audience.to', { group: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) });
}

function ConsoleResults({ poll }: { poll: Poll }) {
  const state = useWorkshopView().state!;
  const results = useLocalTally(poll);
  return <PollResultsView poll={poll} results={results} state={state} />;
}

/** Open answers: approve or hide each, newest first; a changed answer waits again. */
function Moderation({ poll, report }: { poll: Poll; report: (r: Result<CommandAck>) => boolean }) {
  const t = useT();
  const command = usePollCommand();
  const answers = Object.values(poll.ballots).sort((a, b) => b.seq - a.seq);
  const decide = (r: BallotRecord, decision: 'approved' | 'hidden') =>
    void command('poll:moderate', { pollId: poll.id, voter: r.voter, ballotSeq: r.seq, decision }).then(report);
  return (
    <div className="poll-moderation" data-testid="moderation">
      <h4>{t('poll.moderation.title')}</h4>
      {answers.length === 0 && <p className="muted">{t('poll.moderation.none')}</p>}
      <ul>
        {answers.map((r) => (
          <li key={r.voter} className={`moderation-${r.moderation ?? 'pending'}`}>
            <span className="answer-text" dir="auto">
              {r.ballot.kind === 'openText' ? r.ballot.text : ''}
            </span>
            <span className="tag">{t(`poll.moderation.state.${r.moderation ?? 'pending'}`)}</span>
            {r.moderation !== 'approved' && (
              <button type="button" className="small" onClick={() => decide(r, 'approved')}>
                {t('poll.moderation.approve')}
              </button>
            )}
            {r.moderation !== 'hidden' && (
              <button type="button" className="small danger" onClick={() => decide(r, 'hidden')}>
                {t('poll.moderation.hide')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Word clouds: hide a word (e.g. an offensive one) from everyone's results, or show it again. */
function HiddenWords({ poll, report }: { poll: Poll; report: (r: Result<CommandAck>) => boolean }) {
  const t = useT();
  const command = usePollCommand();
  const results = useLocalTally(poll);
  const words = results.overall.kind === 'words' ? results.overall.words.slice(0, 30) : [];
  const hide = (word: string, hidden: boolean) => void command('poll:hideWord', { pollId: poll.id, word, hidden }).then(report);
  if (words.length === 0 && poll.hiddenWords.length === 0) return null;
  return (
    <details className="poll-hidden-words">
      <summary>{t('poll.words.hidden')}</summary>
      <ul className="row">
        {words.map((w) => (
          <li key={w.word}>
            <button type="button" className="small ghost" onClick={() => hide(w.word, true)}>
              {t('poll.words.hide', { text: w.word })}
            </button>
          </li>
        ))}
        {poll.hiddenWords.map((w) => (
          <li key={`hidden-${w}`}>
            <button type="button" className="small" onClick={() => hide(normalizeWord(w), false)}>
              {t('poll.words.unhide', { text: w })}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
