/**
 * What the REST body parser answers to bodies and headers a careless or hostile
 * client sends (issue 16, item 7): always a 4xx with the documented error shape,
 * never 500, and no error-level log line; nothing changes.
 */
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiPath } from '@plenary/shared';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

/** A logger that keeps every line at debug level and above, parsed. */
function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}

const pinoWarn = 40;

const joinJson = (code: string) =>
  JSON.stringify({ code, name: 'Reza', language: 'fa', affiliation: { kind: 'country', country: 'IR', delegation: 'capital' } });

async function send(path: string, headers: Record<string, string>, body: string | Uint8Array) {
  const res = await fetch(h.url + path, { method: 'POST', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // kept as text: the assertion below says what was expected
  }
  return { status: res.status, body: parsed };
}

const documentedShape = { ok: false, error: { code: expect.stringMatching(/^(invalid|too_large)$/), message: expect.any(String) } };

describe('the REST body parser', () => {
  it('answers an unknown charset and a broken gzip body with 400 invalid, logging at warn at most, adding no one', async () => {
    const { log, lines } = recordingLogger();
    h = await startHarness({}, { log });
    const body = joinJson(h.joinCode);

    const charset = await send(ApiPath.join, { 'content-type': 'application/json; charset=utf-9' }, body);
    expect(charset).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid' } } });
    expect((charset.body as { error: { message: string } }).error.message).toMatch(/charset/i);

    const notGzip = await send(ApiPath.join, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body);
    expect(notGzip).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid' } } });

    const unknownEncoding = await send(ApiPath.join, { 'content-type': 'application/json', 'content-encoding': 'x-bogus' }, body);
    expect(unknownEncoding).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid' } } });

    // A real gzip body still works: the parser is not simply refusing encodings.
    const gzipped = await send(ApiPath.join, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(body));
    expect(gzipped.status).toBe(201);

    const rt = await h.server.workshops.get(h.workshopId);
    expect(Object.keys(rt!.state.participants)).toHaveLength(1);
    expect(lines.filter((l) => l.level > pinoWarn)).toEqual([]);
  });

  it('never answers 5xx to a fuzzed mix of content types, encodings and bodies', async () => {
    const { log, lines } = recordingLogger();
    h = await startHarness({ joinFailuresPer5Min: 10_000 }, { log });
    // A small deterministic generator (mulberry32), so a failure replays.
    let seed = 16_007;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const types = ['application/json', 'application/json; charset=utf-9', 'application/json; charset=latin1', 'application/json; charset=', 'application/json;;', 'text/json'];
    const encodings = ['identity', 'gzip', 'deflate', 'br', 'zstd', 'x-bogus', 'gzip, gzip', ''];
    const bodies: (string | Uint8Array)[] = [
      joinJson('ZZZZZZ'),
      '{"code": ',
      '\u0000\u0001\u0002',
      'null',
      '[]',
      '"text"',
      new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff]),
      gzipSync('{"code": "ZZZZZZ"'),
      gzipSync('not json at all'),
      'x'.repeat(1000),
    ];
    const paths = [ApiPath.join, ApiPath.facilitatorEnter(h.workshopId), ApiPath.workshops];
    const seen: { status: number; body: unknown; sent: string }[] = [];
    for (let i = 0; i < 120; i++) {
      const headers: Record<string, string> = { 'content-type': pick(types) };
      const encoding = pick(encodings);
      if (encoding) headers['content-encoding'] = encoding;
      const r = await send(pick(paths), headers, pick(bodies));
      seen.push({ ...r, sent: JSON.stringify(headers) });
    }
    for (const r of seen) {
      expect(r.status, r.sent).toBeGreaterThanOrEqual(400);
      expect(r.status, r.sent).toBeLessThan(500);
      expect(r.body, r.sent).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    }
    // Whatever the parser refused is in the documented shape with a documented code.
    for (const r of seen.filter((x) => x.status === 400 || x.status === 413)) expect(r.body).toMatchObject(documentedShape);
    expect(lines.filter((l) => l.level > pinoWarn)).toEqual([]);
    const rt = await h.server.workshops.get(h.workshopId);
    expect(Object.keys(rt!.state.participants)).toHaveLength(0);
  });
});
