// The one table of flags (src/cliFlags.ts): what each flag maps to, that the defaults it states are the
// defaults the sandbox applies, and that the README's configuration table lists exactly its flags.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY_SECRET } from '../fixtures/index.js';
import { FLAGS, helpText, readCommandLine, usageOf, UsageError, type Flag } from '../src/cliFlags.js';
import { resolveConfig, type SandboxOptions } from '../src/config.js';
import { systemClock } from '../src/state/clock.js';

const resolved = (options: SandboxOptions) => resolveConfig(options, { key: DEMO_KEY_SECRET, clock: systemClock });

describe('readCommandLine', () => {
  it('maps every option flag into SandboxOptions, nested groups member by member', () => {
    const line = [
      '--port',
      '0',
      '--host',
      '::1',
      '--seed',
      '7',
      '--key',
      'sx_test_MyOwnKeyForFrontend00001',
      '--clock',
      'frozen',
      '--rate-limit-reads',
      '10',
      '--rate-limit-writes',
      '5',
      '--ip-rate-limit-reads',
      '20',
      '--ip-rate-limit-writes',
      '6',
      '--cors-origins',
      'https://a.example, https://b.example',
      '--body-limit',
      '2048',
      '--webhook-timeout',
      '50',
      '--public',
      '--tenant-ttl',
      '60',
      '--tenant-lifetime',
      '600',
      '--max-tenants',
      '3',
      '--tenants-per-ip',
      '2',
      '--tenants-window',
      '30',
      '--max-resources',
      '40',
      '--max-import-keys',
      '9',
      '--shop-budget',
      '65536',
      '--max-memory',
      '1048576',
      '--trust-proxy',
      '--data',
      '/tmp/shops',
      '--import',
      'a.json',
      '--import',
      'b.json',
      '--log',
      'pretty',
    ];
    expect(readCommandLine(line)).toEqual({
      port: 0,
      host: '::1',
      imports: ['a.json', 'b.json'],
      options: {
        seed: 7,
        key: 'sx_test_MyOwnKeyForFrontend00001',
        clockMode: 'frozen',
        rateLimits: { read: 10, write: 5 },
        ipRateLimits: { read: 20, write: 6 },
        corsOrigins: ['https://a.example', 'https://b.example'],
        bodyLimitBytes: 2048,
        webhooks: { timeoutMs: 50 },
        public: true,
        ephemeral: { idleTtlSeconds: 60, maxLifetimeSeconds: 600, maxTenants: 3, perIpPerWindow: 2, windowSeconds: 30 },
        caps: { resourcesPerTenant: 40, keysPerImport: 9 },
        memory: { shopBytes: 65536, processBytes: 1048576 },
        trustProxy: true,
        dataDir: '/tmp/shops',
        log: 'pretty',
      },
    });
  });

  it('gives nothing it was not told, so every option keeps its (mode-dependent) default', () => {
    expect(readCommandLine([])).toEqual({ options: {}, port: 4010, host: '127.0.0.1', imports: [] });
    expect(readCommandLine(['--cors-origins', '*']).options).toEqual({ corsOrigins: '*' });
  });

  it('reads PORT when --port is not given, and --port over it', () => {
    expect(readCommandLine([], { PORT: '5001' }).port).toBe(5001);
    expect(readCommandLine(['--port', '5002'], { PORT: '5001' }).port).toBe(5002);
    expect(readCommandLine([], { PORT: '' }).port).toBe(4010);
    expect(() => readCommandLine([], { PORT: 'abc' })).toThrow("PORT must be a whole number from 0 to 65535, got 'abc'");
  });

  it('--quiet wins over --log in either order; --help wins over a bad value', () => {
    expect(readCommandLine(['--quiet', '--log', 'json']).options.log).toBe(false);
    expect(readCommandLine(['--log', 'json', '--quiet']).options.log).toBe(false);
    expect(readCommandLine(['--clock', 'sideways', '--help']).print).toBe('help');
    expect(readCommandLine(['-v']).print).toBe('version');
  });

  it.each([
    [['--nope'], "unknown flag '--nope'"],
    [['--sed', '1'], "unknown flag '--sed' (did you mean --seed?)"],
    [['--clock', 'sideways'], "--clock must be running or frozen, got 'sideways'"],
    [['--log', 'loud'], "--log must be pretty or json, got 'loud'"],
    [['--port', '70000'], "--port must be a whole number from 0 to 65535, got '70000'"],
    [['--seed', '1.5'], "--seed must be a whole number ≥ 0, got '1.5'"],
    [['--max-tenants', '0'], "--max-tenants must be a whole number ≥ 1, got '0'"],
    [['--rate-limit-reads', ''], "--rate-limit-reads must be a whole number ≥ 1, got ''"],
    [['--body-limit', '1000'], "--body-limit must be a whole number ≥ 1024, got '1000'"],
    [['--public=yes'], "Option '--public' does not take an argument"],
    [['--port'], "Option '--port <value>' argument missing"],
    [['stray'], "Unexpected argument 'stray'"],
  ])('%j is a usage error: %s', (args, message) => {
    let thrown: unknown;
    try {
      readCommandLine(args);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});

describe('the defaults the table states', () => {
  /** Defaults said in words: nothing to pass as a value. */
  const WORDS = new Set(['none', 'off', 'memory only', 'pretty on a terminal, json otherwise']);

  /** The flag given its stated default changes nothing the sandbox resolves; undefined when the default is words, not a value. */
  function restates(flag: Flag, mode: 'local' | 'public'): boolean | undefined {
    const value = mode === 'public' ? (flag.default?.public ?? flag.default?.value) : flag.default?.value;
    if (value === undefined || !flag.value || WORDS.has(value)) return undefined;
    const { options } = flag.apply(value, `--${flag.name}`);
    if (!options) return undefined; // --port, --host: the CLI's own
    const base: SandboxOptions = mode === 'public' ? { public: true } : {};
    return JSON.stringify(resolved({ ...base, ...options })) === JSON.stringify(resolved(base));
  }

  it('are the defaults the sandbox applies, locally and with --public', () => {
    const checked: string[] = [];
    for (const flag of FLAGS) {
      for (const mode of ['local', 'public'] as const) {
        const same = restates(flag, mode);
        if (same === undefined) continue;
        expect(same, `${usageOf(flag)}: its ${mode} default is not what the sandbox applies`).toBe(true);
        checked.push(`${flag.name} ${mode}`);
      }
    }
    // 17 value-taking option flags in both modes, and the two per-IP limits (none locally) with --public
    expect(checked.length).toBe(2 * 17 + 2);
  });

  it('a stated default that is not the real one is caught', () => {
    const maxTenants = FLAGS.find((f) => f.name === 'max-tenants')!;
    expect(restates({ ...maxTenants, default: { value: '9999', public: '1000' } }, 'local')).toBe(false);
    expect(restates({ ...maxTenants, default: { value: '10000', public: '999' } }, 'public')).toBe(false);
  });

  it('switches are off unless given', () => {
    for (const flag of FLAGS.filter((f) => !f.value && f.default)) expect(flag.default, flag.name).toEqual({ value: 'off' });
  });
});

describe('--help', () => {
  it('has one line per flag, with its default', () => {
    const lines = helpText()
      .split('\n')
      .filter((l) => /^ {2}(-\w, )? *--/.test(l));
    expect(lines).toHaveLength(FLAGS.length);
    FLAGS.forEach((flag, i) => {
      expect(lines[i]).toContain(usageOf(flag));
      if (flag.short) expect(lines[i]).toContain(`-${flag.short}, --${flag.name}`);
      if (flag.env) expect(lines[i]).toContain(flag.env);
      if (flag.default) {
        expect(lines[i]).toContain(`(default ${flag.default.value}`);
        if (flag.default.public) expect(lines[i]).toContain(`--public ${flag.default.public})`);
      }
    });
  });
});

// ---- the README's configuration table ------------------------------------------------------------

interface Row {
  spans: string[];
  defaults: string;
}

/** The rows of the table under `## Configuration`, by their first cell's first code span. */
function readmeRows(readme: string): Map<string, Row> {
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(section.indexOf('| flag | default |'));
  const rows = new Map<string, Row>();
  for (const line of table.split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [flagCell, defaultCell] = line
      .split(/(?<!\\)\|/)
      .slice(1, 3)
      .map((c) => c.trim());
    const spans = [...flagCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    rows.set(spans[0] ?? flagCell, { spans, defaults: defaultCell.replace(/`/g, '') });
  }
  return rows;
}

/** Where the README's table and the flag table disagree, in words; empty when they match. */
function mismatches(readme: string, flags: readonly Flag[]): string[] {
  const rows = readmeRows(readme);
  const out: string[] = [];
  for (const flag of flags) {
    const row = rows.get(usageOf(flag));
    if (!row) {
      out.push(`${usageOf(flag)} is not in the README`);
      continue;
    }
    const spans = [usageOf(flag), ...(flag.short ? [`-${flag.short}`] : []), ...(flag.env ? [flag.env] : [])];
    if (row.spans.join(' ') !== spans.join(' ')) out.push(`${usageOf(flag)}: the README names ${row.spans.join(', ')}, the help ${spans.join(', ')}`);
    const stated = flag.default ? [flag.default.value, ...(flag.default.public ? [flag.default.public, '--public'] : [])] : [];
    for (const part of stated) if (!row.defaults.includes(part)) out.push(`${usageOf(flag)}: the README's default '${row.defaults}' does not say ${part}`);
    if (!flag.default && row.defaults) out.push(`${usageOf(flag)}: the README states a default the help does not`);
  }
  const known = new Set(flags.map(usageOf));
  for (const name of rows.keys()) if (!known.has(name)) out.push(`${name} is in the README but not a flag`);
  return out;
}

describe("the README's configuration table", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('lists exactly the flags of the table, with their defaults', () => {
    expect(mismatches(readme, FLAGS)).toEqual([]);
  });

  it('fails when a flag is missing from either side, or a default differs', () => {
    const withoutSeedRow = readme.replace(/^\| `--seed <n>` .*\n/m, '');
    expect(mismatches(withoutSeedRow, FLAGS)).toEqual(['--seed <n> is not in the README']);
    expect(
      mismatches(
        readme,
        FLAGS.filter((f) => f.name !== 'seed'),
      ),
    ).toEqual(['--seed <n> is in the README but not a flag']);
    const otherDefault = readme.replace('| `--tenants-window <s>` | `600` |', '| `--tenants-window <s>` | `60` |');
    expect(mismatches(otherDefault, FLAGS)).toEqual(["--tenants-window <s>: the README's default '60' does not say 600"]);
    const noEnv = readme.replace('| `--port <n>` / `PORT` |', '| `--port <n>` |');
    expect(mismatches(noEnv, FLAGS)).toEqual(['--port <n>: the README names --port <n>, the help --port <n>, PORT']);
  });
});
