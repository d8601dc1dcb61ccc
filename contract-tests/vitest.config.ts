import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { CoverageLastSequencer } from './harness/sequencer.js';

/**
 * The contract suite: `npm run contract`. It talks HTTP to a target (its own
 * sandbox, or SX_BASE_URL) and knows nothing else about it. Files run one at
 * a time: they share one shop and its rate limits, and the coverage test
 * must see everything the others did.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['contract-tests/**/*.test.ts'],
    globalSetup: ['contract-tests/harness/globalSetup.ts'],
    fileParallelism: false,
    // one worker for every file: the harness (spec validators, ledger) loads once
    isolate: false,
    sequence: { sequencer: CoverageLastSequencer },
    // past the client's courtesy wait (65 s): with an exact rolling window, a key that used its
    // quota waits up to a whole minute, and a test that had to wait must not time out while it does
    testTimeout: 90_000,
    hookTimeout: 30_000,
    reporters: ['default', 'junit'],
    outputFile: { junit: process.env.SX_JUNIT_PATH || 'test-results/contract-junit.xml' },
  },
});
