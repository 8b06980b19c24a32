/**
 * Starts a Plenary node: reads the environment, opens the store, seeds the
 * demo on first start, listens, and shuts down cleanly on SIGINT/SIGTERM.
 */
import { AppPath, formatJoinCode } from '@plenary/shared';
import { loadConfig } from './config.js';
import { createServer } from './createServer.js';
import { openBus, openStore } from './adapters.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const store = await openStore(config);
  const bus = await openBus(config, log);
  const server = createServer(config, { store, bus, log });
  const url = await server.listen();

  if (config.seedDemo) {
    const demo = await server.seedDemo();
    const joinUrl = `${url}${AppPath.join(demo.joinCode)}`;
    if (demo.facilitatorKey) {
      const facilitatorUrl = `${url}${AppPath.facilitate(demo.workshopId, demo.facilitatorKey)}`;
      // The link holds the key: print it for the person starting the server, keep it out of the structured log.
      log.info({ event: 'demo-ready', workshopId: demo.workshopId, joinCode: demo.joinCode, joinUrl }, 'demo workshop ready');
      console.log(
        [
          '',
          '  Plenary is running. The demo workshop is ready:',
          '',
          `    Facilitator (keep this link private; it is shown only once):`,
          `      ${facilitatorUrl}`,
          `    Participants join at ${url} with the code ${formatJoinCode(demo.joinCode)}`,
          `      or directly: ${joinUrl}`,
          '',
        ].join('\n'),
      );
    } else {
      log.info({ event: 'demo-ready', workshopId: demo.workshopId, joinCode: demo.joinCode, joinUrl }, 'demo workshop ready');
      console.log(
        [
          '',
          `  Plenary is running at ${url}. Participants join the demo with the code ${formatJoinCode(demo.joinCode)}.`,
          // A release's launcher says how it was called (bin/plenary); from the repository it is pnpm.
          `  The demo facilitator link was printed at first start. For a new one: ${process.env.PLENARY_LAUNCHER ? `${process.env.PLENARY_LAUNCHER} facilitator-link` : 'pnpm facilitator-link'}`,
          '',
        ].join('\n'),
      );
    }
  }
  log.info(
    { event: 'listening', url, node: config.nodeId, store: config.databaseUrl ? 'postgres' : 'sqlite', bus: config.redisUrl ? 'redis' : 'in-process' },
    'listening',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(
      () => {
        log.error('shutdown took too long; exiting');
        process.exit(1);
      },
      10_000 + config.drainSeconds * 1000,
    );
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
