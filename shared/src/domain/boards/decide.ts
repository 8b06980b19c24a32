import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import type { Decision, DecideContext } from '../decide.js';
import type { WorkshopState } from '../state.js';

/** Decides a `board:*` command. */
export function decideBoards(_state: WorkshopState, command: CommandOf<'board'>, _ctx: DecideContext): Decision {
  return { ok: false, refusal: { code: ErrorCode.notFound, message: `Unknown command ${(command as { type: string }).type}.` } };
}
