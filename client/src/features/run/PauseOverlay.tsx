import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';

/**
 * When the facilitator pauses the room, a participant's screen freezes behind
 * this message until the room resumes. Facilitators are never frozen.
 */
export function PauseOverlay() {
  const t = useT();
  const view = useWorkshopView();
  const paused = view.state?.run.paused;
  const role = view.state?.participants[view.me]?.role;
  const box = useRef<HTMLDivElement>(null);
  const active = !!paused && role !== 'facilitator';

  useEffect(() => {
    if (!active) return;
    const main = document.getElementById('main');
    main?.setAttribute('inert', '');
    box.current?.focus();
    return () => main?.removeAttribute('inert');
  }, [active]);

  if (!active) return null;
  return (
    <div className="pause-overlay" role="alertdialog" aria-modal="true" aria-labelledby="pause-title" aria-describedby="pause-message" ref={box} tabIndex={-1} data-testid="pause-overlay">
      <div className="pause-box">
        <h2 id="pause-title">{t('run.pause.title')}</h2>
        <p id="pause-message" dir="auto">
          {paused.message || t('run.pause.default')}
        </p>
      </div>
    </div>
  );
}
