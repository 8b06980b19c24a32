/**
 * Chat messages on their way to the server. A message gets its id (`clientId`)
 * when the person presses send and stays here, shown as "sending", until the
 * server acknowledges it. While the connection is down, or when an ack is lost,
 * it is sent again with the same id: the server posts it once
 * (shared/src/domain/discussions/protocol.ts). Messages of one space go out one
 * at a time, in the order they were written.
 */
import { ErrorCode, spaceKey, type CommandAck, type Result, type SpaceRef, type WireError } from '@plenary/shared';
import { Store } from '../../realtime/Store';
import { offlineError } from '../../realtime/api';

export interface Outgoing {
  clientId: string;
  text: string;
  /** Participants named with "@" in it. */
  mentions: string[];
  /** Tried at least once and not acknowledged (the connection is down or the ack was lost). */
  retrying: boolean;
}

type Send = (payload: { space: SpaceRef; clientId: string; text: string; mentions: string[] }) => Promise<Result<CommandAck>>;

/** A random id the server accepts (letters and digits), also outside secure contexts. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `m${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Transient: not a refusal, just no answer (offline, timeout, server busy). */
const transient = (e: WireError) => e.message === offlineError || e.message === 'timeout' || e.code === ErrorCode.internal;

export class Outbox {
  readonly view = new Store<Outgoing[]>([]);
  private running = false;
  private stopped = false;

  constructor(
    private readonly space: SpaceRef,
    private readonly send: Send,
    /** A refusal of a message, which is dropped from the outbox (the text goes back to the writer). */
    private readonly onRefused: (text: string, error: WireError) => void,
    private readonly retryMs = 2000,
  ) {}

  add(text: string, mentions: string[] = []): void {
    this.view.set((list) => [...list, { clientId: newClientId(), text, mentions, retrying: false }]);
    void this.drain();
  }

  stop(): void {
    this.stopped = true;
  }

  /** Messages the server already holds (seen in the workshop's state) need no more sending. */
  settle(posted: ReadonlySet<string>): void {
    if (this.view.getSnapshot().some((m) => posted.has(m.clientId))) this.view.set((list) => list.filter((m) => !posted.has(m.clientId)));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.stopped) {
        const head = this.view.getSnapshot()[0];
        if (!head) return;
        const r = await this.send({ space: this.space, clientId: head.clientId, text: head.text, mentions: head.mentions });
        if (r.ok) {
          this.view.set((list) => list.filter((m) => m.clientId !== head.clientId));
        } else if (transient(r.error)) {
          this.view.set((list) => list.map((m) => (m.clientId === head.clientId ? { ...m, retrying: true } : m)));
          await new Promise((resolve) => setTimeout(resolve, this.retryMs));
        } else {
          this.view.set((list) => list.filter((m) => m.clientId !== head.clientId));
          this.onRefused(head.text, r.error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const outboxes = new Map<string, Outbox>();

/** The outbox of a space in this session (it outlives the chat panel, so leaving the screen loses nothing). */
export function outboxFor(workshopId: string, space: SpaceRef, send: Send): Outbox {
  const key = `${workshopId}/${spaceKey(space)}`;
  let box = outboxes.get(key);
  if (!box) {
    box = new Outbox(space, send, (text, error) => refusals.set({ key, text, error }));
    outboxes.set(key, box);
  }
  return box;
}

/** The last refused message, for the panel of its space to show. */
export const refusals = new Store<{ key: string; text: string; error: WireError } | null>(null);
export const outboxKey = (workshopId: string, space: SpaceRef) => `${workshopId}/${spaceKey(space)}`;
