/**
 * A board, full screen (BoardWorkspace), or a clear word when it does not
 * exist (any more) for this person.
 */
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { Link } from 'wouter';
import { AppPath } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { WorkshopLayout } from '../workshop/WorkshopLayout';
import { BoardWorkspace } from './BoardWorkspace';
import { useFollowSummons } from './useFollowSummons';

export function BoardPage({ boardId }: { boardId: string }) {
  return (
    <ReactFlowProvider>
      <BoardScreen boardId={boardId} />
    </ReactFlowProvider>
  );
}

function BoardScreen({ boardId }: { boardId: string }) {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const board = state.boards.byId[boardId];
  const me = state.participants[view.me];
  useFollowSummons(boardId);
  if (!board || !me) {
    return (
      <WorkshopLayout>
        <section className="card narrow">
          <h1>{t('board.missing')}</h1>
          <p>
            <Link href={AppPath.workshop(state.id)}>{t('board.back')}</Link>
          </p>
        </section>
      </WorkshopLayout>
    );
  }
  return <BoardWorkspace key={boardId} state={state} boardId={boardId} token={client.session.token} me={{ id: me.id, name: me.name }} />;
}
