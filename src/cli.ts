#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createSandbox, type SandboxOptions } from './index.js';

const USAGE = `sx-sandbox — a local, stateful sandbox of the sx commerce API v1

Usage: sx-sandbox [options]

  --port <n>               port to listen on (default 4010; 0 picks a free one)
  --host <addr>            address to bind (default 127.0.0.1)
  --seed <n>               fixture/id seed: same seed, same data (default 1)
  --key <secret>           the demo shop's full-access test key (default sx_test_DemoShopFullAccessKey001)
  --clock <mode>           running (default) or frozen: frozen tenant clocks move only via clock/advance
  --rate-limit-reads <n>   read requests per key per minute (default 600)
  --rate-limit-writes <n>  write requests per key per minute (default 120)
  --cors-origins <list>    comma-separated allowed origins, or * (default *)
  --body-limit <bytes>     largest request body (default 1048576)
  --webhook-timeout <ms>   how long one webhook delivery attempt may take (default 10000)
  --public                 hosted mode for the docs site (see README)
  --trust-proxy            take the client IP from X-Forwarded-For
  --quiet                  no request log
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
      'cors-origins': { type: 'string' },
      'body-limit': { type: 'string' },
      'webhook-timeout': { type: 'string' },
      public: { type: 'boolean' },
      'trust-proxy': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const int = (name: string, value: string | undefined, min: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got '${value}'`);
    return n;
  };
  if (values.clock && values.clock !== 'running' && values.clock !== 'frozen') {
    throw new Error(`--clock must be running or frozen, got '${values.clock}'`);
  }
  const origins = values['cors-origins'];
  const options: SandboxOptions = {
    seed: int('seed', values.seed, 0),
    key: values.key,
    clockMode: values.clock as SandboxOptions['clockMode'],
    rateLimits: {
      ...(values['rate-limit-reads'] ? { read: int('rate-limit-reads', values['rate-limit-reads'], 1) } : {}),
      ...(values['rate-limit-writes'] ? { write: int('rate-limit-writes', values['rate-limit-writes'], 1) } : {}),
    },
    corsOrigins: origins === undefined || origins === '*' ? '*' : origins.split(',').map((o) => o.trim()),
    bodyLimitBytes: int('body-limit', values['body-limit'], 1024),
    webhooks: values['webhook-timeout'] ? { timeoutMs: int('webhook-timeout', values['webhook-timeout'], 1) } : undefined,
    public: values.public,
    trustProxy: values['trust-proxy'],
    log: !values.quiet,
  };
  const sandbox = createSandbox(options);
  const port = int('port', values.port ?? process.env.PORT, 0) ?? 4010;
  sandbox.listen(port, values.host ?? '127.0.0.1').then(
    ({ url }) => {
      process.stdout.write(
        `sx-sandbox listening on ${url}\n` +
          `  API base:      ${url}/v1\n` +
          `  test key:      ${sandbox.demoKey}  (demo shop, full access)\n` +
          `  try:           curl -H "Authorization: Bearer ${sandbox.demoKey}" ${url}/v1/products\n`,
      );
    },
    (err: NodeJS.ErrnoException) => {
      process.stderr.write(`sx-sandbox: cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${err.code ?? err.message}\n`);
      process.exit(1);
    },
  );
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (err) {
  process.stderr.write(`sx-sandbox: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
