import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocConnection, DocView } from './DocConnection';

/**
 * Yjs and its websocket provider load when a first document opens, not with the page:
 * joining and voting on a slow network does not wait for the notes' editor code.
 */
const loadDocConnection = () => import('./DocConnection').then((m) => m.DocConnection);

const idle: DocView = { status: 'connecting', synced: false, readOnly: false, saved: true, waiting: 0, closed: null, refused: null };
const noop = () => () => undefined;

/** Opens a collaborative document while mounted; null until it exists. */
export function useDoc(name: string, token: string, canWrite: boolean): { conn: DocConnection | null; view: DocView } {
  const [conn, setConn] = useState<DocConnection | null>(null);
  useEffect(() => {
    let live = true;
    let c: DocConnection | null = null;
    // The connection is an external resource made here and torn down below; render it once it exists.
    void loadDocConnection().then((Connection) => {
      if (!live) return;
      c = new Connection(name, token);
      setConn(c);
    });
    return () => {
      live = false;
      c?.destroy();
      setConn(null);
    };
  }, [name, token]);
  useEffect(() => conn?.setWritable(canWrite), [conn, canWrite]);
  const view = useSyncExternalStore(conn ? conn.view.subscribe : noop, conn ? conn.view.getSnapshot : () => idle);
  return { conn, view };
}
