/**
 * The browser build of the sandbox, and the check that keeps it one.
 *
 * `bundleBrowser(entry)` bundles with esbuild for `platform: 'browser'` and
 * gives the bundle together with what keeps it from running in a browser:
 * every Node built-in (`node:fs`, `fs`, `crypto`…), server-only or
 * build-time-only package (express, yaml, @faker-js/faker) it imports, and
 * every unguarded use of a Node global (Buffer, process, setImmediate,
 * __dirname…), each named with the chain of importers from the entry.
 * The data module src/browser/data.ts (which reads the YAML and runs faker
 * in Node) is replaced by the same values computed now, as JSON.
 *
 * Used by `npm run build` (writes dist/browser/), `npm run check:bundle`
 * (scripts/check-bundle.ts, part of `npm test`) and the browser tests.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { generate } from '../fixtures/index.js';
import { BUILT_SEEDS } from '../src/browser/data.js';
import { exactJson } from '../src/jsonCache.js';
import { parseYaml, SPEC_PATH } from '../src/spec/load.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** createBrowserSandbox: `sx-sandbox/browser`, dist/browser/sx-sandbox.js */
export const BROWSER_ENTRY = 'src/browser.ts';
/** sxHandlers for setupWorker: `sx-sandbox/browser/msw`, dist/browser/sx-msw.js (imports the page's `msw`) */
export const MSW_ENTRY = 'src/doors/mswWeb.ts';

export interface BrowserBuild {
  entry: string;
  /** its name in dist/browser/ */
  file: string;
  /** imports left to the page */
  external: string[];
}

/** What `npm run build` writes into dist/browser/ and `npm run check:bundle` checks. */
export const BROWSER_BUILDS: readonly BrowserBuild[] = [
  { entry: BROWSER_ENTRY, file: 'sx-sandbox.js', external: [] },
  { entry: MSW_ENTRY, file: 'sx-msw.js', external: ['msw'] },
];

/** Packages that must never reach a browser: the server, and what the build already did (parse YAML, generate fixtures). */
const FORBIDDEN_PACKAGES = /^(express|body-parser|raw-body|yaml|@faker-js\/faker|faker|pino)(\/|$)/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** Node's globals: a browser has none of them. */
const NODE_GLOBALS = ['Buffer', 'process', 'global', 'setImmediate', 'clearImmediate', '__dirname', '__filename'];
const MARK = '__sx_node_global_';
const DATA_MODULE = /[\\/]src[\\/]browser[\\/]data\.(js|ts)$/;

export interface BundleOptions {
  /** minified, for shipping (the check reads the unminified bundle, where each module is named) */
  minify?: boolean;
  /** imports left to the page (sx-msw.js uses the page's msw) */
  external?: string[];
  /** only the problems: no shipped build (code is '' and gzipBytes 0) */
  checkOnly?: boolean;
}

export interface Bundle {
  /** empty when the bundle runs in a browser */
  problems: string[];
  code: string;
  /** minified + gzip, the size a page transfers */
  gzipBytes: number;
}

/**
 * The spec document and the built seeds' histories, as src/browser/data.ts
 * gives them, in a module of JSON. Computed afresh, as scripts/build.ts does
 * for dist/generated: a build writes nothing into the run-time cache.
 */
let built: string | undefined;
function dataModule(): string {
  return (built ??= computeData());
}

function computeData(): string {
  const document = parseYaml(readFileSync(SPEC_PATH, 'utf8'));
  const histories = Object.fromEntries(BUILT_SEEDS.map((seed) => [seed, generate(seed)]));
  // only what JSON holds exactly may be built in (no Infinity, no dates)
  const exact = (name: string, value: unknown): string => {
    const json = exactJson(value);
    if (json === undefined) throw new Error(`${name} does not survive JSON; it cannot be built into the bundle`);
    return json;
  };
  return [
    `export const BUILT_SEEDS = ${JSON.stringify(BUILT_SEEDS)};`,
    `const document = JSON.parse(${JSON.stringify(exact('the spec', document))});`,
    `const histories = JSON.parse(${JSON.stringify(exact('the histories', histories))});`,
    'export function specDocument() { return document; }',
    'export function historyOf(seed) { return histories[seed]; }',
  ].join('\n');
}

interface Refusal {
  what: string;
  importer: string;
}

/** Records every import a browser cannot have (and leaves it out, so one build names them all); swaps in the built data. */
function guard(refusals: Refusal[], external: string[]): Plugin {
  return {
    name: 'sx-browser-guard',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point' || external.includes(args.path)) return undefined;
        if (NODE_BUILTINS.has(args.path) || FORBIDDEN_PACKAGES.test(args.path)) {
          refusals.push({ what: args.path, importer: relative(ROOT, args.importer) });
          return { path: args.path, external: true };
        }
        return undefined;
      });
      b.onLoad({ filter: DATA_MODULE }, () => ({ contents: dataModule(), loader: 'js', resolveDir: ROOT }));
    },
  };
}

/** entry → … → `file`, through the bundle's import graph (shortest). */
function chainTo(meta: Metafile, entry: string, file: string): string[] {
  const back = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === file) break;
    for (const { path } of meta.inputs[at]?.imports ?? []) {
      if (back.has(path) || !meta.inputs[path]) continue;
      back.set(path, at);
      queue.push(path);
    }
  }
  if (!back.has(file)) return [file];
  const chain = [file];
  for (let at = back.get(file)!; at; at = back.get(at)!) chain.unshift(at);
  return chain;
}

/**
 * Uses of Node globals, by module (the unminified bundle names each module
 * in a `// path` comment). A module that feature-detects a global
 * (`typeof global !== 'undefined' ? global : window`) is not using it.
 */
function globalUses(code: string): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const detected = new Map<string, Set<string>>();
  const add = (into: Map<string, Set<string>>, module: string, name: string) => {
    if (!into.has(module)) into.set(module, new Set());
    into.get(module)!.add(name);
  };
  let module = '?';
  for (const line of code.split('\n')) {
    const named = /^\/\/ (\S+\.(?:[cm]?[jt]s|json))$/.exec(line);
    if (named) module = named[1];
    for (const match of line.matchAll(new RegExp(`(typeof\\s+)?${MARK}(\\w+)`, 'g'))) add(match[1] ? detected : used, module, match[2]);
  }
  for (const [name, names] of used) {
    for (const detectedName of detected.get(name) ?? []) names.delete(detectedName);
    if (!names.size) used.delete(name);
  }
  return used;
}

export async function bundleBrowser(entry: string, options: BundleOptions = {}): Promise<Bundle> {
  const refusals: Refusal[] = [];
  const external = options.external ?? [];
  const common: BuildOptions = {
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    external,
  };
  // the checked build: unminified, Node's globals marked wherever they are free (esbuild's define leaves locals alone)
  const checked = await build({
    ...common,
    metafile: true,
    define: Object.fromEntries(NODE_GLOBALS.map((name) => [name, `${MARK}${name}`])),
    plugins: [guard(refusals, external)],
  });
  const entryKey = relative(ROOT, join(ROOT, entry));
  const meta = checked.metafile!;
  const problems = refusals.map(({ what, importer }) => `imports ${what}: ${chainTo(meta, entryKey, importer).join(' → ')}`);
  for (const [module, names] of globalUses(checked.outputFiles![0].text)) {
    problems.push(`uses Node's ${[...names].join(', ')}: ${chainTo(meta, entryKey, module).join(' → ')}`);
  }
  if (options.checkOnly) return { problems, code: '', gzipBytes: 0 };
  const shipped = await build({ ...common, minify: options.minify ?? true, plugins: [guard([], external)] });
  const code = shipped.outputFiles![0].text;
  return { problems, code, gzipBytes: gzipSync(code).length };
}
