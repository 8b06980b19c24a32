/**
 * The stock y-websocket server, for comparison: `@y/websocket-server` 0.1.1
 * as its README runs it, on `PORT` (0: any), documents in memory (no
 * persistence configured, so unlike Plenary nothing is stored before an update
 * is sent on), no authentication, the document named by the URL path. Prints
 * `listening <url>` once ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('stock y-websocket server');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => {
  const docName = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1));
  (setupWSConnection as (ws: unknown, req: unknown, opts: { docName: string; gc: boolean }) => void)(ws, req, { docName, gc: true });
});
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
});
