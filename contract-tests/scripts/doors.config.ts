import { defineConfig } from 'vitest/config';
import base from '../vitest.config.js';

const DOOR_SETUP = 'contract-tests/scripts/doorSetup.ts';

/** The contract suite's own config, with the sandbox behind an in-process door (doorSetup.ts) in both of vitest's processes. */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // first: the harness's globalSetup probes the target through the door
    globalSetup: [DOOR_SETUP, ...[base.test?.globalSetup ?? []].flat()],
    setupFiles: [DOOR_SETUP],
  },
});
