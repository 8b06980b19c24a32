/**
 * The release artifact, installed as a venue's IT person would: unpacked into an empty
 * folder and started with its launcher, with plain `node` (PATH holds node and nothing
 * else: no pnpm, no compiler, no tsx), nothing of this checkout's environment, and, as
 * scripts/release-smoke.sh runs it, in a network namespace with loopback only (no internet:
 * the check fails if that is not so). Then, through the
 * server's real API, as the clients speak it (e2e/load/lib: REST, Socket.IO, y-websocket):
 * health (details on the loopback only) and readiness, the web app served, a facilitator creates a board, a participant
 * joins and adds a note, another participant sees it; the server is stopped (SIGTERM, exit
 * 0) and started again from the same folder, and a third participant finds the note.
 *
 * Also checks what the artifact holds: the launcher, the README, the license, the built
 * server with source maps, the client, the compiled SQLite binding; production
 * dependencies only (every package in it is one the server needs in production, and no
 * dev dependency of the workspace is there); node runs with --enable-source-maps; the
 * secret is read from PLENARY_SECRET_FILE; the data directory is 0700 and the database 0600.
 * Anything missing fails the run.
 *
 *   tsx scripts/releaseSmoke.ts <release/plenary-….tar.gz>   (scripts/release-smoke.sh runs it)
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type * as Y from 'yjs';
import { BoardDoc, docName } from '@plenary/shared';
import { createBoardAt, workshopIdFor } from '../load/lib/api.js';
import { joinParticipant, leave, RoundCounters, type JoinContext, type Participant } from '../load/lib/participant.js';
import { readHealth, stopChild } from '../load/lib/server.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const joinCode = 'PACK23';
const timeoutMs = 20_000;
/** Tools that must never ship, whatever the lockfile says. */
const devTools = ['typescript', 'vitest', 'vite', 'eslint', 'tsx', 'esbuild', '@playwright/test', 'playwright-core', 'typescript-eslint', '@vitejs/plugin-react', 'socket.io-client', 'y-websocket', 'react', 'react-dom', 'node-gyp'];

const t0 = performance.now();
const log = (message: string) => console.log(`[release-smoke ${((performance.now() - t0) / 1000).toFixed(1)} s] ${message}`);
function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

async function main(): Promise<void> {
  const artifact = process.argv[2];
  check(artifact && existsSync(artifact), `usage: releaseSmoke.ts <artifact.tar.gz> (got ${artifact ?? 'nothing'})`);
  const work = mkdtempSync(join(tmpdir(), 'plenary-release-'));
  try {
    const home = unpack(resolve(artifact), work);
    checkContents(home);
    checkProductionOnly(home);
    await runIt(home, work);
    log('passed');
  } finally {
    if (process.env.KEEP_RELEASE_SMOKE) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** Unpacks into an empty folder; the artifact holds exactly one top folder. */
function unpack(artifact: string, work: string): string {
  const into = join(work, 'install');
  mkdirSync(into);
  execFileSync('tar', ['-xzf', artifact, '-C', into]);
  const top = readdirSync(into);
  check(top.length === 1, `the artifact should hold one folder, it holds: ${top.join(', ')}`);
  const home = join(into, top[0]!);
  check(artifact.endsWith(`${top[0]}.tar.gz`), `the folder ${top[0]} is not named after the artifact ${artifact}`);
  log(`unpacked ${top[0]} (${(statSync(artifact).size / 1e6).toFixed(1)} MB) into ${into}`);
  return home;
}

function checkContents(home: string): void {
  for (const path of ['bin/plenary', 'README.md', 'LICENSE', 'CHANGELOG.md', 'release.json', 'server/package.json', 'server/dist/main.js', 'server/dist/main.js.map', 'server/dist/cli/facilitatorLink.js', 'client/dist/index.html', 'deploy/plenary.service', 'deploy/nginx.conf']) {
    check(existsSync(join(home, path)), `the release lacks ${path}`);
  }
  check((statSync(join(home, 'bin/plenary')).mode & 0o111) !== 0, 'bin/plenary is not executable');
  const readme = readFileSync(join(home, 'README.md'), 'utf8');
  for (const word of ['PLENARY_SECRET', 'PLENARY_SECRET_FILE', 'DATA_DIR', 'PORT', 'bin/plenary']) check(readme.includes(word), `the release README does not mention ${word}`);
  check(!readme.includes('@VERSION@') && !readme.includes('@NAME@'), 'the release README has placeholders left');
  const info = JSON.parse(readFileSync(join(home, 'release.json'), 'utf8')) as { version: string; nodeAbi: number };
  check(info.nodeAbi === Number(process.versions.modules), `release.json says Node ABI ${info.nodeAbi}, this Node is ${process.versions.modules}`);
  const binding = findFiles(join(home, 'server/node_modules/.pnpm'), (p) => p.endsWith('/build/Release/better_sqlite3.node'));
  check(binding.length === 1, `expected one compiled better-sqlite3 binding in the release, found ${binding.length}`);
  for (const gone of ['server/src', 'server/test', 'server/tsconfig.json']) check(!existsSync(join(home, gone)), `the release holds ${gone}`);
  log(`contents: launcher, README, LICENSE, server (with source maps), client, ${binding[0]!.slice(home.length + 1)}`);
}

/**
 * Production dependencies only. The packages in the release's node_modules must be in the
 * server's production closure as pnpm resolves it in this checkout, and no dev dependency
 * of any workspace package may be there, unless production needs it too (ws, yjs, zod,
 * @types/node through engine.io are such); the tools in `devTools` never.
 */
function checkProductionOnly(home: string): void {
  const shipped = shippedPackages(join(home, 'server/node_modules/.pnpm'));
  const production = productionClosure();
  const extra = [...shipped].filter((name) => !production.has(name));
  check(extra.length === 0, `the release holds packages the server does not need in production: ${extra.join(', ')}`);
  const devOnly = new Set<string>();
  for (const pkg of ['package.json', 'shared/package.json', 'server/package.json', 'client/package.json', 'e2e/package.json']) {
    const json = JSON.parse(readFileSync(join(repoRoot, pkg), 'utf8')) as { devDependencies?: Record<string, string> };
    for (const name of Object.keys(json.devDependencies ?? {})) if (!production.has(name)) devOnly.add(name);
  }
  for (const tool of devTools) devOnly.add(tool);
  const present = [...devOnly].filter((name) => shipped.has(name) || existsSync(join(home, 'server/node_modules', name)));
  check(present.length === 0, `dev dependencies in the release: ${present.join(', ')}`);
  log(`${shipped.size} packages, all production dependencies of the server; none of ${devOnly.size} dev-only packages (${devTools.slice(0, 4).join(', ')}, …)`);
}

/** Names of the packages in a pnpm virtual store (`.pnpm/<id>/node_modules/<name>`, real folders only). */
function shippedPackages(store: string): Set<string> {
  const names = new Set<string>();
  for (const id of readdirSync(store)) {
    const modules = join(store, id, 'node_modules');
    if (!existsSync(modules)) continue;
    for (const entry of readdirSync(modules)) {
      const paths = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const name of paths) if (!lstatSync(join(modules, name)).isSymbolicLink()) names.add(name);
    }
  }
  return names;
}

interface ListedDependency {
  dependencies?: Record<string, ListedDependency>;
  optionalDependencies?: Record<string, ListedDependency>;
}

/** The server's production dependencies, transitively, as pnpm resolves them in this checkout. */
function productionClosure(): Set<string> {
  const out = execFileSync('pnpm', ['--filter', '@plenary/server', 'list', '--prod', '--depth', 'Infinity', '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const [server] = JSON.parse(out) as ListedDependency[];
  check(server, 'pnpm list found no @plenary/server');
  const names = new Set<string>();
  const walk = (deps: Record<string, ListedDependency> | undefined) => {
    for (const [name, dep] of Object.entries(deps ?? {})) {
      if (names.has(name) && !dep.dependencies) continue;
      names.add(name);
      walk(dep.dependencies);
      walk(dep.optionalDependencies);
    }
  };
  walk(server.dependencies);
  walk(server.optionalDependencies);
  return names;
}

function findFiles(dir: string, match: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(path, match));
    else if (entry.isFile() && match(path)) found.push(path);
  }
  return found;
}

interface Started {
  child: ChildProcess;
  url: string;
  facilitatorKey: string | null;
  workshopId: string | null;
  /** The command the server's start-up text names for a new facilitator link. */
  linkHint: Promise<string>;
}

/** The environment of a venue server: PATH with node alone, nothing inherited from this checkout or from pnpm. */
function venueEnv(work: string): NodeJS.ProcessEnv {
  const bin = join(work, 'bin');
  if (!existsSync(bin)) {
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
  }
  const secretFile = join(work, 'secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, `${randomBytes(36).toString('base64url')}\n`, { mode: 0o600 });
  return {
    PATH: bin,
    HOME: work,
    LANG: 'C.UTF-8',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DEMO_JOIN_CODE: joinCode,
    PLENARY_SECRET_FILE: secretFile,
  };
}

/** Starts the release's launcher from a folder of its own; resolves once it listens. */
async function start(home: string, work: string): Promise<Started> {
  const cwd = join(work, 'run');
  mkdirSync(cwd, { recursive: true });
  const child = spawn(join(home, 'bin/plenary'), [], { cwd, env: venueEnv(work), stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  });
  let hinted: (command: string) => void = () => {};
  const linkHint = new Promise<string>((ok) => (hinted = ok));
  return new Promise((ok, fail) => {
    let link: URL | null = null;
    const timer = setTimeout(() => fail(new Error(`the release did not listen within ${timeoutMs} ms:\n${tail.join('\n')}`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`the release exited (${signal ?? code}) before listening:\n${tail.join('\n')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      tail.push(line);
      const found = /(https?:\/\/\S+\/f\/\S+#key=\S+)/.exec(line)?.[1];
      if (found) link = new URL(found);
      const hint = /For a new one: (.+)$/.exec(line)?.[1];
      if (hint) hinted(hint.trim());
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { event?: string; url?: string; level?: number; msg?: string };
      if ((entry.level ?? 0) >= 50) tail.push(`server error: ${entry.msg}`);
      if (entry.event !== 'listening' || !entry.url) return;
      clearTimeout(timer);
      // The demo's link is printed before the "listening" line on a first start.
      const l = link as URL | null;
      ok({
        child,
        url: entry.url,
        facilitatorKey: l ? decodeURIComponent(l.hash.replace(/^#key=/, '')) : null,
        workshopId: l ? decodeURIComponent(l.pathname.split('/')[2] ?? '') : null,
        linkHint,
      });
    });
  });
}

async function stop(server: Started): Promise<void> {
  await stopChild(server.child);
  check(server.child.exitCode === 0, `the release did not exit cleanly on SIGTERM (exit ${server.child.exitCode ?? server.child.signalCode})`);
}

function noteIn(doc: Y.Doc, id: string): Promise<void> {
  const board = new BoardDoc(doc);
  return new Promise((ok, fail) => {
    if (board.get(id)) return ok();
    const timer = setTimeout(() => fail(new Error(`the note ${id} did not arrive within ${timeoutMs} ms`)), timeoutMs);
    const seen = () => {
      if (!board.get(id)) return;
      clearTimeout(timer);
      board.items.unobserveDeep(seen);
      ok();
    };
    board.items.observeDeep(seen);
  });
}

/** Whether this process reaches anything beyond loopback (release-smoke.sh runs it where it must not). */
async function online(): Promise<boolean> {
  try {
    await fetch('https://registry.npmjs.org/', { signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

async function runIt(home: string, work: string): Promise<void> {
  if (!process.env.RELEASE_SMOKE_ONLINE) check(!(await online()), 'this check must run offline (scripts/release-smoke.sh runs it in a network namespace; RELEASE_SMOKE_ONLINE=1 to run it online)');
  const startedAt = performance.now();
  let server = await start(home, work);
  log(`listening at ${server.url} after ${Math.round(performance.now() - startedAt)} ms (PATH=${join(work, 'bin')}: node only; ${process.env.RELEASE_SMOKE_ONLINE ? 'online' : 'offline: loopback only'})`);
  const opened: Participant[] = [];
  try {
    const cmdline = readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0');
    check(cmdline.includes('--enable-source-maps'), `node runs without --enable-source-maps: ${cmdline.join(' ')}`);
    check(cmdline.some((a) => a.startsWith(home) && a.endsWith('server/dist/main.js')), `node does not run the release's server: ${cmdline.join(' ')}`);

    const health = await readHealth(server.url);
    check(health.ok && typeof health.node === 'string', `GET /healthz on the loopback: ${JSON.stringify(health)}`);
    // A request a proxy passed on learns that the node lives, nothing more (no PID, no counts, no memory).
    const forwarded = await (await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).json();
    check(JSON.stringify(forwarded) === '{"ok":true}', `GET /healthz through a proxy shows ${JSON.stringify(forwarded)}`);
    const ready = await fetch(`${server.url}/readyz`);
    check(ready.status === 200, `GET /readyz: ${ready.status}`);
    const page = await fetch(server.url);
    check(page.status === 200 && (page.headers.get('content-type') ?? '').includes('text/html') && (await page.text()).includes('<script'), 'GET / does not serve the web app');
    log('healthz ok, readyz 200, the web app served');

    // The data directory is the launcher's default (beside bin/), and the secret came from the file.
    check(existsSync(join(home, 'data/plenary.db')), 'no database in the release folder\'s data/ (the launcher\'s default DATA_DIR)');
    check(!existsSync(join(home, 'data/secret.key')), 'the server generated a secret although PLENARY_SECRET_FILE was given');
    // The server's user alone reads the data (the launcher runs with the default umask).
    const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
    check(modeOf(join(home, 'data')) === '700', `data/ has mode ${modeOf(join(home, 'data'))}, not 700`);
    for (const file of ['plenary.db', 'plenary.db-wal']) check(modeOf(join(home, 'data', file)) === '600', `data/${file} has mode ${modeOf(join(home, 'data', file))}, not 600`);

    check(server.facilitatorKey && server.workshopId, 'the release printed no facilitator link on first start');
    const workshopId = await workshopIdFor(server.url, joinCode);
    check(workshopId === server.workshopId, `join code ${joinCode} opens ${workshopId}, the link names ${server.workshopId}`);
    const { boardId } = await createBoardAt(server.url, workshopId, server.facilitatorKey, 'Release smoke');
    const ctx: JoinContext = { url: server.url, code: joinCode, docName: docName({ kind: 'board', workshopId, boardId }), timeoutMs, counters: new RoundCounters() };

    const writer = await joinParticipant(ctx, 0);
    opened.push(writer);
    log(`a participant joined (REST, Socket.IO sync, board ${boardId} synced over y-websocket)`);
    const noteId = `smoke-${randomBytes(4).toString('hex')}`;
    writer.doc.transact(() => {
      new BoardDoc(writer.doc).add(noteId, { kind: 'note', x: 40, y: 40, w: 160, h: 100, color: 'yellow', text: 'Shipped from an empty folder', author: writer.session.participantId, at: Date.now() });
    });
    const reader = await joinParticipant(ctx, 1);
    opened.push(reader);
    await noteIn(reader.doc, noteId);
    const seen = new BoardDoc(reader.doc).get(noteId);
    check(seen?.kind === 'note' && seen.text === 'Shipped from an empty folder', `the other participant sees ${JSON.stringify(seen)}`);
    log('a board edit (a note) reached another participant');
    opened.splice(0).forEach(leave);

    await stop(server);
    server = await start(home, work);
    check(!server.facilitatorKey, 'the restarted release seeded the demo again (printed a new facilitator link)');
    const later = await joinParticipant({ ...ctx, url: server.url }, 2);
    opened.push(later);
    await noteIn(later.doc, noteId);
    log('stopped (SIGTERM, exit 0) and started again: the note is still there');
    // What the server tells whoever started it must be a command that exists where it runs (no pnpm here).
    const hint = await Promise.race([server.linkHint, new Promise<string>((_, fail) => setTimeout(() => fail(new Error('the restarted release printed no hint for a new facilitator link')), timeoutMs))]);
    check(hint === `${join(home, 'bin/plenary')} facilitator-link`, `the restarted release says to run "${hint}" for a new facilitator link`);
    log(`its start-up text names ${hint.replace(home, '<release>')} for a new facilitator link`);
  } finally {
    opened.forEach(leave);
    await stopChild(server.child);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[release-smoke] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
