import { activeRound, groupOf, type WorkshopState } from '@plenary/shared';

/**
 * Whether someone was moved to another group (or into one) while a round runs.
 * Events of a poll put to groups reach only its audience, so someone moved into
 * a group that has one holds nothing of it: the client then starts again from a
 * snapshot. Not at a round's start (no poll can be put to its groups before).
 */
export function movedDuringRound(before: WorkshopState, after: WorkshopState, me: string): boolean {
  if (before.breakouts === after.breakouts) return false;
  const round = activeRound(after.breakouts);
  if (!round || activeRound(before.breakouts)?.id !== round.id) return false;
  const was = groupOf(before.breakouts, me)?.group.id ?? null;
  const is = groupOf(after.breakouts, me)?.group.id ?? null;
  return is !== null && was !== is;
}
