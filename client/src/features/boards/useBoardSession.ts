import { useSyncExternalStore } from 'react';
import type { DocView } from '../../realtime/DocConnection';
import { Leases, useLease } from '../../realtime/leases';
import { BoardSession, type BoardSnapshot, type Peer, type RemoteSelections } from './BoardSession';

const emptySnapshot: BoardSnapshot = { items: new Map(), version: 0, canUndo: false, canRedo: false };
const idleDoc: DocView = { status: 'connecting', synced: false, readOnly: false, saved: true, waiting: 0, closed: null, refused: null };
const noPeers: Peer[] = [];
const noSelections: RemoteSelections = new Map();
const noop = () => () => undefined;

/** The boards open on this page: one session per board and person, shared by whoever shows it. */
const sessions = new Leases<BoardSession>();

/**
 * Opens a board while mounted: its session, the items, others' presence and
 * the connection's state. The name only labels the cursor: a rename does not
 * reopen the board.
 */
export function useBoardSession(workshopId: string, boardId: string, token: string, me: { id: string; name: string }) {
  const session = useLease(sessions, `${workshopId}/${boardId}/${me.id}/${token}`, () => new BoardSession(workshopId, boardId, token, me));
  const snapshot = useSyncExternalStore(session ? session.view.subscribe : noop, session ? session.view.getSnapshot : () => emptySnapshot);
  const peers = useSyncExternalStore(session ? session.peers.subscribe : noop, session ? session.peers.getSnapshot : () => noPeers);
  const selections = useSyncExternalStore(session ? session.selections.subscribe : noop, session ? session.selections.getSnapshot : () => noSelections);
  const doc = useSyncExternalStore(session ? session.main.view.subscribe : noop, session ? session.main.view.getSnapshot : () => idleDoc);
  return { session, snapshot, peers, selections, doc };
}
