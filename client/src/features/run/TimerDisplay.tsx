import { useEffect, useRef } from 'react';
import { timerRemaining, timerShown, type Timer } from '@plenary/shared';
import { useWorkshopClient } from '../../realtime/WorkshopContext';
import { useT } from '../../i18n/useT';
import { formatCountdown, useServerClock } from './useServerClock';

/** Plays a short two-tone chime (generated, no asset) when a timer runs out. */
function chime(): void {
  try {
    const ctx = new AudioContext();
    [660, 880].forEach((f, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = f;
      gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.25 + 0.4);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.25);
      osc.stop(ctx.currentTime + i * 0.25 + 0.45);
    });
  } catch {
    // No audio here (or not allowed yet): the visual signal stays.
  }
}

/**
 * The workshop's timer while it is on screen (running, paused, or "time is up"
 * for a few seconds), else null, with the server's clock to show it by: an
 * expired timer clears by itself. The clock ticks only while a timer runs and is shown.
 */
function useTimerClock(timer: Timer | null): { shown: Timer | null; now: number } {
  const client = useWorkshopClient();
  const live = timer !== null && timer.endsAt !== null && timerShown(timer, client.now());
  const now = useServerClock(live);
  return { shown: timerShown(timer, now) ? timer : null, now };
}

/** The workshop's timer while it is on screen, else null (see `useTimerClock`). */
export function useShownTimer(timer: Timer | null): Timer | null {
  return useTimerClock(timer).shown;
}

/**
 * The shared countdown, as everyone sees it: time left, paused, or a clear
 * "time is up", which clears itself after a few seconds. Screen readers hear
 * the start, a pause and the end, not every second. `compact`: one line, for
 * the strip under the header of every page.
 */
export function TimerDisplay({ timer: given, size = 'normal', sound = false }: { timer: Timer | null; size?: 'compact' | 'normal' | 'large'; sound?: boolean }) {
  const { shown, now } = useTimerClock(given);
  return shown ? <ShownTimer timer={shown} now={now} size={size} sound={sound} /> : null;
}

function ShownTimer({ timer, now, size, sound }: { timer: Timer; now: number; size: 'compact' | 'normal' | 'large'; sound: boolean }) {
  const t = useT();
  const running = timer.endsAt !== null;
  const left = timerRemaining(timer, now);
  const up = running && left === 0;
  const played = useRef<string | null>(null);
  useEffect(() => {
    if (up && sound && played.current !== timer.id) {
      played.current = timer.id;
      chime();
    }
  }, [up, sound, timer.id]);
  const label = timer.label || t('run.timer.label');
  const state = up ? 'up' : running ? 'running' : 'paused';
  return (
    <div className={`timer timer-${size} timer-${state}`} data-testid="timer" data-state={state}>
      <span className="timer-label" dir="auto">
        {label}
      </span>
      <span className="timer-time" aria-hidden={!up} data-testid="timer-time">
        {up ? t('run.timer.up') : formatCountdown(left)}
      </span>
      {!running && <span className="timer-paused">{t('run.timer.paused')}</span>}
      <span className="visually-hidden" role="status" aria-live="assertive">
        {up ? t('run.timer.up') : !running ? t('run.timer.paused') : ''}
      </span>
    </div>
  );
}
