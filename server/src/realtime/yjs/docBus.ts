/**
 * What nodes tell each other about one document, on its bus channel
 * (`BusChannel.doc(name)`). Every message starts with the sending node's id,
 * so a node skips its own, then a kind:
 *
 *   update      a Yjs update this node stored (stored first, then published);
 *               other nodes apply it and send it to their connections
 *   awareness   an awareness update of this node's own connections (cursors,
 *               selections; removals when they leave); batched per room flush
 *   query       "send me your connections' awareness": a node that just opened
 *               the document, or whose bus was down, asks; each other node
 *               answers with one `awareness` message
 *   resync      "my connection to the bus was down": what I stored meanwhile
 *               may not have reached you, so read the store again, and send
 *               me your connections' awareness (as for `query`)
 *
 * A node that dies without saying so is noticed by its missing presence
 * heartbeats (ClusterPresence); every other node then drops the awareness
 * states it had from that node.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const DocBusKind = {
  update: 0,
  awareness: 1,
  query: 2,
  resync: 3,
} as const;
export type DocBusKind = (typeof DocBusKind)[keyof typeof DocBusKind];

export type DocBusMessage =
  | { node: string; kind: typeof DocBusKind.update; update: Uint8Array }
  | { node: string; kind: typeof DocBusKind.awareness; update: Uint8Array }
  | { node: string; kind: typeof DocBusKind.query | typeof DocBusKind.resync };

export function encodeDocBusMessage(message: DocBusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, message.node);
  encoding.writeVarUint(e, message.kind);
  if (message.kind === DocBusKind.update || message.kind === DocBusKind.awareness) encoding.writeVarUint8Array(e, message.update);
  return encoding.toUint8Array(e);
}

/** Decodes a message; throws on bytes that are not one. */
export function decodeDocBusMessage(payload: Uint8Array): DocBusMessage {
  const d = decoding.createDecoder(payload);
  const node = decoding.readVarString(d);
  const kind = decoding.readVarUint(d);
  switch (kind) {
    case DocBusKind.update:
    case DocBusKind.awareness:
      return { node, kind, update: decoding.readVarUint8Array(d) };
    case DocBusKind.query:
    case DocBusKind.resync:
      return { node, kind };
    default:
      throw new Error(`unknown document bus message kind ${kind}`);
  }
}
