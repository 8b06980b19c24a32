import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../Store.contract.js';
import { SqliteStore } from './SqliteStore.js';
import { sqliteMigrations } from './migrations.js';

let file = '';
describeStoreContract('SqliteStore', {
  async fresh() {
    file = join(mkdtempSync(join(tmpdir(), 'plenary-store-')), 'plenary.db');
    return new SqliteStore(file);
  },
  async reopen() {
    return new SqliteStore(file);
  },
});

describe('SqliteStore migrations', () => {
  it('migrates a new file to the latest version, and reopening changes nothing', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'plenary-mig-')), 'p.db');
    const s = new SqliteStore(f);
    const latest = Math.max(...sqliteMigrations.map((m) => m.version));
    expect(s.schemaVersion()).toBe(latest);
    await s.close();
    const again = new SqliteStore(f);
    expect(again.schemaVersion()).toBe(latest);
    await again.close();
  });
});
