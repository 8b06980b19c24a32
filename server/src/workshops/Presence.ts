/**
 * Who is online in each workshop, on this node: a participant is online while
 * at least one of their connections is open. Going offline waits a short
 * grace period, so a reload or a Wi-Fi blip does not flicker in everyone's list.
 */
export type PresenceListener = (workshopId: string, online: string[], offline: string[]) => void;

export class Presence {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly leaving = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly onChange: PresenceListener,
    private readonly graceMs: number,
  ) {}

  connect(workshopId: string, participantId: string): void {
    const key = `${workshopId}\u0000${participantId}`;
    const pending = this.leaving.get(key);
    if (pending) {
      clearTimeout(pending);
      this.leaving.delete(key);
    }
    let byParticipant = this.counts.get(workshopId);
    if (!byParticipant) this.counts.set(workshopId, (byParticipant = new Map()));
    const n = byParticipant.get(participantId) ?? 0;
    byParticipant.set(participantId, n + 1);
    if (n === 0 && !pending) this.onChange(workshopId, [participantId], []);
  }

  disconnect(workshopId: string, participantId: string): void {
    const byParticipant = this.counts.get(workshopId);
    const n = byParticipant?.get(participantId) ?? 0;
    if (!byParticipant || n === 0) return;
    if (n > 1) {
      byParticipant.set(participantId, n - 1);
      return;
    }
    byParticipant.set(participantId, 0);
    const key = `${workshopId}\u0000${participantId}`;
    this.leaving.set(
      key,
      setTimeout(() => {
        this.leaving.delete(key);
        if ((byParticipant.get(participantId) ?? 0) > 0) return;
        byParticipant.delete(participantId);
        this.onChange(workshopId, [], [participantId]);
      }, this.graceMs),
    );
  }

  /** Workshops with anyone online here. */
  workshops(): string[] {
    return [...this.counts.keys()];
  }

  /** Participants online now (including those within their grace period). */
  online(workshopId: string): string[] {
    const byParticipant = this.counts.get(workshopId);
    return byParticipant ? [...byParticipant.keys()] : [];
  }

  close(): void {
    for (const t of this.leaving.values()) clearTimeout(t);
    this.leaving.clear();
  }
}
