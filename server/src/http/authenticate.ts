import type { Request, Response } from 'express';
import { ErrorCode } from '@plenary/shared';
import type { TokenSigner } from '../auth/tokens.js';
import type { Workshops } from '../workshops/Workshops.js';
import type { WorkshopRuntime } from '../workshops/WorkshopRuntime.js';
import { respondError } from './respond.js';

export interface RequestSession {
  runtime: WorkshopRuntime;
  participantId: string;
}

/**
 * The session behind `Authorization: Bearer <token>`: a valid token of a
 * participant the workshop still has. Otherwise answers 401 and returns null.
 */
export async function authenticateRequest(
  req: Request,
  res: Response,
  workshops: Workshops,
  tokens: TokenSigner,
): Promise<RequestSession | null> {
  const header = req.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    const claims = await tokens.verify(token);
    const runtime = await workshops.forParticipant(claims.wid, claims.sub);
    const p = runtime?.state.participants[claims.sub];
    if (!runtime || !p || p.removed) throw new Error('no participant');
    return { runtime, participantId: p.id };
  } catch {
    respondError(res, ErrorCode.unauthorized, 'Your session is not valid. Join again.');
    return null;
  }
}
