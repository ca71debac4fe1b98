import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One build of the shipped sources serves every test that reads dist/ or drives a browser.
    globalSetup: ['tests/setup/build-site.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests share one Chromium per file; two cores cannot run many at once.
    maxWorkers: 2,
  },
});
