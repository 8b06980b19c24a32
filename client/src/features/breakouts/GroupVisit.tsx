/**
 * A facilitator drops into a group's room from the console while the round
 * runs: the task, who is there, the group's notes (the facilitator writes in
 * them like a member), its board, and the findings so far, without leaving
 * the console or the other groups out of sight.
 */
import { useEffect, useRef } from 'react';
import type { Round, WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { NotesPanel } from '../notes/NotesPanel';
import { GroupBoardLink } from './GroupBoardLink';

export function GroupVisit({ state, round, groupId, onClose }: { state: WorkshopState; round: Round; groupId: string; onClose: () => void }) {
  const t = useT();
  const view = useWorkshopView();
  const client = useWorkshopClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const group = round.groups.find((g) => g.id === groupId);
  // The visit takes the focus, so a keyboard or screen reader user lands in the room they opened.
  useEffect(() => heading.current?.focus(), [groupId]);
  if (!group) return null;
  const members = Object.entries(round.members)
    .filter(([, g]) => g === groupId)
    .map(([id]) => state.participants[id])
    .filter((p) => p !== undefined && !p.removed);
  const findings = round.findings[groupId];
  return (
    <section className="card group-visit" aria-labelledby={`visit-${groupId}`} data-testid="group-visit">
      <div className="row">
        <h4 id={`visit-${groupId}`} ref={heading} tabIndex={-1} dir="auto">
          {t('breakout.visit.title', { group: group.name })}
        </h4>
        <button type="button" onClick={onClose}>
          {t('breakout.visit.close')}
        </button>
      </div>
      <p className="group-prompt" dir="auto">
        {round.prompt}
      </p>
      <ul className="plain-list inline-list">
        {members.map((m) => (
          <li key={m!.id} className={view.online.has(m!.id) ? 'online' : 'offline'}>
            <span className="presence-dot" aria-hidden="true" />
            <span dir="auto">{m!.name}</span>
          </li>
        ))}
      </ul>
      <GroupBoardLink groupId={groupId} label={t('breakout.activity.open')} />
      <NotesPanel
        state={state}
        me={view.me}
        token={client.session.token}
        doc={{ kind: 'groupNotes', workshopId: state.id, groupId }}
        title={t('breakout.room.notes')}
        testId="visit-notes"
        level={4}
      />
      <h5>{t('breakout.visit.findings')}</h5>
      <p className={findings ? 'findings' : 'muted'} dir="auto" data-testid="visit-findings">
        {findings || t('breakout.visit.noFindings')}
      </p>
    </section>
  );
}
