import type { WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { PollResultsSection, votersPresent } from './ParticipantPolls';
import { usePollResults } from './usePolls';

/**
 * A poll on the projector: the question in big type, whether it is open, the
 * live count of ballots and of people present, and the results chart as the
 * poll's setting and the facilitator allow. The join code and QR code stay
 * beside it (the projector page draws them).
 */
export function ProjectorPoll({ pollId, state }: { pollId: string; state: WorkshopState }) {
  const t = useT();
  const view = useWorkshopView();
  const poll = state.polls.byId[pollId];
  const push = usePollResults(pollId);
  if (!poll) return null;
  const ballots = push && push.round === poll.round ? push.ballots : 0;
  return (
    <div className="projector-poll" data-testid="projector-poll" data-status={poll.status}>
      <p className="eyebrow">
        {t(`poll.kind.${poll.spec.kind}`)} · {t(`poll.status.${poll.status}`)}
      </p>
      <p className="projector-question" dir="auto">
        {poll.question}
      </p>
      <p className="projector-poll-counts" data-testid="projector-poll-counts" aria-live="polite">
        {t('poll.ballots', { count: ballots })}
        {poll.status === 'open' && ` · ${t('poll.present', { count: votersPresent(state, view.online, poll) })}`}
      </p>
      <PollResultsSection poll={poll} size="large" />
    </div>
  );
}
