/**
 * The HTTP API as typed functions (contract: shared/src/protocol/rest.ts).
 * Every call resolves with a `Result`; network failures become an error a
 * screen can show, never an exception.
 */
import {
  ApiPath,
  DiscussionsApiPath,
  ErrorCode,
  fail,
  type CreatedWorkshop,
  type CreateWorkshopRequest,
  type FacilitatorEnterRequest,
  type JoinInfo,
  type JoinReply,
  type JoinRequest,
  type Result,
  type SearchReply,
  type SessionInfo,
} from '@plenary/shared';

/** The error a screen shows when the server cannot be reached at all. */
export const offlineError = 'offline' as const;

async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<Result<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    return fail(ErrorCode.internal, offlineError);
  }
  try {
    return (await res.json()) as Result<T>;
  } catch {
    return fail(ErrorCode.internal, `HTTP ${res.status}`);
  }
}

export const api = {
  joinInfo: (code: string) => call<JoinInfo>(ApiPath.joinInfo(code)),
  join: (body: JoinRequest) => call<JoinReply>(ApiPath.join, { method: 'POST', body: JSON.stringify(body) }),
  enterAsFacilitator: (workshopId: string, body: FacilitatorEnterRequest) =>
    call<JoinReply>(ApiPath.facilitatorEnter(workshopId), { method: 'POST', body: JSON.stringify(body) }),
  session: (token: string) => call<SessionInfo>(ApiPath.session, { token }),
  openProjector: (token: string, workshopId: string) =>
    call<JoinReply>(ApiPath.projector(workshopId), { method: 'POST', body: '{}', token }),
  createWorkshop: (token: string, body: CreateWorkshopRequest) =>
    call<CreatedWorkshop>(ApiPath.workshops, { method: 'POST', body: JSON.stringify(body), token }),
  searchDiscussions: (token: string, workshopId: string, q: string) => call<SearchReply>(DiscussionsApiPath.search(workshopId, q), { token }),
};
