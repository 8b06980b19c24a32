/** Test fixtures: a workshop built through the real reducer. Test-only; not exported. */
import type { Command } from '../protocol/commands.js';
import type { DomainEvent, DomainEventBody } from '../protocol/events.js';
import type { Actor } from '../domain/access/can.js';
import { applyEvent } from '../domain/apply.js';
import { decide } from '../domain/decide.js';
import { demoDefinition } from '../domain/workshop/demo.js';
import { defaultSettings, type WorkshopDefinition } from '../domain/workshop/model.js';
import type { WorkshopState } from '../domain/state.js';

export class TestWorkshop {
  state: WorkshopState;
  log: DomainEvent[] = [];
  private ids = 0;
  private pseudonyms = new Map<string, string>();
  now = Date.UTC(2019, 4, 20, 12, 0);

  constructor(id = 'ws1', definition: WorkshopDefinition = demoDefinition) {
    this.state = null as unknown as WorkshopState;
    this.append([{ type: 'workshop.created', workshopId: id, joinCode: 'ABCDEF', definition, settings: defaultSettings }]);
  }

  append(bodies: DomainEventBody[]): DomainEvent[] {
    const events = bodies.map((b, i) => ({ ...b, seq: (this.state?.seq ?? 0) + i + 1, at: this.now }) as DomainEvent);
    for (const e of events) this.state = applyEvent(this.state, e);
    this.log.push(...events);
    return events;
  }

  /** Decides and, when accepted, applies; returns the decision. */
  run(command: Command, actor: Actor | null) {
    const d = decide(this.state, command, { actor, now: this.now, newId: () => `p${++this.ids}`, pseudonym: (scope, id) => this.pseudonym(scope, id) });
    if (d.ok) this.append(d.events);
    return d;
  }

  /** Opaque and stable, like the server's keyed hash: nothing of the id shows. */
  private pseudonym(scope: string, id: string): string {
    const key = `${scope}\u0000${id}`;
    if (!this.pseudonyms.has(key)) this.pseudonyms.set(key, `anon${this.pseudonyms.size + 1}x`);
    return this.pseudonyms.get(key)!;
  }

  join(name: string, role: 'participant' | 'observer' = 'participant', country = 'PK'): Actor {
    const d = this.run(
      {
        type: 'participant:join',
        payload: { name, role, language: 'en', affiliation: { kind: 'country', country, delegation: 'capital' } },
      },
      null,
    );
    if (!d.ok) throw new Error(d.refusal.message);
    const e = d.events[0];
    if (e?.type !== 'participant.joined') throw new Error('no join event');
    return { participantId: e.participant.id, role: e.participant.role };
  }

  facilitator(name = 'Facilitator'): Actor {
    const d = this.run({ type: 'facilitator:enter', payload: { name, language: 'en' } }, null);
    if (!d.ok) throw new Error(d.refusal.message);
    const e = d.events[0];
    if (e?.type !== 'participant.joined') throw new Error('no join event');
    return { participantId: e.participant.id, role: 'facilitator' };
  }
}
