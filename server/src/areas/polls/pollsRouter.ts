/**
 * HTTP routes of polls (paths: `PollApiPath` in shared/src/domain/polls/protocol.ts):
 * the caller's view of current results (a screen that has just loaded reads
 * them here, then follows `poll:results` pushes), and CSV exports for facilitators.
 */
import { Router, type Request, type Response } from 'express';
import {
  can,
  currentActor,
  ErrorCode,
  ok,
  maySeePoll,
  pollResultsFor,
  resultsAudienceOf,
  type PollResultsPush,
} from '@plenary/shared';
import type { AreaRouterDeps } from '../AreaContext.js';
import { authenticateRequest, type RequestSession } from '../../http/authenticate.js';
import { respond, respondError } from '../../http/respond.js';
import { ballotsCsv, resultsCsv } from './pollsCsv.js';

export function pollsRouter(deps: AreaRouterDeps): Router {
  const router = Router();

  /** The session, if it belongs to the workshop in the path; otherwise answers and returns null. */
  const session = async (req: Request, res: Response): Promise<RequestSession | null> => {
    const s = await authenticateRequest(req, res, deps.workshops, deps.tokens);
    if (!s) return null;
    if (s.runtime.id !== String(req.params.workshopId)) {
      respondError(res, ErrorCode.forbidden, 'Your session is for another workshop.');
      return null;
    }
    return s;
  };

  router.get('/workshops/:workshopId/polls/results', async (req, res) => {
    const s = await session(req, res);
    if (!s) return;
    const state = s.runtime.state;
    const me = state.participants[s.participantId]!;
    const audience = resultsAudienceOf(me.role);
    const pushes = state.polls.order
      .map((id) => state.polls.byId[id]!)
      .filter((poll) => maySeePoll(state, poll, { participantId: me.id, role: me.role }))
      .map((poll) => pollResultsFor(poll, state, audience))
      .filter((p): p is PollResultsPush => p !== null);
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ok(pushes));
  });

  const exportRoute = (file: 'results.csv' | 'ballots.csv') =>
    router.get(`/workshops/:workshopId/polls/:pollId/${file}`, async (req, res) => {
      const s = await session(req, res);
      if (!s) return;
      const state = s.runtime.state;
      if (!can(state, currentActor(state, s.participantId), { kind: 'poll.manage' })) {
        return respondError(res, ErrorCode.forbidden, 'Only facilitators export poll results.');
      }
      const poll = state.polls.byId[String(req.params.pollId)];
      if (!poll) return respondError(res, ErrorCode.notFound, 'No such poll.');
      if (file === 'ballots.csv' && poll.settings.anonymous) {
        return respondError(res, ErrorCode.conflict, 'This poll is anonymous: there is no export of single ballots. Export its results instead.');
      }
      const csv = file === 'results.csv' ? resultsCsv(poll, state, Date.now()) : ballotsCsv(poll, state);
      deps.log.info({ workshopId: state.id, pollId: poll.id, export: file }, 'poll exported');
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="poll-${poll.id}-${file}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(csv);
    });
  exportRoute('results.csv');
  exportRoute('ballots.csv');

  return router;
}
