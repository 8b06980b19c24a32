import { useLocation, useRoute } from 'wouter';
import { AppPath, OutcomeLimits, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { startInputDraft } from './inputDraft';

/**
 * "Turn into a workplan input": for a note or card on a board (the board's
 * item panel shows it). Takes the text to the outcomes form on the workshop's
 * home, with the note kept as the input's source.
 */
export function TurnIntoInput({ state, itemId, text }: { state: WorkshopState; itemId: string; text: string }) {
  const t = useT();
  const [, params] = useRoute<{ id: string; boardId: string }>('/w/:id/boards/:boardId');
  const [, navigate] = useLocation();
  const role = state.participants[useWorkshopView().me]?.role;
  const board = params ? state.boards.byId[params.boardId] : undefined;
  // Observers and the projector propose nothing.
  if (!params || !board || !text.trim() || (role !== 'participant' && role !== 'facilitator')) return null;
  return (
    <button
      type="button"
      className="small"
      data-testid="turn-into-input"
      onClick={() => {
        startInputDraft(state.id, {
          source: { kind: 'boardItem', boardId: board.id, itemId, quote: text.trim().slice(0, OutcomeLimits.quoteLength) },
          action: text.trim().slice(0, OutcomeLimits.actionLength),
          from: board.title,
        });
        navigate(`${AppPath.workshop(state.id)}#outcomes`);
      }}
    >
      {t('outcomes.fromBoard.button')}
    </button>
  );
}
