import type { ConnectionStatus } from '../realtime/WorkshopClient';
import { useT } from '../i18n/useT';

/** Connection state, always visible: connected, reconnecting, offline. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const t = useT();
  const label =
    status === 'connected'
      ? t('status.connected')
      : status === 'offline'
        ? t('status.offline')
        : status === 'ended'
          ? t('status.ended')
          : status === 'connecting'
            ? t('status.connecting')
            : t('status.reconnecting');
  return (
    <span className={`badge badge-${status}`} role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <span className="dot" aria-hidden="true" />
      <span className="badge-label">{label}</span>
    </span>
  );
}

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'waiting'; count: number } | { kind: 'readOnly' };

/** Whether what this person did is stored on the server. */
export function SavedBadge({ state }: { state: SaveState }) {
  const t = useT();
  const label =
    state.kind === 'saved'
      ? t('saved.saved')
      : state.kind === 'saving'
        ? t('saved.saving')
        : state.kind === 'waiting'
          ? t('saved.waiting', { count: state.count })
          : t('saved.readOnly');
  return (
    <span className={`badge badge-save-${state.kind}`} role="status" aria-live="polite" data-testid="save-status" data-save={state.kind}>
      {label}
    </span>
  );
}
