import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../Store.contract.js';
import { StaleSequenceError } from '../Store.js';
import { PostgresStore } from './PostgresStore.js';
import { postgresMigrations } from './migrations.js';

/**
 * Runs against the PostgreSQL of this machine (TEST_DATABASE_URL, default the
 * local `test` database). Each run works in a schema of its own and drops it;
 * if the server is not there, these tests fail: they never skip.
 */
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `plenary_t_${randomBytes(5).toString('hex')}`;

describeStoreContract('PostgresStore', {
  fresh: () => PostgresStore.open(url, { schema }),
  reopen: () => PostgresStore.open(url, { schema }),
});

describe('PostgresStore migrations', () => {
  it('migrates once even when several nodes start at the same time', async () => {
    const s2 = `${schema}_m`;
    const opened = await Promise.allSettled([1, 2, 3].map(() => PostgresStore.open(url, { schema: s2 })));
    const stores = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    try {
      expect(opened.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const latest = Math.max(...postgresMigrations.map((m) => m.version));
      for (const s of stores) expect(await s.schemaVersion()).toBe(latest);
    } finally {
      await stores[0]?.dropSchema(s2);
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('accepts exactly one of two appends at the same sequence number from two nodes', async () => {
    const a = await PostgresStore.open(url, { schema });
    const b = await PostgresStore.open(url, { schema });
    const id = `race${randomBytes(3).toString('hex')}`;
    await a.createWorkshop({ id, joinCode: id.toUpperCase(), facilitatorKeyHash: 'h', createdAt: 1 }, []);
    const e = (itemId: string) => [{ type: 'agenda.currentSet' as const, itemId, seq: 1, at: 1 }];
    const results = await Promise.allSettled([a.appendEvents(id, 0, e('from-a')), b.appendEvents(id, 0, e('from-b'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await a.readEvents(id, 0)).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('never deadlocks when two nodes append to the same workshops in opposite orders in one tick', async () => {
    const a = await PostgresStore.open(url, { schema });
    const b = await PostgresStore.open(url, { schema });
    const ids = [0, 1, 2, 3].map(() => `dl${randomBytes(3).toString('hex')}`);
    for (const id of ids) await a.createWorkshop({ id, joinCode: id.toUpperCase(), facilitatorKeyHash: 'h', createdAt: 1 }, []);
    const e = (seq: number, itemId: string) => [{ type: 'agenda.currentSet' as const, itemId, seq, at: 1 }];
    const errors: unknown[] = [];
    try {
      for (let seq = 0; seq < 10; seq++) {
        // Node A writes the workshops in one order, node B in the reverse, each in one transaction.
        const writes = [...ids.map((id) => a.appendEvents(id, seq, e(seq + 1, 'a'))), ...[...ids].reverse().map((id) => b.appendEvents(id, seq, e(seq + 1, 'b')))];
        const results = await Promise.allSettled(writes);
        for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof StaleSequenceError)) errors.push(r.reason);
        // One node's append won each workshop's sequence number, whichever it was.
        for (const id of ids) expect(await a.readEvents(id, seq)).toHaveLength(1);
      }
      expect(errors).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

afterAll(async () => {
  const s = await PostgresStore.open(url, { schema });
  await s.dropSchema(schema);
  await s.close();
});
