import type { Response } from 'express';
import { ErrorCode, fail, type Result, type WireError } from '@plenary/shared';
import type { z } from 'zod';

const statusOf: Record<WireError['code'], number> = {
  [ErrorCode.invalid]: 400,
  [ErrorCode.tooLarge]: 413,
  [ErrorCode.unauthorized]: 401,
  [ErrorCode.forbidden]: 403,
  [ErrorCode.notFound]: 404,
  [ErrorCode.conflict]: 409,
  [ErrorCode.rateLimited]: 429,
  [ErrorCode.badJoinCode]: 404,
  [ErrorCode.internal]: 500,
};

/** Sends a `Result` with the HTTP status that matches it. */
export function respond<T>(res: Response, result: Result<T>, successStatus = 200): void {
  res.status(result.ok ? successStatus : statusOf[result.error.code]).json(result);
}

export function respondError(res: Response, code: WireError['code'], message: string, issues?: WireError['issues']): void {
  respond(res, fail(code, message, issues));
}

/** Parses a body with a schema; on failure answers 400 with the issues and returns null. */
export function parseBody<S extends z.ZodType>(res: Response, schema: S, body: unknown): z.infer<S> | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  respondError(
    res,
    ErrorCode.invalid,
    'Some of what was sent is not valid.',
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
  return null;
}
