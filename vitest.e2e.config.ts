import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/summary-reporter.ts';

/** Browser tests against the built site; run after `npm run build`. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time on a two-core machine.
    fileParallelism: false,
    reporters: ['default', new SummaryReporter('browser')],
  },
});
