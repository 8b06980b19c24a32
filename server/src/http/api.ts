/**
 * The HTTP API (contract: shared/src/protocol/rest.ts). Joining and entering
 * as a facilitator go through the same `decide` as every other command.
 */
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import {
  can,
  CreateWorkshopRequest,
  currentActor,
  demoDefinition,
  ErrorCode,
  FacilitatorEnterRequest,
  JoinRequest,
  normalizeJoinCode,
  ok,
  blankDefinition,
  type CreatedWorkshop,
  type JoinInfo,
  type JoinReply,
  type Role,
  type SessionInfo,
} from '@plenary/shared';
import type { TokenSigner } from '../auth/tokens.js';
import type { Workshops } from '../workshops/Workshops.js';
import type { WorkshopRuntime } from '../workshops/WorkshopRuntime.js';
import { parseBody, respond, respondError } from './respond.js';
import { authenticateRequest } from './authenticate.js';
import { JoinGuard } from './JoinGuard.js';

export interface ApiDeps {
  workshops: Workshops;
  tokens: TokenSigner;
  log: Logger;
  /** Wrong join codes (and, apart, wrong facilitator keys) allowed per address per 5 minutes. */
  joinFailuresPer5Min: number;
  /** Wrong join codes allowed on this node per 5 minutes, all addresses together. */
  joinFailuresGlobalPer5Min: number;
  now: () => number;
}

const noSuchCode = 'No workshop has this code. Check it with the facilitator.';

export function apiRouter(deps: ApiDeps): Router {
  const { workshops, tokens } = deps;
  const router = Router();

  // Join codes and facilitator keys are counted apart; only wrong ones count, and
  // a code an address has shown it knows always passes (JoinGuard.ts says why).
  const guard = new JoinGuard({
    perAddress: deps.joinFailuresPer5Min,
    global: deps.joinFailuresGlobalPer5Min,
    keysPerAddress: deps.joinFailuresPer5Min,
    now: deps.now,
  });
  const tooMany = (res: Response, retryAfter: number) => {
    res.setHeader('Retry-After', String(retryAfter));
    respondError(res, ErrorCode.rateLimited, 'Too many wrong attempts from this address. Wait a few minutes and try again.');
  };

  /** The workshop behind a typed code, or null after answering (wrong code, or guessing over budget). */
  const runtimeForCode = async (req: Request, res: Response, input: string): Promise<WorkshopRuntime | null> => {
    const address = JoinGuard.addressKey(req.ip);
    const code = normalizeJoinCode(input) ?? '';
    // Decided before the code is looked up: over budget, right and wrong codes get the same answer.
    if (!guard.mayTryCode(address, code)) {
      tooMany(res, guard.retryAfterSeconds(address));
      return null;
    }
    const runtime = code ? await workshops.byJoinCode(code) : null;
    if (!runtime) {
      guard.codeFailed(address);
      respondError(res, ErrorCode.badJoinCode, noSuchCode);
      return null;
    }
    guard.codeKnown(address, code);
    return runtime;
  };

  router.get('/join/:code', async (req, res) => {
    const runtime = await runtimeForCode(req, res, String(req.params.code));
    if (!runtime) return;
    const { definition, settings } = runtime.state;
    if (!settings.joinOpen) return respondError(res, ErrorCode.forbidden, 'This workshop is not accepting new participants.');
    const info: JoinInfo = {
      workshopId: runtime.id,
      title: definition.title,
      ...(definition.subtitle ? { subtitle: definition.subtitle } : {}),
      venue: definition.venue,
      countries: definition.countries,
      organisations: definition.organisations,
      allowObservers: settings.allowObservers,
      defaultLanguage: settings.defaultLanguage,
    };
    respond(res, ok(info));
  });

  router.post('/join', async (req, res) => {
    const body = parseBody(res, JoinRequest, req.body);
    if (!body) return;
    const runtime = await runtimeForCode(req, res, body.code);
    if (!runtime) return;
    const result = await runtime.dispatch(
      { type: 'participant:join', payload: { name: body.name, affiliation: body.affiliation, language: body.language, role: body.role } },
      null,
    );
    if (!result.ok) return respond(res, { ok: false, error: result.refusal });
    await sendSession(res, runtime.id, result.events, 201);
  });

  router.post('/workshops/:id/facilitator', async (req, res) => {
    const body = parseBody(res, FacilitatorEnterRequest, req.body);
    if (!body) return;
    const address = JoinGuard.addressKey(req.ip);
    const id = String(req.params.id);
    // A right key always passes (256 random bits: answering it gives a guesser nothing).
    const runtime = (await workshops.verifyFacilitatorKey(id, body.key)) ? await workshops.get(id) : null;
    if (!runtime) {
      if (guard.keysOverBudget(address)) return tooMany(res, 300);
      guard.keyFailed(address);
      return respondError(res, ErrorCode.unauthorized, 'This facilitator link is not valid. Ask for a new one.');
    }
    const result = await runtime.dispatch({ type: 'facilitator:enter', payload: { name: body.name, language: body.language } }, null);
    if (!result.ok) return respond(res, { ok: false, error: result.refusal });
    // The facilitator's network now knows the join code: the room behind it can join whatever is guessed there.
    guard.codeKnown(address, runtime.state.joinCode);
    await sendSession(res, runtime.id, result.events, 201);
  });

  const authenticate = (req: Request, res: Response) => authenticateRequest(req, res, workshops, tokens);

  router.get('/session', async (req, res) => {
    const session = await authenticate(req, res);
    if (!session) return;
    const p = session.runtime.state.participants[session.participantId]!;
    respond(res, ok<SessionInfo>({ workshopId: session.runtime.id, participantId: p.id, role: p.role, name: p.name }));
  });

  router.post('/workshops/:id/projector', async (req, res) => {
    const session = await authenticate(req, res);
    if (!session) return;
    if (session.runtime.id !== String(req.params.id)) {
      return respondError(res, ErrorCode.forbidden, 'Your session is for another workshop.');
    }
    const actor = currentActor(session.runtime.state, session.participantId);
    const result = await session.runtime.dispatch({ type: 'projector:open', payload: {} }, actor);
    if (!result.ok) return respond(res, { ok: false, error: result.refusal });
    await sendSession(res, session.runtime.id, result.events, 201);
  });

  router.post('/workshops', async (req, res) => {
    const session = await authenticate(req, res);
    if (!session) return;
    if (!can(session.runtime.state, currentActor(session.runtime.state, session.participantId), { kind: 'workshop.create' })) {
      return respondError(res, ErrorCode.forbidden, 'Only facilitators can create workshops.');
    }
    const body = parseBody(res, CreateWorkshopRequest, req.body);
    if (!body) return;
    const today = new Date(deps.now()).toISOString().slice(0, 10);
    const definition =
      body.from === 'demo' ? { ...structuredClone(demoDefinition), title: body.title } : blankDefinition(body.title, today);
    const { runtime, facilitatorKey } = await workshops.create({ definition });
    deps.log.info({ workshopId: runtime.id, by: session.participantId, from: body.from }, 'workshop created');
    respond(res, ok<CreatedWorkshop>({ workshopId: runtime.id, joinCode: runtime.state.joinCode, facilitatorKey }), 201);
  });

  async function sendSession(res: Response, workshopId: string, events: { type: string }[], status: number): Promise<void> {
    const joined = events.find((e) => e.type === 'participant.joined') as { participant: { id: string; role: Role } } | undefined;
    if (!joined) return respondError(res, ErrorCode.internal, 'Could not create a session.');
    const { id, role } = joined.participant;
    const token = await tokens.sign({ wid: workshopId, sub: id, role });
    respond(res, ok<JoinReply>({ token, workshopId, participantId: id, role }), status);
  }

  return router;
}
