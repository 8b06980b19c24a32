import { useEffect, useState } from 'react';
import { useWorkshopClient } from '../../realtime/WorkshopContext';

/** The server's clock, re-read every `everyMs` while `active` (a running timer ticks; an idle screen does not). */
export function useServerClock(active: boolean, everyMs = 250): number {
  const client = useWorkshopClient();
  const [now, setNow] = useState(() => client.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(client.now()), everyMs);
    return () => clearInterval(id);
  }, [active, everyMs, client]);
  return active ? now : client.now();
}

/** "4:05", "1:02:03". */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
