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
  /** The last change of ours the server undid, and why (`YMessage.refused`); `n` counts them. */
  refused: { code: string; message: string; n: number } | null;
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
    refused: null,
  });
  private readonly local: IndexeddbPersistence;
  private socket: CountingSocket | null = null;
  /** Offline edits that went out in the current socket's handshake. */
  private waitingAtOpen = 0;
  /** The server said our edits are not saved (read-only); when we may write again, we sync again. */
  private deniedByServer = false;

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
    this.provider.messageHandlers[YMessage.auth] = () => {
      this.deniedByServer = true;
      this.patch({ readOnly: true });
    };
    this.provider.messageHandlers[YMessage.refused] = (_encoder, decoder) => {
      const code = decoding.readVarString(decoder);
      const message = decoding.readVarString(decoder);
      this.view.set((v) => ({ ...v, refused: { code, message, n: (v.refused?.n ?? 0) + 1 } }));
    };
    this.provider.on('status', ({ status }) => {
      this.patch({ status: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'disconnected' });
    });
    this.provider.on('sync', (synced: boolean) => this.patch({ synced }));
    this.provider.on('closed', ({ code, reason }) => {
      this.patch({ status: 'closed', closed: { code, reason } });
    });
    // The browser knows first when the network is gone: stop at once (edits then count as waiting), resume when it is back.
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.local) return;
      const connected = this.provider.wsconnected;
      this.view.set((v) => ({ ...v, saved: false, waiting: connected ? v.waiting : v.waiting + 1 }));
    });
  }

  /** What the workshop's state says we may do; the server's refusal also makes us read-only. */
  setWritable(canWrite: boolean): void {
    this.patch({ readOnly: !canWrite });
    if (canWrite && this.deniedByServer) {
      // Edits the server refused while we were read-only are still ours: a new handshake sends them.
      this.deniedByServer = false;
      this.provider.disconnect();
      this.provider.connect();
    }
  }

  /**
   * Forgets this device's copy and syncs from the server again (after the
   * server closed us for good, e.g. an update too large: the copy holds it).
   */
  async reset(): Promise<void> {
    this.provider.disconnect();
    await this.local.clearData().catch(() => undefined);
    location.reload();
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

  private onOffline = () => {
    if (this.view.getSnapshot().status === 'closed') return;
    this.provider.disconnect();
    this.patch({ status: 'disconnected' });
  };

  private onOnline = () => {
    if (this.view.getSnapshot().status !== 'closed') this.provider.connect();
  };

  /** Calls `f` once, when the document has synced with the server (at once if it has); returns the cancel. */
  whenSynced(f: () => void): () => void {
    if (this.view.getSnapshot().synced) {
      f();
      return () => undefined;
    }
    const off = this.view.subscribe(() => {
      if (!this.view.getSnapshot().synced) return;
      off();
      f();
    });
    return off;
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.provider.destroy();
    void this.local.destroy().catch(() => undefined);
    this.doc.destroy();
  }
}
