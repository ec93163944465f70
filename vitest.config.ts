import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files share one fresh database; each test isolates itself in its own organisation.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
