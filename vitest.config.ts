import { defineConfig } from 'vitest/config';

// Test kinds by file suffix: *.test.ts are unit tests (no network beyond undici MockAgent),
// *.e2e.ts start the real processes and talk HTTP over loopback.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{lib,gateway,subgraphs,simulators,scripts,test}/**/*.test.ts'],
          environment: 'node',
          // Stack tests start a simulator and a subgraph (now with key set-up) inside the test; on
          // the shared 2-core machine that alone can pass vitest's 5 s default.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The web workspace in Debian's chromium (playwright-core), against the real system and the built web/dist.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
