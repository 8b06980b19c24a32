/**
 * Chooses the store and the bus from the configuration: SQLite and the
 * in-process bus by default (one node, nothing to install); PostgreSQL
 * (`DATABASE_URL`) and Redis (`REDIS_URL`) to run several nodes.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Bus } from './bus/Bus.js';
import { InProcessBus } from './bus/memory/InProcessBus.js';
import { RedisBus } from './bus/redis/RedisBus.js';
import type { Store } from './store/Store.js';
import { PostgresStore } from './store/postgres/PostgresStore.js';
import { SqliteStore } from './store/sqlite/SqliteStore.js';

export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl) return PostgresStore.open(config.databaseUrl, { schema: config.databaseSchema });
  return new SqliteStore(join(config.dataDir, 'plenary.db'));
}

export async function openBus(config: Config, log: Logger): Promise<Bus> {
  if (!config.redisUrl) return new InProcessBus();
  let lastWarned = 0;
  return RedisBus.connect(config.redisUrl, {
    prefix: config.redisPrefix,
    onError: (err) => {
      // node-redis reports every failed reconnect; say it once every few seconds.
      if (Date.now() - lastWarned > 5000) {
        lastWarned = Date.now();
        log.warn({ err }, 'redis connection problem; reconnecting');
      }
    },
  });
}
