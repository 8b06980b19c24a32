import { useEffect, useState, useSyncExternalStore } from 'react';
import { DocConnection, type DocView } from './DocConnection';

const idle: DocView = { status: 'connecting', synced: false, readOnly: false, saved: true, waiting: 0, closed: null, refused: null };
const noop = () => () => undefined;

/** Opens a collaborative document while mounted; null until it exists. */
export function useDoc(name: string, token: string, canWrite: boolean): { conn: DocConnection | null; view: DocView } {
  const [conn, setConn] = useState<DocConnection | null>(null);
  useEffect(() => {
    const c = new DocConnection(name, token);
    // The connection is an external resource made here and torn down below; render it once it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConn(c);
    return () => {
      c.destroy();
      setConn(null);
    };
  }, [name, token]);
  useEffect(() => conn?.setWritable(canWrite), [conn, canWrite]);
  const view = useSyncExternalStore(conn ? conn.view.subscribe : noop, conn ? conn.view.getSnapshot : () => idle);
  return { conn, view };
}
