/**
 * Serves the compressed copies the client build writes next to its text assets
 * (client/scripts/precompress.mjs): brotli when the browser accepts it, else gzip,
 * else the plain file from express.static. A phone on a slow network downloads
 * a fraction of the bytes, and the server spends no CPU compressing per request.
 */
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function precompressed(root: string, maxAgeSeconds: number) {
  const base = normalize(root + sep);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = types[extname(req.path)];
    if (!type) return next();
    let path: string;
    try {
      path = normalize(join(base, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!path.startsWith(base)) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) && existsSync(`${path}.br`) ? 'br' : /\bgzip\b/.test(accepted) && existsSync(`${path}.gz`) ? 'gzip' : null;
    res.setHeader('Vary', 'Accept-Encoding');
    if (!encoding) return next();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', encoding);
    res.sendFile(`${path}.${encoding === 'br' ? 'br' : 'gz'}`, { maxAge: maxAgeSeconds * 1000, dotfiles: 'deny' }, (err) => {
      if (err) next(err);
    });
  };
}
