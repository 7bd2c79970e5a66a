import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'evals/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/**/*.test.ts'],
    // CLI tests spawn several processes; on two shared cores one can take several seconds.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Store tests create real databases; two workers suit a 2-core machine.
    maxWorkers: 2,
    reporters: ['default', './tests/plain-summary-reporter.ts'],
  },
});
