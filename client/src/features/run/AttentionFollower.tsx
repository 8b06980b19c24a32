import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { AppPath } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';

/**
 * "Bring everyone here": when a facilitator brings the room somewhere, every
 * participant's screen goes there once; after that they may move on freely.
 */
export function AttentionFollower() {
  const t = useT();
  const view = useWorkshopView();
  const [, navigate] = useLocation();
  const attention = view.state?.run.attention ?? null;
  const role = view.state?.participants[view.me]?.role;
  const workshopId = view.state?.id ?? '';
  // What was already there when this screen opened is not a new call to follow.
  const seen = useRef<string | null>(sessionStorage.getItem(`plenary.attention.${workshopId}`) ?? attention?.id ?? null);
  const [notice, setNotice] = useState(false);

  useEffect(() => {
    if (!attention || role === 'facilitator' || role === 'projector' || seen.current === attention.id) return;
    seen.current = attention.id;
    sessionStorage.setItem(`plenary.attention.${workshopId}`, attention.id);
    const base = AppPath.workshop(workshopId);
    if (attention.view.kind === 'board') navigate(`${base}/boards/${encodeURIComponent(attention.view.boardId)}`);
    else navigate(attention.view.kind === 'questions' ? `${base}#questions` : base);
    if (attention.view.kind === 'questions') {
      requestAnimationFrame(() => document.getElementById('questions')?.scrollIntoView({ block: 'start' }));
    }
    setNotice(true);
    const id = setTimeout(() => setNotice(false), 6000);
    return () => clearTimeout(id);
  }, [attention, role, workshopId, navigate]);

  if (!notice) return null;
  return (
    <p className="banner attention-notice" role="status">
      {t('run.bring.arrived')}
    </p>
  );
}
