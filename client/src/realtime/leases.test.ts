import { describe, expect, it } from 'vitest';
import { Leases } from './leases';

class Thing {
  destroyed = false;
  constructor(readonly n: number) {}
  destroy() {
    this.destroyed = true;
  }
}

describe('leases', () => {
  it('make a resource for the first holder, share it, and destroy it when the last one lets go', () => {
    const leases = new Leases<Thing>();
    let made = 0;
    const make = () => new Thing(++made);
    expect(leases.peek('a')).toBeNull();
    const r1 = leases.hold('a', make);
    const r2 = leases.hold('a', make);
    const a = leases.peek('a')!;
    expect(made).toBe(1);
    r1();
    r1(); // twice is once
    expect(a.destroyed).toBe(false);
    r2();
    expect(a.destroyed).toBe(true);
    expect(leases.peek('a')).toBeNull();
    // Held again (React's strict mode subscribes, unsubscribes and subscribes): a new one.
    const r3 = leases.hold('a', make);
    expect(leases.peek('a')!.n).toBe(2);
    r3();
  });
});
