import { passThrough, runSuite, SPEC, startPrism, startSandbox } from './procs.js';

/**
 * `npm run contract:via-prism`: the suite against a sandbox, through Prism's
 * validating proxy, so a second, independent validator checks every exchange.
 *
 * Prism runs without `--errors`: with it, Prism answers any request it finds
 * invalid (and any missing or non-Bearer Authorization) itself, so the
 * suite's 400/401/422 tests would test Prism instead of the target. Without
 * it, everything reaches the target and Prism reports what it found in the
 * `sl-violations` header of each answer; the suite fails any test whose
 * answer Prism found in breach of the spec, and any 2xx to a request Prism
 * found invalid (see harness/conformance.ts). One request never gets past
 * Prism's own HTTP server, a body that is not JSON: SX_VIA_PRISM=1 tells the
 * suite not to send it.
 */
const sandbox = await startSandbox();
let code = 1;
try {
  const prism = await startPrism(['proxy', SPEC, sandbox.url]);
  try {
    code = await runSuite(
      {
        SX_BASE_URL: prism.url,
        SX_API_KEY: sandbox.key,
        SX_SLOW: process.env.SX_SLOW ?? '1',
        SX_VIA_PRISM: '1',
        SX_JUNIT_PATH: process.env.SX_JUNIT_PATH ?? 'test-results/contract-prism-proxy-junit.xml',
      },
      passThrough(),
    );
  } finally {
    await prism.stop();
  }
} finally {
  await sandbox.stop();
}
process.exit(code);
