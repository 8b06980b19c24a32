/**
 * Archives: a whole workshop as one zip file, the backup and the way to move
 * a workshop to another Plenary server.
 *
 *   manifest.json   format, version, the workshop (id, join code, title, last
 *                   sequence number), and every other file with its size and
 *                   SHA-256
 *   events.jsonl    the event log, one event per line, seq 1…n
 *   docs/NNNN.yjs   each document's content as one Yjs update (names in the manifest)
 *   results.json    each launched poll's results, for people and other tools
 *
 * Importing checks the format, every checksum, every event against the wire
 * schema and the log's sequence, and that the log replays; then stores the
 * log as it is (sequence numbers intact) under the archived id and join code,
 * or new ones where this server already has them (the id inside the log's
 * first event and in document names follows). The facilitator key is new.
 * Sessions do not travel: everyone joins the restored workshop again.
 */
import { createHash } from 'node:crypto';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  applyEvents,
  DomainEvent,
  docName,
  Limits,
  parseDocName,
  pollsInOrder,
  tallyPoll,
  type DocRef,
  type WorkshopState,
} from '@plenary/shared';
import type { Store } from '../../store/Store.js';
import type { Workshops } from '../../workshops/Workshops.js';
import type { WorkshopRuntime } from '../../workshops/WorkshopRuntime.js';

export const archiveFormat = 'plenary-archive';
export const archiveVersion = 1;

/** Bounds of an archive being imported (a zip can unpack to much more than it weighs). */
export const ArchiveLimits = {
  /** Largest archive accepted, in bytes. */
  bytes: 200 * 1024 * 1024,
  /** Largest total of its unpacked files. */
  unpackedBytes: 512 * 1024 * 1024,
  documents: 5000,
} as const;

const FileEntry = z.object({ path: z.string().max(200), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const ArchiveManifest = z.object({
  format: z.literal(archiveFormat),
  version: z.literal(archiveVersion),
  exportedAt: z.string(),
  workshop: z.object({
    id: z.string().min(1).max(Limits.idLength),
    joinCode: z.string().min(1).max(20),
    createdAt: z.number(),
    title: z.string(),
    seq: z.number().int().positive(),
  }),
  events: z.object({ path: z.literal('events.jsonl'), count: z.number().int().positive() }),
  documents: z.array(z.object({ name: z.string().max(400), path: z.string().max(200) })).max(ArchiveLimits.documents),
  files: z.array(FileEntry),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

/** An archive that cannot be imported, and why (in words for the person importing it). */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A document's stored content as one update. */
async function docContent(store: Store, name: string): Promise<Uint8Array> {
  const stored = await store.loadDoc(name);
  const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

/** The whole workshop as an archive, read from the store (everything acknowledged is there). */
export async function exportArchive(store: Store, runtime: WorkshopRuntime, now: number): Promise<{ zip: Uint8Array; manifest: ArchiveManifest }> {
  const record = await store.getWorkshop(runtime.id);
  if (!record) throw new ArchiveError('No such workshop.');
  const events = await store.readEvents(runtime.id, 0);
  const state = applyEvents(null, events);
  if (!state) throw new ArchiveError('The workshop has no log.');
  const files: Record<string, Uint8Array> = {};
  files['events.jsonl'] = encoder.encode(events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const documents: ArchiveManifest['documents'] = [];
  const names = await store.listDocNames(runtime.id);
  for (const [i, name] of names.entries()) {
    const path = `docs/${String(i + 1).padStart(4, '0')}.yjs`;
    files[path] = await docContent(store, name);
    documents.push({ name, path });
  }
  files['results.json'] = encoder.encode(JSON.stringify(resultsOf(state), null, 2));
  const manifest: ArchiveManifest = {
    format: archiveFormat,
    version: archiveVersion,
    exportedAt: new Date(now).toISOString(),
    workshop: { id: state.id, joinCode: state.joinCode, createdAt: record.createdAt, title: state.definition.title, seq: state.seq },
    events: { path: 'events.jsonl', count: events.length },
    documents,
    files: Object.entries(files).map(([path, data]) => ({ path, bytes: data.length, sha256: sha256(data) })),
  };
  const zip = zipSync({ 'manifest.json': encoder.encode(JSON.stringify(manifest, null, 2)), ...files }, { level: 6, mtime: new Date(now) });
  return { zip, manifest };
}

function resultsOf(state: WorkshopState) {
  return pollsInOrder(state.polls)
    .filter((p) => p.status !== 'draft')
    .map((p) => ({ pollId: p.id, question: p.question, status: p.status, results: tallyPoll(p, state.definition) }));
}

/** What an archive holds, checked: its manifest, its log and its documents. */
export interface ReadArchive {
  manifest: ArchiveManifest;
  events: DomainEvent[];
  documents: { ref: DocRef; update: Uint8Array }[];
}

/** Unpacks and checks an archive; throws `ArchiveError` with what is wrong. */
export function readArchive(data: Uint8Array): ReadArchive {
  if (data.length > ArchiveLimits.bytes) throw new ArchiveError('The archive is too large.');
  let unpacked = 0;
  let files: Unzipped;
  try {
    files = unzipSync(data, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > ArchiveLimits.unpackedBytes) throw new ArchiveError('The archive unpacks to too much data.');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('This file is not a Plenary archive (not a zip file).');
  }
  const text = (path: string) => {
    const f = files[path];
    if (!f) throw new ArchiveError(`The archive lacks ${path}.`);
    try {
      return decoder.decode(f);
    } catch {
      throw new ArchiveError(`${path} is not UTF-8 text.`);
    }
  };
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(text('manifest.json'));
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('The manifest is not JSON.');
  }
  const parsed = ArchiveManifest.safeParse(manifestJson);
  if (!parsed.success) throw new ArchiveError(`This is not a Plenary archive this server can read (${parsed.error.issues[0]?.path.join('.') ?? 'manifest'}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  const manifest = parsed.data;
  for (const f of manifest.files) {
    const data = files[f.path];
    if (!data) throw new ArchiveError(`The archive lacks ${f.path}.`);
    if (data.length !== f.bytes || sha256(data) !== f.sha256) throw new ArchiveError(`${f.path} is damaged (its checksum does not match).`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of [manifest.events.path, ...manifest.documents.map((d) => d.path)]) {
    if (!listed.has(path)) throw new ArchiveError(`${path} has no checksum in the manifest.`);
  }

  const lines = text(manifest.events.path).split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== manifest.events.count) throw new ArchiveError('The event log does not have as many events as the manifest says.');
  const events = lines.map((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ArchiveError(`Event ${i + 1} is not JSON.`);
    }
    const e = DomainEvent.safeParse(json);
    if (!e.success) throw new ArchiveError(`Event ${i + 1} is not a valid event (${e.error.issues[0]?.message ?? 'invalid'}).`);
    if (e.data.seq !== i + 1) throw new ArchiveError(`The event log is out of order at event ${i + 1}.`);
    // The parsed event keeps only known fields; store the event exactly as it was written.
    return json as DomainEvent;
  });
  const first = events[0];
  if (first?.type !== 'workshop.created' || first.workshopId !== manifest.workshop.id) throw new ArchiveError('The event log does not start with this workshop’s creation.');
  if (events.length !== manifest.workshop.seq) throw new ArchiveError('The event log ends before the workshop’s last sequence number.');

  const documents = manifest.documents.map((d) => {
    const ref = parseDocName(d.name);
    if (!ref || ref.workshopId !== manifest.workshop.id) throw new ArchiveError(`${d.name} is not a document of this workshop.`);
    const update = files[d.path]!;
    if (update.length > Limits.docBytes) throw new ArchiveError(`${d.name} is larger than a document may be.`);
    try {
      Y.applyUpdate(new Y.Doc(), update);
    } catch {
      throw new ArchiveError(`${d.name} is not a valid document.`);
    }
    return { ref, update };
  });
  return { manifest, events, documents };
}

/**
 * Imports an archive as a new workshop on this server: its log replayed
 * exactly, its documents restored. Returns the workshop and its new facilitator key.
 */
export async function importArchive(
  data: Uint8Array,
  deps: { store: Store; workshops: Workshops },
): Promise<{ runtime: WorkshopRuntime; facilitatorKey: string; renamed: { id: boolean; joinCode: boolean } }> {
  const archive = readArchive(data);
  const { manifest } = archive;
  const relabel = (id: string, joinCode: string): DomainEvent[] => {
    const [created, ...rest] = archive.events;
    if (created?.type !== 'workshop.created') throw new ArchiveError('The event log does not start with the workshop’s creation.');
    return [{ ...created, workshopId: id, joinCode }, ...rest];
  };
  // The log must replay before anything is stored.
  try {
    if (!applyEvents(null, archive.events)) throw new Error('empty');
  } catch {
    throw new ArchiveError('The event log does not replay on this server.');
  }
  const { runtime, facilitatorKey } = await deps.workshops.restore({
    id: manifest.workshop.id,
    joinCode: manifest.workshop.joinCode,
    createdAt: manifest.workshop.createdAt,
    eventsFor: relabel,
  });
  for (const d of archive.documents) {
    await deps.store.appendDocUpdate(docName({ ...d.ref, workshopId: runtime.id } as DocRef), d.update);
  }
  return {
    runtime,
    facilitatorKey,
    renamed: { id: runtime.id !== manifest.workshop.id, joinCode: runtime.state.joinCode !== manifest.workshop.joinCode },
  };
}
