import { useId, useState } from 'react';
import { can, ErrorCode, inPollAudience, type Ballot, type Poll, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { BallotForm, sameBallot } from './BallotForm';
import { PollResultsView } from './PollResultsView';
import { useLateBallot, useMyBallot, usePollResults, usePolls, useVote } from './usePolls';

/** Participants who could vote in this poll (its audience) and are here now. */
export function votersPresent(state: WorkshopState, online: ReadonlySet<string>, poll?: Poll): number {
  return Object.values(state.participants).filter(
    (p) => !p.removed && p.role === 'participant' && online.has(p.id) && (!poll || inPollAudience(state, poll.audience, p.id)),
  ).length;
}

/**
 * The polls on a participant's (or observer's) home: open polls first, to
 * vote in, then the ones that closed, with their results where shown.
 */
export function ParticipantPolls() {
  const t = useT();
  const titleId = useId();
  const polls = usePolls().filter((p) => p.status !== 'draft');
  if (polls.length === 0) return null;
  const open = polls.filter((p) => p.status === 'open').sort((a, b) => (b.openedAt ?? 0) - (a.openedAt ?? 0));
  const closed = polls.filter((p) => p.status === 'closed').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return (
    <section className="card polls-home" id="polls" aria-labelledby={titleId} data-testid="polls">
      <h2 id={titleId}>{t('poll.home.title')}</h2>
      {open.map((p) => (
        <ParticipantPoll key={p.id} poll={p} />
      ))}
      {closed.length > 0 && (
        <div className="polls-earlier">
          {open.length > 0 && <h3>{t('poll.home.earlier')}</h3>}
          {closed.map((p) => (
            <ParticipantPoll key={p.id} poll={p} />
          ))}
        </div>
      )}
    </section>
  );
}

type Outcome = { kind: 'saved' } | { kind: 'error'; text: string } | null;

function ParticipantPoll({ poll }: { poll: Poll }) {
  const t = useT();
  const view = useWorkshopView();
  const state = view.state!;
  const me = state.participants[view.me];
  const mine = useMyBallot(poll);
  const push = usePollResults(poll.id);
  const vote = useVote();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sent, setSent] = useState<Ballot | null>(null);

  const actor = me ? { participantId: me.id, role: me.role } : null;
  const mayVote = can(state, actor, { kind: 'poll.vote', pollId: poll.id });
  const delegate = poll.settings.countBy === 'person' || me?.affiliation.kind === 'country';
  const current = push && push.round === poll.round ? push : null;

  const submit = async (ballot: Ballot) => {
    setBusy(true);
    setSent(ballot);
    const r = await vote(poll, ballot);
    setBusy(false);
    if (r.ok || r.error.code === ErrorCode.conflict) setOutcome(r.ok ? { kind: 'saved' } : null);
    else if (r.error.code === ErrorCode.notFound) setOutcome({ kind: 'error', text: t('poll.error.notFound') });
    else if (r.error.code === ErrorCode.forbidden) setOutcome({ kind: 'error', text: t('poll.error.forbidden') });
    else setOutcome({ kind: 'error', text: describeError(t, r.error, { [ErrorCode.internal]: 'poll.error.generic' }) });
  };

  // Kept in the store: when the poll closes it moves to "earlier polls" and this component is made anew.
  const late = useLateBallot(poll);
  const message =
    outcome?.kind === 'error' ? (
      <p className="field-error" role="alert">
        {outcome.text}
      </p>
    ) : late ? (
      <p className="banner error" role="alert" data-testid="poll-message">
        {t('poll.late')}
      </p>
    ) : mine && (sent === null || sameBallot(sent, mine)) ? (
      <p className="poll-saved" role="status" data-testid="poll-message">
        {t('poll.saved')}
      </p>
    ) : null;

  return (
    <article className="poll" aria-labelledby={headingId} data-testid="poll" data-poll-id={poll.id} data-status={poll.status}>
      <header className="poll-head">
        <h3 id={headingId} dir="auto">
          {poll.question}
        </h3>
        {poll.audience.kind === 'groups' && <span className="tag">{t('poll.audience.yourGroup')}</span>}
        <span className={`tag poll-status-${poll.status}`}>{t(`poll.status.${poll.status}`)}</span>
      </header>
      <p className="poll-counts muted" aria-live="polite" data-testid="poll-counts">
        {t('poll.ballots', { count: current?.ballots ?? Object.keys(poll.ballots).length })}
        {poll.status === 'open' && ` · ${t('poll.present', { count: votersPresent(state, view.online, poll) })}`}
      </p>
      {poll.status === 'open' && (
        <p className="poll-rules muted">
          {poll.settings.anonymous ? t('poll.rule.anonymous') : t('poll.rule.named')}
          {poll.settings.countBy === 'country' && ` ${t('poll.rule.perCountry')}`}
        </p>
      )}
      {poll.status === 'open' && mayVote && delegate && (
        <BallotForm poll={poll} saved={mine} busy={busy} onSubmit={(b) => void submit(b)} message={message} />
      )}
      {poll.status === 'open' && me?.role === 'observer' && <p className="muted">{t('poll.observer')}</p>}
      {poll.status === 'open' && mayVote && !delegate && <p className="muted">{t('poll.notDelegate')}</p>}
      {poll.status === 'closed' && (
        <p className={late ? 'banner error' : 'banner'} role={late ? 'alert' : 'status'} data-testid="poll-message">
          {late ? t('poll.late') : !mayVote ? t('poll.closed') : mine ? t('poll.closed.counted') : t('poll.closed.notVoted')}
        </p>
      )}
      <PollResultsSection poll={poll} />
    </article>
  );
}

/** The results of a poll as pushed to this viewer, or why they are not shown. */
export function PollResultsSection({ poll, size }: { poll: Poll; size?: 'normal' | 'large' }) {
  const t = useT();
  const state = useWorkshopView().state!;
  const push = usePollResults(poll.id);
  const current = push && push.round === poll.round ? push : null;
  if (!current) return size === 'large' ? <p className="poll-hidden">{t('poll.projector.noResultsYet')}</p> : null;
  if (current.hidden) {
    return (
      <p className="poll-hidden muted" data-testid="poll-hidden">
        {current.hidden === 'untilClose' ? t('poll.results.hidden.untilClose') : t('poll.results.hidden.facilitatorOnly')}
      </p>
    );
  }
  if (!current.results) return null;
  return <PollResultsView poll={poll} results={current.results} state={state} size={size} />;
}
