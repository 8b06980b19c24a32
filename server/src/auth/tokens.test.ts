import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { InvalidTokenError, TokenSigner } from './tokens.js';
import { hashKey, keyMatches, newFacilitatorKey } from './secrets.js';

const secret = new TextEncoder().encode('x'.repeat(40));
const claims = { wid: 'w1', sub: 'p1', role: 'participant' } as const;

describe('TokenSigner', () => {
  it('round-trips claims', async () => {
    const s = new TokenSigner(secret, 3600);
    expect(await s.verify(await s.sign(claims))).toEqual(claims);
  });

  it('rejects expired, forged, tampered and malformed tokens', async () => {
    const s = new TokenSigner(secret, 60);
    const old = await s.sign(claims, Date.now() - 3600_000);
    await expect(s.verify(old)).rejects.toThrow('token expired');
    const other = new TokenSigner(new TextEncoder().encode('y'.repeat(40)), 60);
    await expect(s.verify(await other.sign(claims))).rejects.toBeInstanceOf(InvalidTokenError);
    const good = await s.sign(claims);
    const [h, , sig] = good.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ wid: 'w1', sub: 'p1', role: 'facilitator', iss: 'plenary' })).toString('base64url');
    await expect(s.verify(`${h}.${forgedBody}.${sig}`)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(s.verify('garbage')).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(s.verify(undefined)).rejects.toThrow('missing token');
    const unsigned = await new SignJWT({ wid: 'w1', role: 'facilitator' }).setProtectedHeader({ alg: 'HS256' }).setSubject('p1').sign(secret);
    await expect(s.verify(unsigned)).rejects.toBeInstanceOf(InvalidTokenError); // no issuer
  });
});

describe('facilitator keys', () => {
  it('match their hash only', () => {
    const k = newFacilitatorKey();
    expect(k.length).toBeGreaterThanOrEqual(40);
    expect(keyMatches(k, hashKey(k))).toBe(true);
    expect(keyMatches(`${k}x`, hashKey(k))).toBe(false);
    expect(keyMatches(k, 'not-hex')).toBe(false);
  });
});
