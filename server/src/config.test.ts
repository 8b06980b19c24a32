import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: the server secret', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const secretFile = (content: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-config-'));
    dirs.push(dir);
    const file = join(dir, 'secret');
    writeFileSync(file, content, { mode: 0o600 });
    return file;
  };
  const secret = 'a'.repeat(24) + 'b'.repeat(24);

  it('is null when neither PLENARY_SECRET nor PLENARY_SECRET_FILE is set (the data directory keeps one)', () => {
    expect(loadConfig({}).secret).toBeNull();
  });

  it('comes from PLENARY_SECRET', () => {
    expect(loadConfig({ PLENARY_SECRET: secret }).secret).toBe(secret);
  });

  it('comes from the file PLENARY_SECRET_FILE names, without the newline an editor or `echo` adds', () => {
    expect(loadConfig({ PLENARY_SECRET_FILE: secretFile(`  ${secret}\n`) }).secret).toBe(secret);
  });

  it('refuses both at once, a missing file and a file with too short a secret, naming the variable', () => {
    const file = secretFile(secret);
    expect(() => loadConfig({ PLENARY_SECRET: secret, PLENARY_SECRET_FILE: file })).toThrow(/PLENARY_SECRET_FILE: set PLENARY_SECRET or PLENARY_SECRET_FILE, not both/);
    expect(() => loadConfig({ PLENARY_SECRET_FILE: join(tmpdir(), 'plenary-no-such-secret') })).toThrow(/PLENARY_SECRET_FILE: cannot read .*plenary-no-such-secret \(ENOENT\)/);
    expect(() => loadConfig({ PLENARY_SECRET_FILE: secretFile('short\n') })).toThrow(/PLENARY_SECRET_FILE: PLENARY_SECRET must be at least 32 characters \(.* holds 5 characters\)/);
    expect(() => loadConfig({ PLENARY_SECRET_FILE: '' })).toThrow(/Invalid configuration/);
  });

  it('still refuses a short PLENARY_SECRET', () => {
    expect(() => loadConfig({ PLENARY_SECRET: 'short' })).toThrow(/PLENARY_SECRET must be at least 32 characters/);
  });
});
