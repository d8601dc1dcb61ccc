/**
 * `npm run build`: a clean dist/ with the compiled package and, in
 * dist/generated/, what start-up would otherwise compute on every run: the
 * parsed spec and the default seed's shop history. Made by the same modules
 * that read them, so the installed package reads only its own files. And in
 * dist/browser/, the browser build (scripts/browserBundle.ts): sx-sandbox.js
 * (`sx-sandbox/browser`, createBrowserSandbox, with the spec and fixtures
 * inside) and sx-msw.js (`sx-sandbox/browser/msw`: sxHandlers for setupWorker).
 * Then dist/docs-site/ (scripts/build-docs.ts), with that same sx-sandbox.js.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exactJson } from '../src/jsonCache.js';
import { generate } from '../fixtures/index.js';
import { DEFAULT_SEED } from '../src/config.js';
import { SPEC_PATH } from '../src/paths.js';
import { prebuiltFiles } from '../src/prebuilt.js';
import { digestOf, parseYaml, type PrebuiltSpec } from '../src/spec/load.js';
import { BROWSER_BUILDS, BROWSER_ENTRY, bundleBrowser } from './browserBundle.js';
import { buildDocsSite, siteReport } from './build-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const generated = join(dist, 'generated');

rmSync(dist, { recursive: true, force: true }); // nothing left over from modules that no longer exist
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', shell: process.platform === 'win32' });

mkdirSync(generated, { recursive: true });
const raw = readFileSync(SPEC_PATH, 'utf8');
const spec: PrebuiltSpec = { source_sha256: digestOf(raw), document: parseYaml(raw) };
writeJson(prebuiltFiles.spec, spec);
writeJson(prebuiltFiles.history(DEFAULT_SEED), generate(DEFAULT_SEED));

const browser = join(dist, 'browser');
mkdirSync(browser, { recursive: true });
const shipped = new Map<string, string>();
for (const { entry, file, external } of BROWSER_BUILDS) {
  const bundle = await bundleBrowser(entry, { external });
  if (bundle.problems.length) throw new Error(`${entry} does not run in a browser:\n  ${bundle.problems.join('\n  ')}`);
  writeFileSync(join(browser, file), bundle.code);
  shipped.set(entry, bundle.code);
}
process.stderr.write(`built dist/ (spec and the history of seed ${DEFAULT_SEED} in dist/generated/, the browser build in dist/browser/)\n`);

// the docs page ships the sandbox just bundled, not a second bundle of it
process.stderr.write(siteReport(await buildDocsSite(undefined, shipped.get(BROWSER_ENTRY))));

/** Fails the build rather than ship an artefact that reads back different from what was computed (an Infinity, a date). */
function writeJson(file: string, value: unknown): void {
  const json = exactJson(value);
  if (json === undefined) throw new Error(`${file}: the value does not survive JSON; it cannot be prebuilt`);
  writeFileSync(join(generated, file), json);
}
