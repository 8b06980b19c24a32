import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.js';

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate', () => {
    let t = 0;
    const b = new TokenBucket(2, 3, () => t);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    t = 500;
    expect([b.take(), b.take()]).toEqual([true, false]);
    t = 10_000;
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
  });
});
