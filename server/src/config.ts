/**
 * Configuration, from environment variables (only `main.ts` reads the
 * environment; tests build a config directly). Every variable is documented
 * in the README.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const secretTooShort = 'PLENARY_SECRET must be at least 32 characters';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.url().optional(),
  PLENARY_SECRET: z.string().min(32, secretTooShort).optional(),
  /** A file holding the secret (systemd credentials, Docker secrets); its surrounding whitespace is ignored. */
  PLENARY_SECRET_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().optional(),
  SEED_DEMO: bool.default(true),
  DEMO_JOIN_CODE: z.string().optional(),
  JOIN_FAILURES_PER_5_MIN: z.coerce.number().int().positive().default(30),
  JOIN_FAILURES_GLOBAL_PER_5_MIN: z.coerce.number().int().positive().default(600),
  TRUST_PROXY: z.string().optional(),
  HEALTH_TOKEN: z.string().min(32, 'HEALTH_TOKEN must be at least 32 characters').optional(),
  SESSION_DAYS: z.coerce.number().positive().default(30),
  DATABASE_URL: z.string().startsWith('postgres', 'DATABASE_URL must be a postgres:// URL').optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'DATABASE_SCHEMA must be a plain lower-case name').default('public'),
  REDIS_URL: z.string().startsWith('redis', 'REDIS_URL must be a redis:// URL').optional(),
  REDIS_PREFIX: z.string().default('plenary:'),
  NODE_ID: z.string().min(1).max(64).optional(),
  DRAIN_SECONDS: z.coerce.number().min(0).max(120).default(0),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Base URL people use to reach this server; links printed and shown use it. */
  publicUrl: string | null;
  secret: string | null;
  logLevel: string;
  /** Built client to serve; null serves no client (API only). */
  clientDir: string | null;
  seedDemo: boolean;
  /** A fixed join code for the demo (e.g. printed on paper beforehand); random if null. */
  demoJoinCode: string | null;
  /** Wrong join codes allowed per client address per 5 minutes (and, counted apart, wrong facilitator keys). */
  joinFailuresPer5Min: number;
  /** Failed join codes allowed on this node per 5 minutes, from all addresses together. */
  joinFailuresGlobalPer5Min: number;
  /** Express `trust proxy` setting, when behind a reverse proxy. */
  trustProxy: string | null;
  /** Shows /healthz details to requests with `Authorization: Bearer <it>` (the loopback sees them without). */
  healthToken: string | null;
  sessionTtlSeconds: number;
  /** PostgreSQL instead of SQLite (several nodes). */
  databaseUrl: string | null;
  databaseSchema: string;
  /** Redis instead of the in-process bus (several nodes). */
  redisUrl: string | null;
  redisPrefix: string;
  /** How long a stopping node stays up, not ready, before it closes its connections (lets a load balancer notice). */
  drainSeconds: number;
  nodeId: string;
  /** Tuning; tests shorten these. */
  presenceGraceMs: number;
  presenceHeartbeatMs: number;
  presenceExpireMs: number;
  docIdleReleaseMs: number;
  docCompactEvery: number;
  awarenessFlushMs: number;
  snapshotEvery: number;
}

const defaultClientDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../client/dist');

/** Builds the config from environment variables; throws with every problem listed. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ');
    throw new Error(`Invalid configuration:\n  ${problems}`);
  }
  const e = parsed.data;
  const secret = secretFrom(e.PLENARY_SECRET, e.PLENARY_SECRET_FILE);
  return {
    ...baseConfig(),
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ?? null,
    secret,
    logLevel: e.LOG_LEVEL,
    clientDir: e.CLIENT_DIR ? resolve(e.CLIENT_DIR) : defaultClientDir,
    seedDemo: e.SEED_DEMO,
    demoJoinCode: e.DEMO_JOIN_CODE ?? null,
    joinFailuresPer5Min: e.JOIN_FAILURES_PER_5_MIN,
    joinFailuresGlobalPer5Min: e.JOIN_FAILURES_GLOBAL_PER_5_MIN,
    trustProxy: e.TRUST_PROXY ?? null,
    healthToken: e.HEALTH_TOKEN ?? null,
    sessionTtlSeconds: Math.round(e.SESSION_DAYS * 86400),
    databaseUrl: e.DATABASE_URL ?? null,
    databaseSchema: e.DATABASE_SCHEMA,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    drainSeconds: e.DRAIN_SECONDS,
    ...(e.NODE_ID ? { nodeId: e.NODE_ID } : {}),
  };
}

/** The secret from PLENARY_SECRET or from the file PLENARY_SECRET_FILE names (one of them, or neither). */
function secretFrom(value: string | undefined, file: string | undefined): string | null {
  if (file === undefined) return value ?? null;
  const problem = (message: string) => new Error(`Invalid configuration:\n  PLENARY_SECRET_FILE: ${message}`);
  if (value !== undefined) throw problem('set PLENARY_SECRET or PLENARY_SECRET_FILE, not both');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw problem(`cannot read ${file} (${code})`);
  }
  const secret = text.trim();
  if (secret.length < 32) throw problem(`${secretTooShort} (${file} holds ${secret.length} characters)`);
  return secret;
}

/** Defaults for everything; tests override what they need. */
export function baseConfig(): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: resolve('./data'),
    publicUrl: null,
    secret: null,
    logLevel: 'info',
    clientDir: null,
    seedDemo: true,
    demoJoinCode: null,
    joinFailuresPer5Min: 30,
    joinFailuresGlobalPer5Min: 600,
    trustProxy: null,
    healthToken: null,
    sessionTtlSeconds: 30 * 86400,
    databaseUrl: null,
    databaseSchema: 'public',
    redisUrl: null,
    redisPrefix: 'plenary:',
    drainSeconds: 0,
    nodeId: `node-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    presenceGraceMs: 3000,
    presenceHeartbeatMs: 5000,
    presenceExpireMs: 15_000,
    docIdleReleaseMs: 30_000,
    docCompactEvery: 500,
    awarenessFlushMs: 50,
    snapshotEvery: 200,
  };
}
