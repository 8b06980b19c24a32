/**
 * A group's activity at a glance, for the facilitator while a round runs:
 * how many items its board holds, how many were added since the round
 * started, and when it last changed. Read from the group board's document
 * (the console opens it without writing), so it is live on any node.
 */
import { useEffect, useState } from 'react';
import { BoardDoc, docName } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useDoc } from '../../realtime/useDoc';
import { useWorkshopClient } from '../../realtime/WorkshopContext';
import { boardPath } from '../boards/paths';
import { Link } from 'wouter';

interface Activity {
  items: number;
  added: number;
  /** When the board last changed (ms), as far as we know: the newest item, or an edit we saw. */
  last: number | null;
}

export function GroupActivity({ workshopId, boardId, startedAt, now }: { workshopId: string; boardId: string; startedAt: number | null; now: number }) {
  const t = useT();
  const client = useWorkshopClient();
  const { conn, view } = useDoc(docName({ kind: 'board', workshopId, boardId }), client.session.token, false);
  const [activity, setActivity] = useState<Activity | null>(null);
  useEffect(() => {
    if (!conn) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let seen: number | null = null;
    const read = () => {
      timer = null;
      const items = new BoardDoc(conn.doc).all().filter((i) => i.kind !== 'connector' && i.kind !== 'lane' && i.kind !== 'frame');
      const newest = items.reduce<number | null>((m, i) => (i.at !== undefined && (m === null || i.at > m) ? i.at : m), null);
      const last = seen !== null && (newest === null || seen > newest) ? seen : newest;
      setActivity({ items: items.length, added: startedAt === null ? 0 : items.filter((i) => (i.at ?? 0) >= startedAt).length, last });
    };
    const onUpdate = () => {
      if (conn.view.getSnapshot().synced) seen = Date.now();
      // A busy board changes many times a second; the glance needs at most one reading a second.
      timer ??= setTimeout(read, 1000);
    };
    conn.doc.on('update', onUpdate);
    read();
    return () => {
      conn.doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [conn, startedAt]);
  const ago = activity?.last == null ? null : Math.max(0, Math.round((now - activity.last) / 60_000));
  return (
    <p className="group-activity muted" data-testid="group-activity">
      {view.synced && activity ? (
        <>
          {t('breakout.activity.items', { count: activity.items, added: activity.added })}
          {' · '}
          {ago === null ? t('breakout.activity.none') : t('breakout.activity.last', { minutes: ago })}
        </>
      ) : (
        t('breakout.activity.loading')
      )}{' '}
      <Link href={boardPath(workshopId, boardId)} className="small" data-testid="group-box-board">
        {t('breakout.activity.open')}
      </Link>
    </p>
  );
}
