import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { StoredSession } from '@plenary/shared';
import { WorkshopClient, type WorkshopView } from './WorkshopClient';

const Context = createContext<WorkshopClient | null>(null);

/** Runs the control-plane client of a session while mounted, and provides it. */
export function WorkshopSession({ session, children }: { session: StoredSession; children: ReactNode }) {
  const [client] = useState(() => new WorkshopClient(session));
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return <Context.Provider value={client}>{children}</Context.Provider>;
}

export function useWorkshopClient(): WorkshopClient {
  const client = useContext(Context);
  if (!client) throw new Error('useWorkshopClient outside <WorkshopSession>');
  return client;
}

/** The workshop as this participant sees it, live. */
export function useWorkshopView(): WorkshopView {
  const client = useWorkshopClient();
  return useSyncExternalStore(client.view.subscribe, client.view.getSnapshot);
}
