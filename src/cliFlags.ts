import { parseArgs } from 'node:util';
import { DEMO_KEY_SECRET } from '../fixtures/index.js';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_CAPS,
  DEFAULT_CLOCK_MODE,
  DEFAULT_CORS_ORIGINS,
  DEFAULT_SEED,
  DEFAULT_WEBHOOKS,
  PUBLIC_BODY_LIMIT_BYTES,
  PUBLIC_CAPS,
  type SandboxOptions,
} from './config.js';
import { DEFAULT_RATE_LIMITS, PUBLIC_IP_RATE_LIMITS } from './engine/stages/rateLimit.js';
import { DEFAULT_MEMORY, PUBLIC_MEMORY } from './state/budget.js';
import { DEFAULT_EPHEMERAL, PUBLIC_EPHEMERAL } from './state/expiry.js';

/**
 * Every flag of the command line, once: its name, its help, its default and
 * what it changes. The `--help` text, the parser's options, the mapping into
 * `SandboxOptions` and the README's configuration table (a test compares
 * them) all come from this table; the defaults are read from the modules
 * that apply them, so a default is written in one place.
 */

/** What one command line asks for: the sandbox's options and what the CLI itself does. */
export interface Invocation {
  options: SandboxOptions;
  port: number;
  host: string;
  /** shop files to import at start */
  imports: string[];
  /** `--help` or `--version`: print it and exit */
  print?: 'help' | 'version';
}

/** What one flag changes; the changes of the given flags are merged in table order. */
export type Change = Partial<Omit<Invocation, 'options'>> & { options?: SandboxOptions };

/** A default as the help and the README state it; `public` when `--public` changes it. */
export interface Default {
  value: string;
  public?: string;
}

export interface Flag {
  /** without the dashes: `rate-limit-reads` */
  name: string;
  short?: string;
  /** the value's name in the help (`<n>`); a flag without one is a switch */
  value?: string;
  /** may be given more than once */
  multiple?: boolean;
  help: string;
  default?: Default;
  /** an environment variable read when the flag is not given */
  env?: string;
  /** What the given text changes (every occurrence for a repeatable flag, `true` for a switch); `source` names it in errors. */
  apply(given: string | string[] | true, source: string): Change;
}

/** A flag the command line cannot use; said in one line, exit code 2. */
export class UsageError extends Error {}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

type Described<T> = Omit<Flag, 'apply'> & { to: (value: T) => Change };

const switchFlag = ({ to, ...flag }: Described<true>): Flag => ({ ...flag, apply: () => to(true) });
const textFlag = ({ to, ...flag }: Described<string>): Flag => ({ ...flag, apply: (given) => to(given as string) });
const textsFlag = ({ to, ...flag }: Described<string[]>): Flag => ({ ...flag, multiple: true, apply: (given) => to(given as string[]) });

function choiceFlag<T extends string>({ to, choices, ...flag }: Described<T> & { choices: readonly T[] }): Flag {
  return {
    ...flag,
    apply(given, source) {
      if (!choices.includes(given as T)) throw new UsageError(`${source} must be ${choices.join(' or ')}, got '${given}'`);
      return to(given as T);
    },
  };
}

function wholeFlag({ to, min, max = Number.MAX_SAFE_INTEGER, ...flag }: Described<number> & { min: number; max?: number }): Flag {
  return {
    ...flag,
    apply(given, source) {
      const n = Number(given);
      if (given === '' || !Number.isInteger(n) || n < min || n > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
        throw new UsageError(`${source} must be a whole number ${range}, got '${given}'`);
      }
      return to(n);
    },
  };
}

/** A default, with the `--public` one only where it differs. */
function byMode(local: string | number, publicValue: string | number = local): Default {
  return String(publicValue) === String(local) ? { value: String(local) } : { value: String(local), public: String(publicValue) };
}

const OFF: Default = { value: 'off' };
const NONE: Default = { value: 'none' };

export const FLAGS: readonly Flag[] = [
  wholeFlag({
    name: 'port',
    value: '<n>',
    min: 0,
    max: 65_535,
    env: 'PORT',
    default: byMode(DEFAULT_PORT),
    help: 'port to listen on; 0 picks a free one',
    to: (port) => ({ port }),
  }),
  textFlag({ name: 'host', value: '<addr>', default: byMode(DEFAULT_HOST), help: 'address to bind', to: (host) => ({ host }) }),
  wholeFlag({
    name: 'seed',
    value: '<n>',
    min: 0,
    default: byMode(DEFAULT_SEED),
    help: 'fixture and id seed: the same seed gives byte-identical data',
    to: (seed) => ({ options: { seed } }),
  }),
  textFlag({
    name: 'key',
    value: '<secret>',
    default: byMode(DEMO_KEY_SECRET),
    help: "the demo shop's full-access test key",
    to: (key) => ({ options: { key } }),
  }),
  choiceFlag({
    name: 'clock',
    value: '<mode>',
    choices: ['running', 'frozen'] as const,
    default: byMode(DEFAULT_CLOCK_MODE),
    help: 'running: tenant clocks tick with real time; frozen: they move only by POST /v1/test_helpers/clock/advance',
    to: (clockMode) => ({ options: { clockMode } }),
  }),
  wholeFlag({
    name: 'rate-limit-reads',
    value: '<n>',
    min: 1,
    default: byMode(DEFAULT_RATE_LIMITS.read),
    help: 'read requests per key per minute',
    to: (read) => ({ options: { rateLimits: { read } } }),
  }),
  wholeFlag({
    name: 'rate-limit-writes',
    value: '<n>',
    min: 1,
    default: byMode(DEFAULT_RATE_LIMITS.write),
    help: 'write requests per key per minute',
    to: (write) => ({ options: { rateLimits: { write } } }),
  }),
  wholeFlag({
    name: 'ip-rate-limit-reads',
    value: '<n>',
    min: 1,
    default: byMode(NONE.value, PUBLIC_IP_RATE_LIMITS.read),
    help: 'read requests per client IP per minute, over all its keys and shops',
    to: (read) => ({ options: { ipRateLimits: { read } } }),
  }),
  wholeFlag({
    name: 'ip-rate-limit-writes',
    value: '<n>',
    min: 1,
    default: byMode(NONE.value, PUBLIC_IP_RATE_LIMITS.write),
    help: 'write requests per client IP per minute, over all its keys and shops',
    to: (write) => ({ options: { ipRateLimits: { write } } }),
  }),
  textFlag({
    name: 'cors-origins',
    value: '<list>',
    default: byMode(DEFAULT_CORS_ORIGINS),
    help: 'allowed browser origins, comma-separated, or * for any origin without credentials',
    to: (list) => ({ options: { corsOrigins: list === '*' ? '*' : list.split(',').map((o) => o.trim()) } }),
  }),
  wholeFlag({
    name: 'body-limit',
    value: '<bytes>',
    min: 1024,
    default: byMode(DEFAULT_BODY_LIMIT_BYTES, PUBLIC_BODY_LIMIT_BYTES),
    help: 'largest request body; 413 beyond',
    to: (bodyLimitBytes) => ({ options: { bodyLimitBytes } }),
  }),
  wholeFlag({
    name: 'webhook-timeout',
    value: '<ms>',
    min: 1,
    default: byMode(DEFAULT_WEBHOOKS.timeoutMs),
    help: 'how long one webhook delivery attempt may take before it counts as failed',
    to: (timeoutMs) => ({ options: { webhooks: { timeoutMs } } }),
  }),
  switchFlag({ name: 'public', default: OFF, help: 'hosted mode for the docs site, see README', to: () => ({ options: { public: true } }) }),
  wholeFlag({
    name: 'tenant-ttl',
    value: '<s>',
    min: 1,
    default: byMode(DEFAULT_EPHEMERAL.idleTtlSeconds, PUBLIC_EPHEMERAL.idleTtlSeconds),
    help: "idle seconds before a docs visitor's shop is removed",
    to: (idleTtlSeconds) => ({ options: { ephemeral: { idleTtlSeconds } } }),
  }),
  wholeFlag({
    name: 'tenant-lifetime',
    value: '<s>',
    min: 1,
    default: byMode(DEFAULT_EPHEMERAL.maxLifetimeSeconds, PUBLIC_EPHEMERAL.maxLifetimeSeconds),
    help: "seconds after which a visitor's shop is removed at the latest",
    to: (maxLifetimeSeconds) => ({ options: { ephemeral: { maxLifetimeSeconds } } }),
  }),
  wholeFlag({
    name: 'max-tenants',
    value: '<n>',
    min: 1,
    default: byMode(DEFAULT_EPHEMERAL.maxTenants, PUBLIC_EPHEMERAL.maxTenants),
    help: 'visitor shops at once; one more is 503 while all are in use',
    to: (maxTenants) => ({ options: { ephemeral: { maxTenants } } }),
  }),
  wholeFlag({
    name: 'tenants-per-ip',
    value: '<n>',
    min: 1,
    default: byMode(DEFAULT_EPHEMERAL.perIpPerWindow, PUBLIC_EPHEMERAL.perIpPerWindow),
    help: 'visitor shops one client IP may create per window; 429 beyond',
    to: (perIpPerWindow) => ({ options: { ephemeral: { perIpPerWindow } } }),
  }),
  wholeFlag({
    name: 'tenants-window',
    value: '<s>',
    min: 1,
    default: byMode(DEFAULT_EPHEMERAL.windowSeconds, PUBLIC_EPHEMERAL.windowSeconds),
    help: 'that window, in seconds',
    to: (windowSeconds) => ({ options: { ephemeral: { windowSeconds } } }),
  }),
  wholeFlag({
    name: 'max-resources',
    value: '<n>',
    min: 1,
    default: byMode(DEFAULT_CAPS.resourcesPerTenant, PUBLIC_CAPS.resourcesPerTenant),
    help: 'records per collection, and keys per pool, per shop; 422 beyond',
    to: (resourcesPerTenant) => ({ options: { caps: { resourcesPerTenant } } }),
  }),
  wholeFlag({
    name: 'max-import-keys',
    value: '<n>',
    min: 1,
    default: byMode(DEFAULT_CAPS.keysPerImport, PUBLIC_CAPS.keysPerImport),
    help: 'license keys per import call; 422 beyond',
    to: (keysPerImport) => ({ options: { caps: { keysPerImport } } }),
  }),
  wholeFlag({
    name: 'shop-budget',
    value: '<bytes>',
    min: 65_536,
    default: byMode(DEFAULT_MEMORY.shopBytes, PUBLIC_MEMORY.shopBytes),
    help: 'bytes one shop may hold beyond its fixtures; 422 beyond',
    to: (shopBytes) => ({ options: { memory: { shopBytes } } }),
  }),
  wholeFlag({
    name: 'max-memory',
    value: '<bytes>',
    min: 1_048_576,
    default: byMode(DEFAULT_MEMORY.processBytes, PUBLIC_MEMORY.processBytes),
    help: 'bytes all shops together may hold; beyond, the least recently active visitor shops are evicted',
    to: (processBytes) => ({ options: { memory: { processBytes } } }),
  }),
  switchFlag({
    name: 'trust-proxy',
    default: OFF,
    help: 'take the client IP from X-Forwarded-For, one proxy hop',
    to: () => ({ options: { trustProxy: true } }),
  }),
  textFlag({
    name: 'data',
    value: '<dir>',
    default: { value: 'memory only' },
    help: 'keep every shop (but visitor shops) in <dir> across restarts and crashes',
    to: (dataDir) => ({ options: { dataDir } }),
  }),
  textsFlag({
    name: 'import',
    value: '<file>',
    default: NONE,
    help: 'make a shop from an exported shop file at start and print its key; may be repeated',
    to: (imports) => ({ imports }),
  }),
  choiceFlag({
    name: 'log',
    value: '<style>',
    choices: ['pretty', 'json'] as const,
    default: { value: 'pretty on a terminal, json otherwise' },
    help: 'the request and webhook-attempt log: pretty, one compact line each, or json, JSON lines',
    to: (log) => ({ options: { log } }),
  }),
  // after --log, so --quiet wins whatever the order on the command line
  switchFlag({ name: 'quiet', default: OFF, help: 'no request log', to: () => ({ options: { log: false } }) }),
  switchFlag({ name: 'version', short: 'v', help: 'print the version and exit', to: () => ({ print: 'version' }) }),
  switchFlag({ name: 'help', short: 'h', help: 'print this text and exit', to: () => ({ print: 'help' }) }),
];

/** `--port <n>`, as the help's left column and the README's first one show it. */
export const usageOf = (flag: Flag): string => `--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;

/** `(default 10000, --public 1000)` */
export function defaultText(flag: Flag): string {
  if (!flag.default) return '';
  return `(default ${flag.default.value}${flag.default.public === undefined ? '' : `, --public ${flag.default.public}`})`;
}

export function helpText(flags: readonly Flag[] = FLAGS): string {
  const left = flags.map((f) => `${f.short ? `-${f.short}, ` : '    '}${usageOf(f)}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  const lines = flags.map((f, i) => {
    const env = f.env ? `; or ${f.env}=${f.value}` : '';
    return `  ${left[i].padEnd(width)}${[f.help + env, defaultText(f)].filter(Boolean).join(' ')}`;
  });
  return `sx-sandbox — a local, stateful sandbox of the sx commerce API v1\n\nUsage: sx-sandbox [options]\n\n${lines.join('\n')}\n`;
}

/** Said after a usage mistake, instead of the whole help. */
export const USAGE_LINE = 'Usage: sx-sandbox [options]; sx-sandbox --help lists every flag.';

/** The command line read through the table: unknown flags and bad values are UsageErrors. */
export function readCommandLine(args: string[], env: Record<string, string | undefined> = {}, flags: readonly Flag[] = FLAGS): Invocation {
  const values = parse(args, flags);
  let invocation: Invocation = { options: {}, port: DEFAULT_PORT, host: DEFAULT_HOST, imports: [] };
  let refused: UsageError | undefined;
  for (const flag of flags) {
    const fromArgs = values[flag.name];
    // an empty variable (`PORT=`) counts as not set
    const given = fromArgs ?? (flag.env ? env[flag.env] || undefined : undefined);
    if (given === undefined) continue;
    try {
      invocation = withChange(invocation, flag.apply(given as string | string[] | true, fromArgs === undefined ? flag.env! : `--${flag.name}`));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      refused ??= err;
    }
  }
  // --help and --version answer whatever else the line holds
  if (refused && !invocation.print) throw refused;
  return invocation;
}

type Given = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(args: string[], flags: readonly Flag[]): Given {
  const options = Object.fromEntries(
    flags.map((f) => [
      f.name,
      { type: f.value ? ('string' as const) : ('boolean' as const), ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Given;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '?';
      const near = nearest(given.replace(/^-+/, '').split('=')[0], flags);
      throw new UsageError(`unknown flag '${given}'${near ? ` (did you mean --${near}?)` : ''}`);
    }
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((err as Error).message.split('\n')[0]);
    throw err;
  }
}

/** The flag name closest to a mistyped one, if it is close (a typo, not another word). */
function nearest(name: string, flags: readonly Flag[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const flag of flags) {
    const d = editDistance(name, flag.name);
    if (d <= Math.max(1, Math.floor(flag.name.length / 3)) && (!best || d < best.distance)) best = { name: flag.name, distance: d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges one flag's change: nested option groups (`rateLimits`, `caps`, …) member by member. */
function withChange(invocation: Invocation, change: Change): Invocation {
  const { options = {}, ...rest } = change;
  const merged: Record<string, unknown> = { ...invocation.options };
  for (const [key, value] of Object.entries(options)) {
    const before = merged[key];
    merged[key] = isRecord(before) && isRecord(value) ? { ...before, ...value } : value;
  }
  return { ...invocation, ...rest, options: merged as SandboxOptions };
}
