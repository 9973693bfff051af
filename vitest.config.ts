import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/reliability/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/support/quiet-registry-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
