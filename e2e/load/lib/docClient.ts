/**
 * A document client as every benchmark opens one: a y-websocket provider on
 * Node's `ws`, without BroadcastChannel (each simulated client is a browser of
 * its own), with the session token as a parameter when there is one (the stock
 * server takes none); and the wait until it is synced.
 */
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/** `base`: `ws://host/yjs` for Plenary, `ws://host` for the stock server. */
export function openDoc(base: string, docName: string, doc: Y.Doc, token: string | null): WebsocketProvider {
  return new WebsocketProvider(base, docName, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

/** Resolves once the provider is synced; rejects if it closes first or is not synced in time. */
export function synced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('doc: not synced in time')), timeoutMs);
    const onSync = (isSynced: boolean) => isSynced && done(null);
    const onClosed = (event: { code: number; reason: string }) => done(new Error(`doc: closed ${event.code} ${event.reason}`));
    const done = (error: Error | null) => {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      if (error) reject(error);
      else resolve();
    };
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
  });
}
