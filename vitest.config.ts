import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/reliability/**/*.test.ts'],
    pool: 'forks',
    // At least two: on CI's 2 cores vitest would take one, and most tests wait on the processes they start.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/support/temporary-root-setup.ts', 'test/support/quiet-registry-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
