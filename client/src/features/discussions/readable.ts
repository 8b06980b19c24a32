import { spaceAccess, type WorkshopState } from '@plenary/shared';

/**
 * Whether someone may now read a group's chat they could not read before (moved
 * into the group, the round lets groups read each other, the round closed).
 * Events of a space one may not read arrive redacted, so its history is not in
 * the state built from them: the client then starts again from a snapshot.
 */
export function chatsBecameReadable(before: WorkshopState, after: WorkshopState, me: string): boolean {
  if (before.breakouts === after.breakouts && before.participants === after.participants) return false;
  for (const roundId of after.breakouts.order) {
    for (const g of after.breakouts.byId[roundId]!.groups) {
      const space = { kind: 'chat', groupId: g.id } as const;
      if (spaceAccess(before, me, space) === 'none' && spaceAccess(after, me, space) !== 'none') return true;
    }
  }
  return false;
}
