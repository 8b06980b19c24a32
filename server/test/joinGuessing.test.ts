/**
 * Join-code guessing stays bounded while wrong attempts never shut out right ones
 * (issue 16, item 2): a venue is one NAT address, where one person mistyping or one
 * malicious participant must not lock out the room or its facilitator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiPath, type JoinReply, type Result } from '@plenary/shared';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

const venue = '198.51.100.20';

/** A POST from `address` (the server trusts one proxy hop, as behind nginx). */
async function postFrom<T>(address: string, path: string, body: unknown): Promise<{ status: number; body: Result<T>; retryAfter: string | null }> {
  const res = await fetch(h.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Result<T>, retryAfter: res.headers.get('retry-after') };
}

const joinAs = (address: string, code: string, name = 'Reza') =>
  postFrom<JoinReply>(address, ApiPath.join, { code, name, language: 'fa', affiliation: { kind: 'country', country: 'IR', delegation: 'capital' } });
const enterAs = (address: string, key: string) => postFrom<JoinReply>(address, ApiPath.facilitatorEnter(h.workshopId), { key, name: 'Ilias', language: 'en' });
const infoFrom = async (address: string, code: string) => (await fetch(h.url + ApiPath.joinInfo(code), { headers: { 'x-forwarded-for': address } })).status;

/** `n` different wrong codes from `address`; returns their statuses. */
async function guess(address: string, n: number, offset = 0): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = `WRNG${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[(offset + i) % 31]}${'ABCDEFGH'[Math.floor((offset + i) / 31) % 8]}`;
    statuses.push((await joinAs(address, code)).status);
  }
  return statuses;
}

describe('join-code guessing from one address', () => {
  it('after thirty wrong codes, still lets the room in with the right code, and the facilitator with the key', async () => {
    h = await startHarness({ trustProxy: '1' });
    // People at the venue join; then someone behind the same address types thirty-five wrong codes.
    expect((await joinAs(venue, h.joinCode, 'First')).status).toBe(201);
    const wrong = await guess(venue, 35);
    expect(wrong.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(wrong.slice(30)).toEqual([429, 429, 429, 429, 429]); // the guesser is bounded

    expect((await joinAs(venue, h.joinCode, 'Latecomer')).status).toBe(201);
    expect(await infoFrom(venue, h.joinCode.toLowerCase())).toBe(200);
    expect((await enterAs(venue, h.facilitatorKey)).status).toBe(201);
    const rt = await h.server.workshops.get(h.workshopId);
    expect(Object.values(rt!.state.participants).map((p) => p.name).sort()).toEqual(['First', 'Ilias', 'Latecomer']);
  });

  it('refuses a guesser over budget without looking at the code, until the facilitator enters from that network', async () => {
    h = await startHarness({ trustProxy: '1' });
    await guess(venue, 30);
    // Over budget and the code never shown to work here: the same 429 as for a wrong code, so no oracle.
    const refused = await joinAs(venue, h.joinCode);
    expect(refused).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate_limited' } } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(await infoFrom(venue, h.joinCode)).toBe(429);
    // Join-code failures never block a facilitator key; entering proves the code for the room.
    expect((await enterAs(venue, h.facilitatorKey)).status).toBe(201);
    expect((await joinAs(venue, h.joinCode, 'Amina')).status).toBe(201);
    // Another address is not affected by this one's failures.
    expect((await joinAs('203.0.113.9', h.joinCode, 'Elsewhere')).status).toBe(201);
  });

  it('counts wrong facilitator keys apart, and always lets the right key in', async () => {
    h = await startHarness({ trustProxy: '1', joinFailuresPer5Min: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await enterAs(venue, `${'k'.repeat(42)}${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await enterAs(venue, h.facilitatorKey)).status).toBe(201);
    // Wrong keys do not spend the join-code budget.
    expect((await joinAs(venue, 'ZZZZZZ')).status).toBe(404);
    expect((await joinAs(venue, h.joinCode, 'Amina')).status).toBe(201);
  });

  it('never answers a burst of right codes with 429, however many (a room joining at once)', async () => {
    h = await startHarness({ trustProxy: '1', joinFailuresPer5Min: 5 });
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => joinAs(venue, h.joinCode, `P${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
  });
});

describe('join-code guessing from many addresses', () => {
  it('stops looking up unknown codes once the node’s budget is spent, while codes known at an address still work there', async () => {
    h = await startHarness({ trustProxy: '1', joinFailuresPer5Min: 5, joinFailuresGlobalPer5Min: 12 });
    expect((await joinAs(venue, h.joinCode, 'Early')).status).toBe(201);
    // Four addresses, each under its own budget, spend the node's together.
    const spent = [...(await guess('192.0.2.1', 4, 0)), ...(await guess('192.0.2.2', 4, 4)), ...(await guess('192.0.2.3', 4, 8))];
    expect(spent.every((s) => s === 404)).toBe(true);
    expect(await guess('192.0.2.4', 1, 12)).toEqual([429]);
    expect((await joinAs('192.0.2.5', h.joinCode, 'Unknown here')).status).toBe(429);
    expect((await joinAs(venue, h.joinCode, 'Known here')).status).toBe(201);
  });

  it('counts IPv6 addresses by their /56, so one customer’s range is one address', async () => {
    h = await startHarness({ trustProxy: '1', joinFailuresPer5Min: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await joinAs(`2001:db8:0:${i + 1}::1`, `ZZZZZ${i + 2}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});
