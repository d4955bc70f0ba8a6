import { defineConfig } from 'vitest/config';

// End-to-end: the built app served by the browser host, driven in Debian's Chromium.
// Run after `electron-vite build` (npm run test:e2e does both).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
