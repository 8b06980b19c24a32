import { Router } from 'express';
import type { AreaRouterDeps } from '../AreaContext.js';

/** HTTP routes of polls (under /api), e.g. exports. Authenticate with `authenticateRequest`. */
export function pollsRouter(_deps: AreaRouterDeps): Router {
  return Router();
}
