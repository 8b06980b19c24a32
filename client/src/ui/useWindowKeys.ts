import { useEffect, useRef } from 'react';

/**
 * Calls the latest `onKeyDown` for every key pressed anywhere on the page
 * (the page's single-key shortcuts), while the component is mounted.
 */
export function useWindowKeys(onKeyDown: (e: KeyboardEvent) => void): void {
  const latest = useRef(onKeyDown);
  useEffect(() => {
    latest.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
