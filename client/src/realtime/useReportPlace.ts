import { useEffect } from 'react';
import type { Place } from '@plenary/shared';
import { useWorkshopClient } from './WorkshopContext';

/** Tells the server which screen this is, so facilitators see where people are. */
export function useReportPlace(place: Place): void {
  const client = useWorkshopClient();
  const key = JSON.stringify(place);
  useEffect(() => {
    client.setPlace(JSON.parse(key) as Place);
  }, [client, key]);
}
