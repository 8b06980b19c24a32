/**
 * On a breakout group's board, a facilitator copies chosen items into a
 * plenary board (an existing one, or a new one), the group kept as their
 * source. The copies are written by the target board's page once it opens,
 * through the same checked path as any edit.
 */
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { pickForCopy, type Board, type BoardItem, type GroupSource, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient } from '../../realtime/WorkshopContext';
import { boardPath } from './paths';
import { setPendingCopy } from './pendingImport';

const NEW = '';

/** The group whose board this is, or null for a plenary board. */
export function groupOfBoard(state: WorkshopState, board: Board): GroupSource | null {
  if (board.scope.kind !== 'group') return null;
  const { roundId, groupId } = board.scope;
  const group = state.breakouts.byId[roundId]?.groups.find((g) => g.id === groupId);
  return { id: groupId, name: group?.name ?? board.title };
}

export function CopyToPlenary({ state, group, items, selection, me }: { state: WorkshopState; group: GroupSource; items: ReadonlyMap<string, BoardItem>; selection: readonly string[]; me: string }) {
  const t = useT();
  const client = useWorkshopClient();
  const [, navigate] = useLocation();
  const id = useId();
  const plenary = state.boards.order.map((b) => state.boards.byId[b]!).filter((b) => b.scope.kind === 'plenary');
  const [target, setTarget] = useState<string>(plenary[0]?.id ?? NEW);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = pickForCopy(items.values(), selection);

  const copy = async () => {
    if (chosen.length === 0) {
      setError(t('board.copy.none'));
      return;
    }
    setBusy(true);
    setError(null);
    let boardId: string | null = target === NEW ? null : target;
    if (boardId === null) {
      const before = new Set(state.boards.order);
      const r = await client.send('board:create', { title: t('board.copy.newTitle'), template: 'blank' });
      if (!r.ok) {
        setBusy(false);
        setError(describeError(t, r.error));
        return;
      }
      for (let i = 0; i < 100 && boardId === null; i++) {
        const s = client.view.getSnapshot().state;
        boardId = s?.boards.order.find((b) => !before.has(b) && s.boards.byId[b]?.createdBy === me) ?? null;
        if (boardId === null) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (boardId === null) {
        setBusy(false);
        setError(t('board.copy.failed'));
        return;
      }
    }
    setPendingCopy(boardId, { items: chosen, group });
    navigate(boardPath(state.id, boardId));
  };

  return (
    <div className="stack board-copy" data-testid="copy-to-plenary">
      <h3>{t('board.copy.title')}</h3>
      <p className="muted">{t('board.copy.hint', { count: chosen.length, group: group.name })}</p>
      <label htmlFor={id}>{t('board.copy.target')}</label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        {plenary.map((b) => (
          <option key={b.id} value={b.id}>
            {b.title}
          </option>
        ))}
        <option value={NEW}>{t('board.copy.new')}</option>
      </select>
      <button type="button" className="primary" onClick={() => void copy()} disabled={busy}>
        {t('board.copy.go', { count: chosen.length })}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
