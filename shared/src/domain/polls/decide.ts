import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import type { Decision, DecideContext } from '../decide.js';
import type { WorkshopState } from '../state.js';

/** Decides a `poll:*` command. */
export function decidePolls(_state: WorkshopState, command: CommandOf<'poll'>, _ctx: DecideContext): Decision {
  return { ok: false, refusal: { code: ErrorCode.notFound, message: `Unknown command ${(command as { type: string }).type}.` } };
}
