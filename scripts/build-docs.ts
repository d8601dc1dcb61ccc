/**
 * `npm run build:docs`: the docs page as a folder any static file server
 * can host (dist/docs-site/ unless a folder is given):
 *
 *   index.html     the whole reference, rendered from the spec here (no renderer ships)
 *   docs.js        the page's script: Try it, the path-parameter prefill, the inspector
 *   docs.css       its style
 *   sx-sandbox.js  the sandbox itself (src/browser.ts), which answers Try it in the reader's browser
 *
 * Also run by `npm run build` (scripts/build.ts, which hands it the
 * sx-sandbox.js it just bundled for dist/browser/), and by the docs tests
 * (test/docs/site.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pageHtml, SITE_FILES } from '../src/docs/site/html.js';
import { pageModel } from '../src/docs/site/model.js';
import { DOCS_SITE, SPEC_PATH } from '../src/paths.js';
import { parseYaml } from '../src/spec/load.js';
import { BROWSER_ENTRY, bundleBrowser } from './browserBundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface BuiltFile {
  name: string;
  bytes: number;
  /** what a server sending it gzip-encoded transfers (level 9, as static hosts precompress) */
  gzip: number;
}

export interface BuiltSite {
  dir: string;
  files: BuiltFile[];
  /** every script the page loads, gzip, in bytes */
  scriptGzip: number;
}

/** The page's script (docs.js). */
const DOCS_PAGE_ENTRY = 'src/docs/page/main.ts';

/** `sandbox`: the code of the module that exports createBrowserSandbox (the bundle of src/browser.ts); bundled here unless given. */
export async function buildDocsSite(outDir = DOCS_SITE, sandbox?: string): Promise<BuiltSite> {
  const dir = resolve(outDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const spec = parseYaml(readFileSync(SPEC_PATH, 'utf8'));
  writeFileSync(join(dir, 'index.html'), pageHtml(pageModel(spec as unknown as Record<string, unknown>), SITE_FILES));
  writeFileSync(join(dir, SITE_FILES.style), readFileSync(join(root, 'src', 'docs', 'assets', 'docs.css')));

  writeFileSync(join(dir, SITE_FILES.script), await browserBuild(DOCS_PAGE_ENTRY));
  writeFileSync(join(dir, SITE_FILES.sandbox), sandbox ?? (await browserBuild(BROWSER_ENTRY)));

  const files = [...Object.values(SITE_FILES), 'index.html'].map((name) => {
    const bytes = readFileSync(join(dir, name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const scriptGzip = files.filter((f) => f.name.endsWith('.js')).reduce((sum, f) => sum + f.gzip, 0);
  return { dir, files, scriptGzip };
}

/** `entry` bundled for the browser (scripts/browserBundle.ts), refused when anything in it cannot run in one. */
async function browserBuild(entry: string): Promise<string> {
  const bundle = await bundleBrowser(entry);
  if (bundle.problems.length) throw new Error(`${entry} does not run in a browser:\n  ${bundle.problems.join('\n  ')}`);
  return bundle.code;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** What `npm run build` and `npm run build:docs` print: each file's size, raw and gzip, and the page's JavaScript. */
export function siteReport(site: BuiltSite): string {
  const rows = site.files.map((f) => `  ${f.name.padEnd(14)} ${kB(f.bytes).padStart(10)}  gzip ${kB(f.gzip).padStart(9)}`);
  return `built ${site.dir}\n${rows.join('\n')}\n  JavaScript, gzip: ${kB(site.scriptGzip)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stderr.write(siteReport(await buildDocsSite(process.argv[2])));
}
