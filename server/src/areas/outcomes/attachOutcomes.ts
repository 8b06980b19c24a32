/**
 * The server side of outcomes beyond commands and HTTP: when a workshop is
 * deleted (on this node or another, told through the bus), everyone in it is
 * told and disconnected here, and its documents are dropped without being
 * stored again.
 */
import { CloseCode, SocketEvent } from '@plenary/shared';
import { rooms } from '../../realtime/socket/ControlPlane.js';
import type { AreaContext, AreaHandle } from '../AreaContext.js';

export function attachOutcomes(ctx: AreaContext): AreaHandle {
  const stop = ctx.workshops.onRemoved((workshopId) => {
    // This node's sockets only: every node hears of the deletion and ends its own.
    const room = ctx.io.local.in(rooms.workshop(workshopId));
    room.emit(SocketEvent.sessionEnded, { reason: 'deleted' });
    room.disconnectSockets(true);
    ctx.hub.dropWorkshop(workshopId, CloseCode.gone, 'This workshop was deleted.').catch((err: unknown) => ctx.log.error({ err, workshopId }, 'could not close the documents of a deleted workshop'));
  });
  return {
    async close() {
      stop();
    },
  };
}
