// Vitest: three tiers (unit, integration, e2e) under tests/; benchmarks stay out of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    // Builds dist/ when missing or stale: test servers serve the built widget and console.
    globalSetup: ['tests/support/build-assets-once.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
