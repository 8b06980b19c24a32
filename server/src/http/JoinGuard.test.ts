import { describe, expect, it } from 'vitest';
import { JoinGuard } from './JoinGuard.js';

const at = (clock: { t: number }) => new JoinGuard({ perAddress: 3, global: 10, keysPerAddress: 2, now: () => clock.t });

describe('JoinGuard', () => {
  it('gives an address its budget of wrong codes again five minutes after its first failure', () => {
    const clock = { t: 1_000_000 };
    const g = at(clock);
    for (let i = 0; i < 3; i++) g.codeFailed('a');
    expect(g.mayTryCode('a', 'ABCDEF')).toBe(false);
    expect(g.retryAfterSeconds('a')).toBe(300);
    clock.t += 5 * 60_000 - 1;
    expect(g.mayTryCode('a', 'ABCDEF')).toBe(false);
    clock.t += 1;
    expect(g.mayTryCode('a', 'ABCDEF')).toBe(true);
  });

  it('lets a known code through over budget for twelve hours, at that address only', () => {
    const clock = { t: 1_000_000 };
    const g = at(clock);
    g.codeKnown('a', 'ABCDEF');
    for (let i = 0; i < 3; i++) g.codeFailed('a');
    expect(g.mayTryCode('a', 'ABCDEF')).toBe(true);
    expect(g.mayTryCode('a', 'ABCDEG')).toBe(false);
    for (let i = 0; i < 3; i++) g.codeFailed('b');
    expect(g.mayTryCode('b', 'ABCDEF')).toBe(false);
    clock.t += 12 * 60 * 60_000;
    for (let i = 0; i < 3; i++) g.codeFailed('a');
    expect(g.mayTryCode('a', 'ABCDEF')).toBe(false);
  });

  it('closes unknown codes for every address once the node’s budget is spent, and counts keys apart', () => {
    const clock = { t: 1_000_000 };
    const g = at(clock);
    for (let i = 0; i < 10; i++) g.codeFailed(`addr-${i}`);
    expect(g.mayTryCode('fresh', 'ABCDEF')).toBe(false);
    expect(g.keysOverBudget('fresh')).toBe(false);
    g.keyFailed('fresh');
    g.keyFailed('fresh');
    expect(g.keysOverBudget('fresh')).toBe(true);
    clock.t += 5 * 60_000;
    expect(g.mayTryCode('fresh', 'ABCDEF')).toBe(true);
    expect(g.keysOverBudget('fresh')).toBe(false);
  });

  it('keys IPv6 addresses by /56 and IPv4 as they are', () => {
    expect(JoinGuard.addressKey('2001:db8:0:1::1')).toBe(JoinGuard.addressKey('2001:db8:0:ff::2'));
    expect(JoinGuard.addressKey('2001:db8:0:100::1')).not.toBe(JoinGuard.addressKey('2001:db8:0:1::1'));
    expect(JoinGuard.addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
