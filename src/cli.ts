#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSandbox, type SandboxOptions } from './index.js';
import type { LogStyle } from './log/format.js';
import { packageVersion } from './paths.js';

const USAGE = `sx-sandbox — a local, stateful sandbox of the sx commerce API v1

Usage: sx-sandbox [options]

  --port <n>               port to listen on (default 4010; 0 picks a free one)
  --host <addr>            address to bind (default 127.0.0.1)
  --seed <n>               fixture/id seed: same seed, same data (default 1)
  --key <secret>           the demo shop's full-access test key (default sx_test_DemoShopFullAccessKey001)
  --clock <mode>           running (default) or frozen: frozen tenant clocks move only via clock/advance
  --rate-limit-reads <n>   read requests per key per minute (default 600)
  --rate-limit-writes <n>  write requests per key per minute (default 120)
  --ip-rate-limit-reads <n>   read requests per client IP per minute, over all its keys (default none, --public 1200)
  --ip-rate-limit-writes <n>  write requests per client IP per minute, over all its keys (default none, --public 300)
  --cors-origins <list>    comma-separated allowed origins, or * (default *)
  --body-limit <bytes>     largest request body (default 1048576)
  --webhook-timeout <ms>   how long one webhook delivery attempt may take (default 10000)
  --public                 hosted mode for the docs site (see README)
  --tenant-ttl <s>         idle seconds before a docs visitor's shop is removed (default 3600)
  --tenant-lifetime <s>    seconds after which a visitor's shop is removed at the latest (default 86400)
  --max-tenants <n>        visitor shops at once; one more is 503 while all are in use (default 10000, --public 1000)
  --tenants-per-ip <n>     visitor shops one client IP may create per window (default 100, --public 10)
  --tenants-window <s>     that window in seconds (default 600)
  --max-resources <n>      records per collection (and keys per pool) per shop (default 100000, --public 2000)
  --max-import-keys <n>    license keys per import call (default 5000, --public 500)
  --shop-budget <bytes>    bytes one shop may hold beyond its fixtures (default 268435456, --public 4194304)
  --max-memory <bytes>     bytes all shops together may hold; least recently active visitor shops are evicted beyond (default 1073741824, --public 134217728)
  --data <dir>             keep every shop (but visitor shops) in <dir> across restarts and crashes (default: memory only)
  --import <file>          make a shop from an exported shop file at start and print its key (may be repeated)
  --trust-proxy            take the client IP from X-Forwarded-For
  --log <style>            pretty (one compact line per request and webhook attempt; the default on a terminal)
                           or json (JSON lines; the default when stdout is not a terminal)
  --quiet                  no request log
  -v, --version            the version
  -h, --help               this text
`;

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      key: { type: 'string' },
      clock: { type: 'string' },
      'rate-limit-reads': { type: 'string' },
      'rate-limit-writes': { type: 'string' },
      'ip-rate-limit-reads': { type: 'string' },
      'ip-rate-limit-writes': { type: 'string' },
      'cors-origins': { type: 'string' },
      'body-limit': { type: 'string' },
      'webhook-timeout': { type: 'string' },
      public: { type: 'boolean' },
      'tenant-ttl': { type: 'string' },
      'tenant-lifetime': { type: 'string' },
      'max-tenants': { type: 'string' },
      'tenants-per-ip': { type: 'string' },
      'tenants-window': { type: 'string' },
      'max-resources': { type: 'string' },
      'max-import-keys': { type: 'string' },
      'shop-budget': { type: 'string' },
      'max-memory': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      data: { type: 'string' },
      import: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      log: { type: 'string' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (values.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  const int = (name: string, value: string | undefined, min: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got '${value}'`);
    return n;
  };
  if (values.clock && values.clock !== 'running' && values.clock !== 'frozen') {
    throw new UsageError(`--clock must be running or frozen, got '${values.clock}'`);
  }
  if (values.log !== undefined && values.log !== 'pretty' && values.log !== 'json') throw new UsageError(`--log must be pretty or json, got '${values.log}'`);
  const origins = values['cors-origins'];
  const options: SandboxOptions = {
    seed: int('seed', values.seed, 0),
    key: values.key,
    clockMode: values.clock as SandboxOptions['clockMode'],
    rateLimits: {
      ...(values['rate-limit-reads'] ? { read: int('rate-limit-reads', values['rate-limit-reads'], 1) } : {}),
      ...(values['rate-limit-writes'] ? { write: int('rate-limit-writes', values['rate-limit-writes'], 1) } : {}),
    },
    ipRateLimits: given({
      read: int('ip-rate-limit-reads', values['ip-rate-limit-reads'], 1),
      write: int('ip-rate-limit-writes', values['ip-rate-limit-writes'], 1),
    }),
    corsOrigins: origins === undefined || origins === '*' ? '*' : origins.split(',').map((o) => o.trim()),
    bodyLimitBytes: int('body-limit', values['body-limit'], 1024),
    webhooks: values['webhook-timeout'] ? { timeoutMs: int('webhook-timeout', values['webhook-timeout'], 1) } : undefined,
    public: values.public,
    ephemeral: given({
      idleTtlSeconds: int('tenant-ttl', values['tenant-ttl'], 1),
      maxLifetimeSeconds: int('tenant-lifetime', values['tenant-lifetime'], 1),
      maxTenants: int('max-tenants', values['max-tenants'], 1),
      perIpPerWindow: int('tenants-per-ip', values['tenants-per-ip'], 1),
      windowSeconds: int('tenants-window', values['tenants-window'], 1),
    }),
    caps: given({
      resourcesPerTenant: int('max-resources', values['max-resources'], 1),
      keysPerImport: int('max-import-keys', values['max-import-keys'], 1),
    }),
    memory: given({
      shopBytes: int('shop-budget', values['shop-budget'], 65_536),
      processBytes: int('max-memory', values['max-memory'], 1_048_576),
    }),
    trustProxy: values['trust-proxy'],
    dataDir: values.data,
    log: values.quiet ? false : ((values.log as LogStyle | undefined) ?? (process.stdout.isTTY ? 'pretty' : 'json')),
  };
  const sandbox = createSandbox(options);
  const imported = (values.import ?? []).map((file) => ({ file, ...sandbox.importShop(readFileSync(file, 'utf8'), file) }));
  const port = int('port', values.port ?? process.env.PORT, 0) ?? 4010;
  sandbox.listen(port, values.host ?? '127.0.0.1').then(
    ({ url }) => {
      process.stdout.write(
        `sx-sandbox listening on ${url}\n` +
          `  API base:      ${url}/v1\n` +
          `  test key:      ${sandbox.demoKey}  (demo shop, ${sandbox.config.public ? 'read-only with --public' : 'full access'})\n` +
          `  try:           curl -H "Authorization: Bearer ${sandbox.demoKey}" ${url}/v1/products\n` +
          `  docs:          ${url}/docs  (API reference; Try it gives each visitor a shop of their own)\n` +
          (sandbox.config.dataDir ? `  data:          ${sandbox.config.dataDir}  (every shop kept across restarts)\n` : '') +
          imported.map(({ file, tenant, secret }) => `  imported:      ${file} → shop ${tenant.id}, key ${secret}\n`).join(''),
      );
      if (sandbox.config.public && !sandbox.config.trustProxy) {
        process.stderr.write('sx-sandbox: --public without --trust-proxy: behind a proxy, every visitor counts as the proxy\'s IP.\n');
      }
    },
    (err: NodeJS.ErrnoException) => {
      process.stderr.write(`sx-sandbox: ${listenFailure(err, values.host ?? '127.0.0.1', port)}\n`);
      process.exit(1);
    },
  );
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Only the flags that were given, so the rest keep their (mode-dependent) defaults. */
function given<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A flag the command line cannot use: said with the usage text. */
class UsageError extends Error {}

/** Why listening failed, in words, with what to do about it. */
function listenFailure(err: NodeJS.ErrnoException, host: string, port: number): string {
  switch (err.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (another sx-sandbox?). Stop that process, choose another port with --port <n> (or PORT=<n>), or let the system pick a free one with --port 0.`;
    case 'EACCES':
      return `not allowed to listen on ${host}:${port} (ports below 1024 need privileges). Use --port 4010, or --port 0 for a free one.`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine. Use --host 127.0.0.1 (the default) or one of this machine's addresses.`;
    default:
      return `cannot listen on ${host}:${port}: ${err.code ?? err.message}`;
  }
}

try {
  main();
} catch (err) {
  const usage = err instanceof UsageError || String((err as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`sx-sandbox: ${(err as Error).message}\n${usage ? `\n${USAGE}` : ''}`);
  process.exit(2);
}
