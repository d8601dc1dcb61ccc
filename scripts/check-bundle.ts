/**
 * `npm run check:bundle` (part of `npm test`): the sandbox must run in a
 * browser page and a service worker (DESIGN.md, principle 8). Bundles
 * `sx-sandbox/browser` (src/browser.ts) and `sx-sandbox/browser/msw`
 * (src/doors/mswWeb.ts) for the browser, fails naming the
 * importer chain of every Node built-in, Node global or server-only
 * package they reach, and prints what a page transfers (minified + gzip).
 */
import { BROWSER_BUILDS, bundleBrowser } from './browserBundle.js';

let failed = false;
for (const { entry, external } of BROWSER_BUILDS) {
  const { problems, gzipBytes } = await bundleBrowser(entry, { external });
  if (problems.length) {
    failed = true;
    process.stderr.write(`✗ ${entry} does not run in a browser:\n  ${problems.join('\n  ')}\n`);
  } else process.stdout.write(`✓ ${entry} bundles for the browser: ${(gzipBytes / 1024).toFixed(1)} KiB minified + gzip\n`);
}
if (failed) process.exit(1);
