import type { ReactNode } from 'react';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { Layout } from '../../ui/Layout';
import { WorkshopActions } from './WorkshopRoute';

/** The frame of a screen inside a workshop: its title and the session's controls. */
export function WorkshopLayout({ children }: { children: ReactNode }) {
  const title = useWorkshopView().state?.definition.title;
  return (
    <Layout
      title={
        <span className="workshop-title" dir="auto">
          {title}
        </span>
      }
      actions={<WorkshopActions />}
    >
      {children}
    </Layout>
  );
}
