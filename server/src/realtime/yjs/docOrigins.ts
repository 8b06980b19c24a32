/**
 * Transaction origins of a room's document that are not connections (a
 * connection's own `DocConnection` is the origin of its updates). The room
 * routes each update by its origin: what came from the store is there
 * already, what came over the bus was stored by another node, everything
 * else is ours to store.
 */

/** Read from the store while loading: already durable, nobody to tell. */
export const fromStore = Symbol('store');
/** Stored by another node (over the bus, or read again on resync): ours only to send to our connections. */
export const fromBus = Symbol('bus');
/** Changes the server makes itself (templates, moving private notes): stored and sent to everyone. */
export const fromServer = Symbol('server');
