import { Router } from 'express';
import type { AreaRouterDeps } from '../AreaContext.js';

/** HTTP routes of boards (under /api), e.g. exports. Authenticate with `authenticateRequest`. */
export function boardsRouter(_deps: AreaRouterDeps): Router {
  return Router();
}
