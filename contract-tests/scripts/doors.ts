import { DEMO_KEY_SECRET } from '../../fixtures/index.js';
import { passThrough, runSuite } from './procs.js';

/**
 * `npm run contract:fetch` / `npm run contract:msw`: the contract suite
 * against the sandbox through its in-process doors — `sandbox.fetch` and
 * `sx-sandbox/msw` — with no port for the API; `npm run contract:browser`
 * against createBrowserSandbox's fetch door (the web platform: pure-JS
 * hashing, webhooks POSTed with fetch). The suite sees a deployment
 * at SX_BASE_URL, and the door answers it in process (doorSetup.ts). That
 * URL is loopback port 9, where nothing listens (and which no ephemeral port
 * can be): if the door were not in place, every call would be refused on
 * this machine, never sent anywhere. Webhook deliveries are real HTTP from
 * the sandbox to the suite's receivers on ephemeral loopback ports.
 */
const door = process.argv[2];
if (door !== 'fetch' && door !== 'msw' && door !== 'browser') {
  process.stderr.write('usage: tsx contract-tests/scripts/doors.ts fetch|msw|browser [vitest arguments]\n');
  process.exit(2);
}
const env = {
  SX_DOOR: door,
  SX_BASE_URL: 'http://127.0.0.1:9',
  SX_API_KEY: DEMO_KEY_SECRET,
  // the sandbox behind a door: its decisions are held too, as for the in-process run
  SX_STRICT: '1',
  SX_JUNIT_PATH: process.env.SX_JUNIT_PATH ?? `test-results/contract-${door}-junit.xml`,
};
process.exit(await runSuite(env, passThrough().slice(1), 'contract-tests/scripts/doors.config.ts'));
