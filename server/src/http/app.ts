/**
 * The Express application: security headers, the JSON API, health, and the
 * built client (a single-page app: unknown paths get index.html).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { ErrorCode, Limits } from '@plenary/shared';
import { apiRouter, type ApiDeps } from './api.js';
import { bodyError } from './bodyErrors.js';
import { mayReadHealthDetails } from './healthAccess.js';
import { precompressed } from './precompressed.js';
import { respondError } from './respond.js';

export interface AppDeps extends ApiDeps {
  /** Areas' own HTTP routes (exports, downloads), mounted under /api. */
  areaRouters: Router[];
  clientDir: string | null;
  trustProxy: string | null;
  /** Shows /healthz details to `Authorization: Bearer <it>` (see healthAccess.ts). */
  healthToken: string | null;
  log: Logger;
  health: () => Record<string, unknown>;
  /** Whether this node should get traffic: not stopping, store and bus answering. */
  ready: () => Promise<boolean>;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', parseTrustProxy(deps.trustProxy));

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Plenary often runs over plain HTTP on a venue's LAN: never force HTTPS.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      deps.log.debug(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'http',
      );
    });
    next();
  });

  // Liveness for anyone; the node's details only on the loopback or with the health token.
  app.get('/healthz', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(mayReadHealthDetails(req, deps.healthToken) ? { ok: true, ...deps.health() } : { ok: true });
  });

  app.get('/readyz', async (_req, res) => {
    const ready = await deps.ready().catch(() => false);
    res.status(ready ? 200 : 503).json({ ok: ready });
  });

  app.use('/api', express.json({ limit: Limits.restBodyBytes }), apiRouter(deps), ...deps.areaRouters);
  app.use('/api', (_req, res) => respondError(res, ErrorCode.notFound, 'No such API route.'));

  const index = deps.clientDir ? join(deps.clientDir, 'index.html') : null;
  if (deps.clientDir && index && existsSync(index)) {
    app.use(precompressed(deps.clientDir, 3600));
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h', immutable: false }));
    app.use('/assets', (_req, res) => res.status(404).end());
    app.get('/{*path}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Plenary server is running, but the client is not built. Run `pnpm build`, or use `pnpm dev`.');
    });
  }

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    // What the client sent could not be read: its fault, answered 4xx, logged without a stack.
    const refused = bodyError(error);
    if (refused) {
      const { type, status } = error as { type?: string; status?: number };
      deps.log.warn({ method: req.method, path: req.path, type: type ?? null, status }, 'request body refused');
      return respondError(res, refused.code, refused.message);
    }
    deps.log.error({ err: error }, 'request failed');
    respondError(res, ErrorCode.internal, 'The server could not do this; nothing was changed.');
  });

  return app;
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
