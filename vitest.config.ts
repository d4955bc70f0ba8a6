import { defineConfig } from 'vitest/config';

// Unit and integration tests: pure domain code and the real core on a real encrypted
// database in a temporary folder. End-to-end tests have their own config.
export default defineConfig({
  test: {
    include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globals: false,
    testTimeout: 20_000,
    pool: 'forks',
  },
});
