import type { ReactNode } from 'react';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { Layout } from '../../ui/Layout';
import { TimerDisplay } from '../run/TimerDisplay';
import { WorkshopActions } from './WorkshopRoute';

/**
 * The frame of a screen inside a workshop: its title, the session's controls
 * and, on every page (home, boards, group rooms), the workshop's countdown
 * while there is one. The console shows the timer with its controls instead (`timer={false}`).
 */
export function WorkshopLayout({ children, timer = true }: { children: ReactNode; timer?: boolean }) {
  const state = useWorkshopView().state;
  const title = state?.definition.title;
  return (
    <Layout
      title={
        <span className="workshop-title" dir="auto">
          {title}
        </span>
      }
      actions={<WorkshopActions />}
      strip={
        timer && state?.run.timer ? (
          <div className="live-strip">
            <TimerDisplay timer={state.run.timer} size="compact" sound />
          </div>
        ) : undefined
      }
    >
      {children}
    </Layout>
  );
}
