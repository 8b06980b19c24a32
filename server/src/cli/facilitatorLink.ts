/**
 * Issues a new facilitator link for a workshop (the old one stops working).
 * Usage: pnpm facilitator-link [workshopId]   (default: the demo)
 * Run it on the server, with the same DATA_DIR (and DATABASE_URL) as the server.
 */
import { AppPath, demoWorkshopId } from '@plenary/shared';
import { loadConfig } from '../config.js';
import { openStore } from '../adapters.js';
import { hashKey, newFacilitatorKey } from '../auth/secrets.js';

async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const workshopId = process.argv[2] ?? demoWorkshopId;
  const store = await openStore(config);
  try {
    const record = await store.getWorkshop(workshopId);
    if (!record) {
      const known = (await store.listWorkshops()).map((w) => w.id).join(', ') || 'none';
      throw new Error(`No workshop "${workshopId}". Workshops: ${known}`);
    }
    const key = newFacilitatorKey();
    await store.setFacilitatorKeyHash(workshopId, hashKey(key));
    const base = config.publicUrl ?? `http://localhost:${config.port}`;
    console.log(`New facilitator link for "${workshopId}" (the previous one no longer works):\n  ${base}${AppPath.facilitate(workshopId, key)}`);
  } finally {
    await store.close();
  }
}

run().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
