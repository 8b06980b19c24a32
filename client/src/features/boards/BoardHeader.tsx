import { Link } from 'wouter';
import type { Board } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import type { DocView } from '../../realtime/DocConnection';
import type { Peer } from './BoardSession';

/** The board's bar: back, title, whether everything is saved, its state and who else is here. */
export function BoardHeader({ board, home, doc, waiting, peers }: { board: Board; home: string; doc: DocView; waiting: number; peers: Peer[] }) {
  const t = useT();
  const offline = doc.status !== 'connected';
  return (
    <header className="board-bar">
      <Link href={home} className="board-back">
        {t('board.back')}
      </Link>
      <h1 dir="auto" className="board-title">
        {board.title}
      </h1>
      <span className="board-status" role="status" aria-live="polite" data-testid="board-status" data-offline={offline} data-waiting={waiting}>
        {offline ? t('board.status.offline', { count: waiting }) : !doc.synced ? t('board.status.syncing') : doc.saved ? t('board.status.saved') : t('board.status.saving')}
      </span>
      {board.locked && <span className="badge">{t('board.lockedBadge')}</span>}
      {board.private && <span className="badge">{t('board.privateBadge')}</span>}
      {board.vote?.status === 'open' && <span className="badge">{t('board.vote.openBadge')}</span>}
      <span className="board-peers" aria-label={t('board.peers', { count: peers.length })}>
        {peers.slice(0, 8).map((p) => (
          <span key={p.clientId} className="board-peer" style={{ background: p.color }} title={p.name} dir="auto">
            {initials(p.name)}
          </span>
        ))}
      </span>
    </header>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0])
    .join('')
    .toLocaleUpperCase();
}
