import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { localizeState, type StoredSession } from '@plenary/shared';
import { useLocale } from '../i18n/useLocale';
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

/**
 * The workshop as this participant sees it, live, with its prepared texts
 * (agenda, polls, guiding questions, steps) in their interface language; a
 * projector shows them in the workshop's language. Facilitators read the texts
 * as authored, which is what they edit (shared/src/domain/workshop/preparedText.ts).
 */
export function useWorkshopView(): WorkshopView {
  const client = useWorkshopClient();
  const view = useSyncExternalStore(client.view.subscribe, client.view.getSnapshot);
  const { locale } = useLocale();
  return useMemo(() => {
    // The role in the state: someone made a co-facilitator keeps their participant session.
    const role = view.state?.participants[view.me]?.role ?? client.session.role;
    if (!view.state || role === 'facilitator') return view;
    const language = role === 'projector' ? view.state.settings.defaultLanguage : locale;
    const state = localizeState(view.state, language);
    return state === view.state ? view : { ...view, state };
  }, [view, locale, client]);
}
