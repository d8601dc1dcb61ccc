/**
 * First step of `npm test`: the docs-page tests drive a real Chromium
 * (test/docs/browser.ts: CHROMIUM_PATH, else Debian's /usr/bin/chromium).
 * Without one, say in one line how to get it, instead of failing deep
 * inside a test after half a minute.
 */
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
if (probe.status !== 0) {
  const why = probe.error ? (probe.error as NodeJS.ErrnoException).code : `exit ${probe.status}`;
  process.stderr.write(
    `npm test needs Chromium for the docs-page tests, and ${path} cannot run (${why}): install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu; .ci/run does this), or set CHROMIUM_PATH to a Chromium or Chrome binary.\n`,
  );
  process.exit(1);
}
