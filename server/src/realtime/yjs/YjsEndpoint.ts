/**
 * The y-websocket endpoint: `GET /yjs/<document name>?token=…[&saved=1]`
 * upgraded to a WebSocket on the same port as everything else. The upgrade
 * is accepted, then checked: an unknown document, a bad token, a document of
 * another workshop or a role that may not read it closes the socket at once
 * with a close code from `CloseCode`, so clients learn why.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { CloseCode, docAccess, Limits, parseDocName, yjsPathPrefix } from '@plenary/shared';
import { InvalidTokenError, type TokenSigner } from '../../auth/tokens.js';
import type { Workshops } from '../../workshops/Workshops.js';
import type { DocHub } from './DocHub.js';

export interface YjsEndpointDeps {
  hub: DocHub;
  tokens: TokenSigner;
  workshops: Workshops;
  log: Logger;
}

export class YjsEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4 * Limits.docUpdateBytes });

  constructor(private readonly deps: YjsEndpointDeps) {}

  /** Whether this upgrade request is ours. */
  matches(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith(yjsPathPrefix);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // Buffer what the client sends while we check its access.
      const early: Uint8Array[] = [];
      const hold = (data: Buffer) => early.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      ws.on('message', hold);
      ws.on('error', (err) => this.deps.log.debug({ err }, 'yjs socket error'));
      this.admit(ws, req, early)
        .catch((error: unknown) => {
          this.deps.log.error({ err: error }, 'yjs connection failed');
          ws.close(CloseCode.retryLater, 'Server error; retrying.');
        })
        .finally(() => ws.off('message', hold));
    });
  }

  private async admit(ws: WebSocket, req: IncomingMessage, early: Uint8Array[]): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(yjsPathPrefix.length));
    } catch {
      return ws.close(CloseCode.badRequest, 'Malformed document name.');
    }
    const ref = parseDocName(name);
    if (!ref) return ws.close(CloseCode.badRequest, 'Unknown document.');
    let claims;
    try {
      claims = await this.deps.tokens.verify(url.searchParams.get('token'));
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.message : 'invalid token';
      return ws.close(CloseCode.unauthorized, `Session not valid (${reason}).`);
    }
    if (ref.workshopId !== claims.wid) return ws.close(CloseCode.forbidden, 'This document belongs to another workshop.');
    const runtime = await this.deps.workshops.forParticipant(claims.wid, claims.sub);
    const access = docAccess(runtime?.state ?? null, ref, claims.sub);
    if (!access.read) return ws.close(access.closeCode, access.reason);
    if (ws.readyState !== ws.OPEN) return;
    await this.deps.hub.connect(
      ws,
      name,
      ref,
      { participantId: claims.sub, canWrite: access.write, wantsSaved: url.searchParams.get('saved') === '1' },
      early,
    );
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
