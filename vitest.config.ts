import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

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
    // test/cluster/ needs DATABASE_URL on a Citus coordinator: `CLUSTER_TESTS=1` (the third pass of .ci/run) runs it.
    exclude: [...configDefaults.exclude, ...(process.env.CLUSTER_TESTS ? [] : ['test/cluster/**'])],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files share one fresh database; each test isolates itself in its own organisation.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
