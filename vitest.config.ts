import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Node loads the dependencies'
    // copy from `main`; make the tests' own imports resolve to that same copy.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    setupFiles: ['./test/support/fast-check-seed.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files share one fresh database; each test isolates itself in its own organisation.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
