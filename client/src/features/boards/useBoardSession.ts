import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocView } from '../../realtime/DocConnection';
import { BoardSession, type BoardSnapshot, type Peer } from './BoardSession';

const emptySnapshot: BoardSnapshot = { items: new Map(), version: 0, canUndo: false, canRedo: false };
const idleDoc: DocView = { status: 'connecting', synced: false, readOnly: false, saved: true, waiting: 0, closed: null, refused: null };
const noPeers: Peer[] = [];
const noop = () => () => undefined;

/** Opens a board while mounted: its session, the items, others' presence and the connection's state. */
export function useBoardSession(workshopId: string, boardId: string, token: string, me: { id: string; name: string }) {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    const s = new BoardSession(workshopId, boardId, token, me);
    // The session is an external resource made here and torn down below; render it once it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(s);
    return () => {
      s.destroy();
      setSession(null);
    };
    // The name only labels the cursor; a rename does not reopen the board.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workshopId, boardId, token, me.id]);
  const snapshot = useSyncExternalStore(session ? session.view.subscribe : noop, session ? session.view.getSnapshot : () => emptySnapshot);
  const peers = useSyncExternalStore(session ? session.peers.subscribe : noop, session ? session.peers.getSnapshot : () => noPeers);
  const doc = useSyncExternalStore(session ? session.main.view.subscribe : noop, session ? session.main.view.getSnapshot : () => idleDoc);
  return { session, snapshot, peers, doc };
}
