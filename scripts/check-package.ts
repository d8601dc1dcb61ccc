/**
 * `npm run check:package`: the package as a stranger gets it. Reviews what
 * `npm pack --dry-run` would publish, packs it, installs the tarball with
 * --omit=dev into an empty directory, and there runs the README's quick start
 * (`npx sx-sandbox --port 0`, then GET /v1/products with the printed key), the
 * README's createSandbox and fetch/MSW examples as plain .mjs files (and once
 * more from the repository), and type-checks them as a TypeScript consumer with
 * skipLibCheck off. Exits non-zero on the first failure. Everything listens
 * on 127.0.0.1; the temporary directory is removed at the end (KEEP=1 keeps it).
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeBlockAfter, reviewFiles, reviewLinks, type PackedFile } from './packageReview.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'sx-package-'));
const consumer = join(work, 'consumer');
const cacheHome = join(work, 'cache');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const EXAMPLE_HEADING = 'In your own tests';
// child processes get a cache directory of their own, so "nothing was cached" can be checked
const env = { ...process.env, XDG_CACHE_HOME: cacheHome, SX_SANDBOX_CACHE_DIR: undefined, npm_config_update_notifier: 'false' };

function step(name: string): void {
  process.stdout.write(`\n▸ ${name}\n`);
}

function fail(message: string): never {
  throw new Error(message);
}

/** Runs a command to its end (bounded), returning stdout; a non-zero exit fails the check with its output. */
function run(command: string, args: string[], options: SpawnSyncOptions & { timeoutMs?: number } = {}): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: options.timeoutMs ?? 300_000, ...options, shell: process.platform === 'win32' });
  const stdout = String(result.stdout ?? '');
  const stderr = String(result.stderr ?? '');
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n${stdout}\n${stderr}`);
  return { stdout, stderr };
}

function reviewTarball(): void {
  step('npm pack --dry-run: only what runs, LICENSE, README links that resolve');
  const { stdout, stderr } = run('npm', ['pack', '--dry-run', '--json'], { cwd: root });
  const warnings = stderr.split('\n').filter((line) => /npm warn/i.test(line));
  if (warnings.length) fail(`npm pack warned:\n${warnings.join('\n')}`);
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { files: PackedFile[]; size: number; unpackedSize: number }[];
  const problems = [...reviewFiles(packed.files), ...reviewLinks(readme, packed.files)];
  if (problems.length) fail(`the tarball is not clean:\n  ${problems.join('\n  ')}`);
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  process.stdout.write(`  ${packed.files.length} files, ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked\n`);
}

function packAndInstall(): void {
  step('npm pack, then npm install <tarball> --omit=dev in an empty directory');
  const { stdout } = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
  const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string }[];
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'sx-sandbox-consumer', private: true, type: 'module' }));
  run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(work, filename)], { cwd: consumer });
  process.stdout.write(`  installed ${filename}\n`);
}

async function quickStart(): Promise<void> {
  step('npx sx-sandbox --version, then --port 0 and GET /v1/products with the printed key');
  const shown = run('npx', ['--no-install', 'sx-sandbox', '--version'], { cwd: consumer, timeoutMs: 60_000 }).stdout.trim();
  if (shown !== version) fail(`--version printed '${shown}', expected '${version}'`);
  // its own process group, so stopping it stops npx and the sandbox npx started
  const child = spawn('npx', ['--no-install', 'sx-sandbox', '--port', '0'], {
    cwd: consumer,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    shell: process.platform === 'win32',
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM'); // already gone, or no process groups (Windows)
    }
  };
  let url = '';
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner within 60 s:\n${out}\n${err}`)), 60_000);
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (/test key:\s+\S+/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`sx-sandbox exited ${code} before listening:\n${out}\n${err}`)));
    });
    url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? fail(`no URL in the banner:\n${out}`);
    const key = /test key:\s+(sx_test_\w+)/.exec(out)?.[1] ?? fail(`no key in the banner:\n${out}`);
    const reply = await fetch(`${url}/v1/products`, { headers: { Authorization: `Bearer ${key}` } });
    const body = (await reply.json()) as { data?: { id: string }[] };
    if (reply.status !== 200 || !body.data?.some((p) => p.id === 'prod_01J2PVQR41'))
      fail(`GET /v1/products answered ${reply.status}: ${JSON.stringify(body).slice(0, 300)}`);
    process.stdout.write(`  ${url}/v1/products → 200, ${body.data.length} products\n`);
  } finally {
    stop();
  }
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  // the sandbox itself must be gone too: nothing answers at its address any more
  const answers = () =>
    fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
  for (let waited = 0; await answers(); waited += 100) {
    if (waited >= 5_000) fail(`sx-sandbox still answers at ${url} 5 s after SIGTERM`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (existsSync(join(consumer, 'node_modules', '.cache'))) fail('the sandbox wrote into node_modules/.cache');
  if (existsSync(join(cacheHome, 'sx-sandbox'))) fail('the default seed was computed at run time (a cache was written): dist/generated was not used');
  process.stdout.write('  nothing written into node_modules, nothing computed that the build made\n');
}

/** The README's examples under these headings; `adds` are what a reader installs next to the package for one. */
const EXAMPLES: { heading: string; file: string; adds: string[] }[] = [
  { heading: EXAMPLE_HEADING, file: 'example', adds: [] },
  { heading: 'Without a port: the fetch and MSW doors', file: 'example-doors', adds: ['msw'] },
  { heading: 'In a browser: `sx-sandbox/browser`', file: 'example-browser', adds: [] },
];

/** The version range this repository develops against, so the consumer gets what the tests ran with. */
function devRange(name: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return `${name}@${pkg.devDependencies[name] ?? fail(`${name} is not a devDependency`)}`;
}

function readmeExample(): void {
  for (const { heading, file, adds } of EXAMPLES) {
    step(`the README's "${heading}" example as a plain .mjs file, installed and from the repository`);
    if (adds.length) run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...adds.map(devRange)], { cwd: consumer });
    const code = codeBlockAfter(readme, heading);
    writeFileSync(join(consumer, `${file}.mjs`), code);
    const installed = run(process.execPath, [`${file}.mjs`], { cwd: consumer, timeoutMs: 60_000 }).stdout;
    // from the repository the package name resolves to the package itself (self-reference through "exports")
    const fromRepo = run(process.execPath, ['--input-type=module', '--eval', code], { cwd: root, timeoutMs: 60_000 }).stdout;
    const promised = /\/\/ (20[01] .+)$/m.exec(code)?.[1] ?? fail('the example no longer says what it prints');
    for (const [where, output] of [
      ['installed', installed],
      ['repository', fromRepo],
    ]) {
      if (output.trim() !== promised) fail(`${where}: the example printed '${output.trim()}', the README says '${promised}'`);
    }
    process.stdout.write(`  printed '${promised}' both times\n`);
    writeFileSync(join(consumer, `${file}.ts`), code);
  }

  step('the same examples type-checked as a TypeScript consumer, skipLibCheck: false');
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true },
      files: EXAMPLES.map(({ file }) => `${file}.ts`),
    }),
  );
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], { cwd: consumer, timeoutMs: 120_000 });
  process.stdout.write('  no errors: the public types need nothing but the package and its dependencies\n');
}

async function main(): Promise<void> {
  const began = Date.now();
  try {
    reviewTarball();
    packAndInstall();
    await quickStart();
    readmeExample();
    process.stdout.write(`\n✓ package check passed in ${Math.round((Date.now() - began) / 1000)} s\n`);
  } finally {
    if (process.env.KEEP === '1') process.stdout.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`\n✗ package check failed: ${err.message}\n`);
  process.exit(1);
});
