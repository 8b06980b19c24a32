/** The workshop this browser was last in, to offer a way back from the front page. */
const storageKey = 'plenary.lastWorkshop';

export interface LastWorkshop {
  workshopId: string;
  title: string;
}

export function lastWorkshop(): LastWorkshop | null {
  try {
    const v = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as LastWorkshop | null;
    return v && typeof v.workshopId === 'string' && typeof v.title === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function rememberWorkshop(v: LastWorkshop): void {
  localStorage.setItem(storageKey, JSON.stringify(v));
}

export function forgetLastWorkshop(workshopId: string): void {
  if (lastWorkshop()?.workshopId === workshopId) localStorage.removeItem(storageKey);
}
