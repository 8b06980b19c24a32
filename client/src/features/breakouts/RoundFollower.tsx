import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { activeRound, AppPath } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';

/**
 * The round this page came to follow. Going to the workshop's page mounts a
 * new frame (and a new follower): the notice is shown by the one that arrives.
 */
let arrivedFor: string | null = null;

/**
 * A breakout round that starts takes each participant in it to their group's
 * room (on the workshop's page, at the top), from wherever they are — a board,
 * the questions — once; after that they may move freely. A round that was
 * already running when this screen opened is not a new call to follow.
 */
export function RoundFollower() {
  const t = useT();
  const view = useWorkshopView();
  const [location, navigate] = useLocation();
  const state = view.state;
  const round = state ? activeRound(state.breakouts) : null;
  const role = state?.participants[view.me]?.role;
  const mine = round !== null && (round.members[view.me] !== undefined || round.method === 'topic');
  const workshopId = state?.id ?? '';
  const key = `plenary.round.${workshopId}`;
  const seen = useRef<string | null>(sessionStorage.getItem(key) ?? round?.id ?? null);
  const [notice, setNotice] = useState(() => round !== null && arrivedFor === round.id);

  useEffect(() => {
    if (round && arrivedFor === round.id) arrivedFor = null;
    if (!round || round.status !== 'running' || role !== 'participant' || !mine || seen.current === round.id) return;
    seen.current = round.id;
    sessionStorage.setItem(key, round.id);
    const home = AppPath.workshop(workshopId);
    // From another page, the workshop's page mounts anew and its follower shows the notice.
    if (location !== home) arrivedFor = round.id;
    navigate(home);
    requestAnimationFrame(() => window.scrollTo({ top: 0 }));
    setNotice(true);
  }, [round, role, mine, key, workshopId, navigate, location]);

  useEffect(() => {
    if (!notice) return;
    const id = setTimeout(() => setNotice(false), 6000);
    return () => clearTimeout(id);
  }, [notice]);

  if (!notice) return null;
  return (
    <p className="banner attention-notice" role="status" data-testid="round-arrived">
      {t('run.round.arrived')}
    </p>
  );
}
