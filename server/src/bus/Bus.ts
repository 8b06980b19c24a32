/**
 * The bus port: how nodes tell each other what happened. A node publishes the
 * events it appended and the document updates it stored; every node that
 * serves the same workshop or document applies them and pushes them to its
 * own clients. Payloads are bytes; each message names the node that sent it,
 * so a node can skip its own.
 *
 * Implementations: `InProcessBus` (default: one node, or several servers in
 * one process in tests). Delivery is at-most-once; nodes that see a gap in a
 * workshop's sequence numbers read the missing events from the store.
 */
export type BusHandler = (payload: Uint8Array) => void;

export interface Bus {
  publish(channel: string, payload: Uint8Array): Promise<void>;
  /** Subscribes; resolves with a function that unsubscribes. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  /**
   * Listens for moments when messages may have been lost (the connection to
   * the bus was down and is back): listeners should catch up from the store.
   */
  onResync(listener: () => void): () => void;
  /** Whether the bus answers now (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Bus channel names. */
export const BusChannel = {
  workshopEvents: (workshopId: string) => `plenary:w:${workshopId}:events`,
  doc: (docName: string) => `plenary:doc:${docName}`,
  presence: 'plenary:presence',
  /** Which screen each participant is on (for the facilitators' console). */
  places: 'plenary:places',
  /** A workshop was deleted: every node forgets it and ends its sessions. */
  workshopDeleted: 'plenary:workshops:deleted',
} as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const encodeJson = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value));
export const decodeJson = <T>(payload: Uint8Array): T => JSON.parse(decoder.decode(payload)) as T;
