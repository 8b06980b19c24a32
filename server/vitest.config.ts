import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['source'] } },
  resolve: { conditions: ['source'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
    // Safety nets, not budgets: tests wait for events and states, and on a busy 2-core
    // machine (CI beside other work) a real server's round trips can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
