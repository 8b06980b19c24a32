/**
 * Voting, one input per poll kind, made for phones: big touch targets, no
 * dragging (ranking moves with buttons), every control named for screen
 * readers. The form checks the ballot with the same rules as the server
 * (`ballotProblem`) and says what to fix in the voter's language. The input of
 * each poll kind is in `ballot/`, chosen by `BallotInput`.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ballotProblem, type Ballot, type BallotProblem, type Poll } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { BallotInput } from './ballot/BallotInput';
import { emptyBallot, sameBallot, toSend } from './ballot/ballotDraft';
import { problemText } from './ballot/problemText';

// ParticipantPolls compares the ballot it sent with the one the server has.
export { sameBallot } from './ballot/ballotDraft';

interface BallotFormProps {
  poll: Poll;
  /** The ballot the server has, if any. */
  saved: Ballot | null;
  busy: boolean;
  onSubmit: (ballot: Ballot) => void;
  /** What the server said, or a problem found here. */
  message: ReactNode;
}

/** The voting form of an open poll. */
export function BallotForm({ poll, saved, busy, onSubmit, message }: BallotFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<Ballot>(() => saved ?? emptyBallot(poll.spec));
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<BallotProblem | null>(null);
  const [basis, setBasis] = useState({ saved, round: poll.round });
  // A ballot that arrives from elsewhere (a reload, another device, a reset) replaces an untouched form.
  if (basis.saved !== saved || basis.round !== poll.round) {
    setBasis({ saved, round: poll.round });
    if (!touched || basis.round !== poll.round) {
      setDraft(saved ?? emptyBallot(poll.spec));
      setTouched(false);
    }
  }
  const change = (b: Ballot) => {
    setDraft(b);
    setTouched(true);
    setProblem(null);
  };
  const unchanged = sameBallot(draft, saved);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ballot = toSend(draft);
    const p: BallotProblem | null = ballot.kind === 'single' && ballot.option === '' ? { reason: 'noChoice' } : ballotProblem(poll.spec, ballot);
    setProblem(p);
    if (p) return;
    setTouched(false);
    onSubmit(ballot);
  };

  return (
    <form className="poll-form" onSubmit={submit} noValidate>
      <BallotInput spec={poll.spec} ballot={draft} onChange={change} />
      {problem && (
        <p className="field-error" role="alert">
          {problemText(problem, t)}
        </p>
      )}
      {message}
      {!(saved && unchanged) && (
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('poll.saving') : saved ? t('poll.changeVote') : t('poll.vote')}
        </button>
      )}
    </form>
  );
}
