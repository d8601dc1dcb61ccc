#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { helpText, readCommandLine, USAGE_LINE, UsageError, type Invocation } from './cliFlags.js';
import { createSandbox, type Sandbox } from './index.js';
import { packageVersion } from './paths.js';

function main(): void {
  const invocation = readCommandLine(process.argv.slice(2), process.env);
  if (invocation.print === 'help') return void process.stdout.write(helpText());
  if (invocation.print === 'version') return void process.stdout.write(`${packageVersion()}\n`);
  // the log's style follows the terminal unless --log or --quiet said otherwise
  const sandbox = createSandbox({ log: process.stdout.isTTY ? 'pretty' : 'json', ...invocation.options });
  const imported = invocation.imports.map((file) => ({ file, ...sandbox.importShop(readFileSync(file, 'utf8'), file) }));
  sandbox.listen(invocation.port, invocation.host).then(
    ({ url }) => announce(sandbox, url, imported),
    (err: NodeJS.ErrnoException) => {
      process.stderr.write(`sx-sandbox: ${listenFailure(err, invocation)}\n`);
      process.exit(1);
    },
  );
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The banner: where the sandbox is, its key, and what to try first. */
function announce(sandbox: Sandbox, url: string, imported: { file: string; tenant: { id: string }; secret: string }[]): void {
  process.stdout.write(
    `sx-sandbox listening on ${url}\n` +
      `  API base:      ${url}/v1\n` +
      `  test key:      ${sandbox.demoKey}  (demo shop, ${sandbox.config.public ? 'read-only with --public' : 'full access'})\n` +
      `  try:           curl -H "Authorization: Bearer ${sandbox.demoKey}" ${url}/v1/products\n` +
      `  docs:          ${url}/docs  (API reference; Try it answers in your browser, or from this server)\n` +
      (sandbox.config.dataDir ? `  data:          ${sandbox.config.dataDir}  (every shop kept across restarts)\n` : '') +
      imported.map(({ file, tenant, secret }) => `  imported:      ${file} → shop ${tenant.id}, key ${secret}\n`).join(''),
  );
  if (sandbox.config.public && !sandbox.config.trustProxy) {
    process.stderr.write("sx-sandbox: --public without --trust-proxy: behind a proxy, every visitor counts as the proxy's IP.\n");
  }
}

/** Why listening failed, in words, with what to do about it. */
function listenFailure(err: NodeJS.ErrnoException, { host, port }: Invocation): string {
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
  // one line that says what is wrong; a usage mistake adds where the flags are listed
  process.stderr.write(`sx-sandbox: ${(err as Error).message}\n${err instanceof UsageError ? `${USAGE_LINE}\n` : ''}`);
  process.exit(2);
}
