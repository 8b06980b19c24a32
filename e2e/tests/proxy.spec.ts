/**
 * The documented reverse proxy (docs/deploy/nginx.conf) in front of two nodes on
 * PostgreSQL and Redis (fixtures/cluster.ts): a workshop's archive of several megabytes
 * goes out and comes back in through it. nginx refuses request bodies above its
 * `client_max_body_size` with 413 before the server sees them; it was 1 MB, so a real
 * workshop's archive could not be restored behind the proxy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import * as Y from 'yjs';
import { docName, notesTextKey, OutcomesApiPath, type RestoredWorkshop, type Result } from '@plenary/shared';
import { enterAsFacilitator } from '../load/lib/api.js';
import { openDoc, synced } from '../load/lib/docClient.js';
import { startCluster, type Cluster } from '../fixtures/cluster.js';
import { expect, test } from '../fixtures/test.js';

const deployDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/deploy');
/** Characters per edit: one Yjs update each, under the server's 512 KiB per update. */
const chunkChars = 400_000;
const chunks = 12;

let cluster: Cluster | null = null;
test.afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

/** The demo's id and key, from the facilitator link the first node printed. */
function demoFacilitator(c: Cluster): { workshopId: string; key: string } {
  const link = new URL(c.facilitatorUrl);
  return { workshopId: decodeURIComponent(link.pathname.split('/')[2]!), key: decodeURIComponent(link.hash.replace(/^#key=/, '')) };
}

/**
 * Lets nginx's workers into the folder the cluster fixture gives nginx. Started as root
 * (as here), nginx runs its workers as `nobody`, and the fixture's folder (mkdtemp: mode
 * 0700) keeps them from the request-body files nginx writes there for every body over
 * 16 KB: such a request gets 500 (a deployment's default folders, /var/lib/nginx, are the
 * workers' own). Found by the port the fixture wrote into that nginx.conf.
 */
async function openNginxTemp(c: Cluster): Promise<void> {
  const listen = `listen ${new URL(c.url).host};`;
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith('plenary-nginx-')) continue;
    const dir = join(tmpdir(), name);
    const conf = await readFile(join(dir, 'nginx.conf'), 'utf8').catch(() => '');
    if (!conf.includes(listen)) continue;
    await chmod(dir, 0o711);
    return;
  }
  throw new Error(`no nginx folder of the cluster at ${c.url} in ${tmpdir()}`);
}

/** The text of the workshop's shared notes as an archive holds them. */
function notesInArchive(zip: Uint8Array, workshopId: string): string {
  const files = unzipSync(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { documents: { name: string; path: string }[] };
  const entry = manifest.documents.find((d) => d.name === docName({ kind: 'notes', workshopId }));
  if (!entry) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, files[entry.path]!);
  return doc.getText(notesTextKey).toString();
}

/** What the nodes logged at level error or above, to explain a failure. */
function nodeErrors(c: Cluster): string {
  return c.nodes
    .flatMap((n) => n.output().split('\n'))
    .filter((line) => /"level":(50|60)/.test(line))
    .join('\n');
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

test('a multi-megabyte archive is downloaded and restored through nginx (docs/deploy/nginx.conf) in front of two nodes', async () => {
  cluster = await startCluster(2);
  await openNginxTemp(cluster);
  const { url } = cluster;
  const { workshopId, key } = demoFacilitator(cluster);
  const facilitator = await enterAsFacilitator(url, workshopId, key, 'Archivist');

  // Several megabytes of shared notes, written through nginx as the app writes them
  // (y-websocket, one update per edit). Random text: the archive's zip cannot shrink it much.
  const doc = new Y.Doc();
  const provider = openDoc(`${url.replace(/^http/, 'ws')}/yjs`, docName({ kind: 'notes', workshopId }), doc, facilitator.token);
  let written = '';
  try {
    await synced(provider, 20_000);
    const text = doc.getText(notesTextKey);
    for (let i = 0; i < chunks; i++) {
      const chunk = randomBytes((chunkChars * 3) / 4).toString('base64');
      text.insert(text.length, chunk);
      written += chunk;
    }
    // Stored once the archive, read from PostgreSQL, holds all of it.
    const auth = { authorization: `Bearer ${facilitator.token}` };
    let archive = new Uint8Array();
    await expect
      .poll(
        async () => {
          const res = await fetch(url + OutcomesApiPath.archive(workshopId), { headers: auth });
          expect(res.status).toBe(200);
          archive = new Uint8Array(await res.arrayBuffer());
          return notesInArchive(archive, workshopId).length;
        },
        { timeout: 60_000, intervals: [500, 1000, 2000] },
      )
      .toBe(written.length);
    expect(sha(notesInArchive(archive, workshopId))).toBe(sha(written));
    // Several times the old 1 MB limit, far under the server's 200 MiB.
    expect(archive.length).toBeGreaterThan(3 * 1024 * 1024);
    console.log(`archive: ${(archive.length / 1024 / 1024).toFixed(1)} MiB (notes ${(written.length / 1024 / 1024).toFixed(1)} MiB)`);

    const upload = await fetch(url + OutcomesApiPath.restore, { method: 'POST', headers: { ...auth, 'content-type': 'application/zip' }, body: archive });
    expect(upload.status, `POST ${OutcomesApiPath.restore} through nginx; the nodes' errors:\n${nodeErrors(cluster)}`).toBe(201);
    const restored = (await upload.json()) as Result<RestoredWorkshop>;
    if (!restored.ok) throw new Error(`restore: ${restored.error.message}`);
    expect(restored.data.workshopId).not.toBe(workshopId);

    // The restored workshop opens through nginx with its new key, its notes whole.
    const entered = await enterAsFacilitator(url, restored.data.workshopId, restored.data.facilitatorKey, 'Restorer');
    const copy = new Y.Doc();
    const reader = openDoc(`${url.replace(/^http/, 'ws')}/yjs`, docName({ kind: 'notes', workshopId: restored.data.workshopId }), copy, entered.token);
    try {
      await synced(reader, 30_000);
      const restoredText = copy.getText(notesTextKey).toString();
      expect(restoredText.length).toBe(written.length);
      expect(sha(restoredText)).toBe(sha(written));
    } finally {
      reader.destroy();
      copy.destroy();
    }
  } finally {
    provider.destroy();
    doc.destroy();
  }
});

test("compose's nginx.compose.conf is the tested nginx.conf, but for the upstream servers", async () => {
  const body = (text: string) =>
    text
      .slice(text.indexOf('worker_processes'))
      .split('\n')
      .filter((line) => !/^\s*server \S+:\d+ /.test(line))
      .join('\n');
  const tested = await readFile(join(deployDir, 'nginx.conf'), 'utf8');
  const compose = await readFile(join(deployDir, 'nginx.compose.conf'), 'utf8');
  expect(body(compose)).toBe(body(tested));
  expect(compose).toMatch(/^\s*server node1:3000 .*;$/m);
  expect(compose).toMatch(/^\s*server node2:3000 .*;$/m);
  // The limit the restore above relies on.
  expect(tested).toMatch(/^\s*client_max_body_size 200m;$/m);
});
