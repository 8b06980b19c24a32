import type { ActivityStep, WorkshopState } from '@plenary/shared';
import type { Translate } from '../../i18n/useT';

/** A board's title by its id: the workshop's, or a prepared one's in the definition. */
function boardTitle(state: WorkshopState, id: string): string {
  return state.boards.byId[id]?.title ?? Object.values(state.boards.byId).find((b) => b.source === id)?.title ?? state.definition.boards?.find((b) => b.id === id)?.title ?? id;
}

/** What a step does, in words, as its button in the run sheet says it ("Launch the poll “…”"). */
export function stepLabel(t: Translate, state: WorkshopState, s: ActivityStep): string {
  switch (s.kind) {
    case 'showBoard':
      return t('run.steps.showBoard', { title: s.board?.title ?? boardTitle(state, s.boardId ?? s.id) });
    case 'launchPoll': {
      if (s.poll) return t('run.steps.launchPoll', { title: s.poll.question });
      const id = s.pollId ?? s.id;
      const prepared = state.definition.polls?.find((p) => (p as { id?: string }).id === id) as { question?: string } | undefined;
      return t('run.steps.launchPoll', { title: state.polls.byId[id]?.question ?? prepared?.question ?? id });
    }
    case 'startRound':
      return t('run.steps.startRound', { title: s.plan?.title ?? (s.roundId ? (state.breakouts.byId[s.roundId]?.title ?? s.roundId) : '') });
    case 'startTimer':
      return t('run.steps.startTimer', { minutes: s.minutes });
    case 'openQa':
      return t(s.bring ? 'run.steps.openQaBring' : 'run.steps.openQa');
    case 'showMessage':
      return t('run.steps.showMessage', { text: s.text });
    case 'bringEveryone': {
      const place =
        s.place.kind === 'board' ? t('run.steps.placeBoard', { title: boardTitle(state, s.place.boardId) }) : s.place.kind === 'questions' ? t('run.bring.questions') : t('run.bring.home');
      return t('run.steps.bringEveryone', { place });
    }
  }
}
