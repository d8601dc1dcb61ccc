import { passThrough, runSuite, startSandbox } from './procs.js';

/**
 * `npm run contract:process`: the suite against a sandbox in a separate
 * process, over real HTTP, exactly as against a deployment (SX_BASE_URL +
 * SX_API_KEY). By default it also leaves the sandbox-only operations alone,
 * so the paths a deployment takes (existing orders, a second shop's key, no
 * clock to move) are exercised in CI too; SX_USE_TEST_HELPERS=1 uses them.
 */
const sandbox = await startSandbox();
let code = 1;
try {
  // what a CI engineer would configure for a deployment with a second shop: its key
  const second = await fetch(`${sandbox.url}/v1/test_helpers/tenants`, { method: 'POST' });
  const { secret } = (await second.json()) as { secret: string };
  code = await runSuite(
    {
      SX_BASE_URL: sandbox.url,
      SX_API_KEY: sandbox.key,
      SX_SECOND_API_KEY: process.env.SX_SECOND_API_KEY ?? secret,
      SX_USE_TEST_HELPERS: process.env.SX_USE_TEST_HELPERS ?? '0',
      // the bursts are cheap against a sandbox of our own
      SX_SLOW: process.env.SX_SLOW ?? '1',
      SX_JUNIT_PATH: process.env.SX_JUNIT_PATH ?? 'test-results/contract-process-junit.xml',
    },
    passThrough(),
  );
} finally {
  await sandbox.stop();
}
process.exit(code);
