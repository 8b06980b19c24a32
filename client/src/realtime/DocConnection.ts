/**
 * The content-plane client of one Yjs document: a stock y-websocket provider
 * to `/yjs/<name>`, an IndexedDB copy so edits survive a reload while offline,
 * and the "saved" state.
 *
 * Saved: the server, asked with `?saved=1`, says how many of the update
 * messages it got on this connection are stored (shared/src/protocol/closeCodes.ts).
 * We count what we send on each socket, and edits made while disconnected,
 * which go out in our half of the next handshake.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CloseCode, YMessage, yjsPathPrefix } from '@plenary/shared';
import { Store } from './Store';

export type DocStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface DocView {
  status: DocStatus;
  /** Synced with the server at least once on the current connection. */
  synced: boolean;
  /** The server refuses our edits (observer, or the facilitator restricted editing). */
  readOnly: boolean;
  /** Every edit of ours is stored on the server. */
  saved: boolean;
  /** Edits made while disconnected that the server has not stored yet. */
  waiting: number;
  /** Why the server closed the connection for good, if it did. */
  closed: { code: number; reason: string } | null;
}

const messageSync = 0;
const syncStep2 = 1;
const syncUpdate = 2;

/** Counts the update messages sent on one socket. */
function countingSocket(onOpen: (ws: CountingSocket) => void): typeof WebSocket {
  return class extends WebSocket implements CountingSocket {
    sentUpdates = 0;
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', () => onOpen(this));
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && data[0] === messageSync && (data[1] === syncStep2 || data[1] === syncUpdate)) {
        this.sentUpdates++;
      }
      super.send(data);
    }
  };
}

interface CountingSocket extends WebSocket {
  sentUpdates: number;
}

export class DocConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly view = new Store<DocView>({
    status: 'connecting',
    synced: false,
    readOnly: false,
    saved: true,
    waiting: 0,
    closed: null,
  });
  private readonly local: IndexeddbPersistence;
  private socket: CountingSocket | null = null;
  /** Offline edits that went out in the current socket's handshake. */
  private waitingAtOpen = 0;

  constructor(
    readonly name: string,
    token: string,
  ) {
    this.local = new IndexeddbPersistence(`plenary:${name}`, this.doc);
    const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${yjsPathPrefix.slice(0, -1)}`;
    this.provider = new WebsocketProvider(base, name, this.doc, {
      params: { token, saved: '1' },
      WebSocketPolyfill: countingSocket((ws) => {
        this.socket = ws;
        this.waitingAtOpen = this.view.getSnapshot().waiting;
      }),
      maxBackoffTime: 5000,
    });
    this.provider.messageHandlers[YMessage.savedStateVector] = (_encoder, decoder) => this.onSaved(decoder);
    this.provider.messageHandlers[YMessage.auth] = () => this.patch({ readOnly: true });
    this.provider.on('status', ({ status }) => {
      this.patch({ status: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'disconnected' });
    });
    this.provider.on('sync', (synced: boolean) => this.patch({ synced }));
    this.provider.on('closed', ({ code, reason }) => {
      this.patch({ status: 'closed', closed: { code, reason } });
    });
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.local) return;
      const connected = this.provider.wsconnected;
      this.view.set((v) => ({ ...v, saved: false, waiting: connected ? v.waiting : v.waiting + 1 }));
    });
  }

  /** What the workshop's state says we may do; the server's refusal also makes us read-only. */
  setWritable(canWrite: boolean): void {
    this.patch({ readOnly: !canWrite });
  }

  /** Whether the server closed us because our session is over. */
  static endsSession(code: number): boolean {
    return code === CloseCode.unauthorized || code === CloseCode.gone;
  }

  private onSaved(decoder: decoding.Decoder): void {
    decoding.readVarUint8Array(decoder); // the durable state vector; the count says more
    const durable = decoding.readVarUint(decoder);
    const ws = this.socket;
    if (!ws || ws !== this.provider.ws || durable < ws.sentUpdates) return;
    this.view.set((v) => ({ ...v, saved: v.waiting - this.waitingAtOpen <= 0, waiting: Math.max(0, v.waiting - this.waitingAtOpen) }));
    this.waitingAtOpen = 0;
  }

  private patch(p: Partial<DocView>): void {
    this.view.set((v) => ({ ...v, ...p }));
  }

  destroy(): void {
    this.provider.destroy();
    void this.local.destroy().catch(() => undefined);
    this.doc.destroy();
  }
}
