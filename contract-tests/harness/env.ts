/**
 * Everything the suite reads from the environment, read and checked in one
 * place. A deployment is named by SX_BASE_URL + SX_API_KEY; without them the
 * suite starts its own sandbox. Refusals say what is wrong and how to fix it.
 */
export interface SuiteEnv {
  /** the deployment to test, or undefined to start an in-process sandbox */
  baseUrl?: string;
  apiKey?: string;
  /** a test key of a second shop on the same deployment, for the tenancy tests */
  secondApiKey?: string;
  /** where the deployment can reach the local webhook receiver */
  webhookPublicUrl?: string;
  /** where the local webhook receiver listens (host:port) */
  webhookListen: { host: string; port: number };
  webhookTimeoutMs: number;
  /** run the tests tagged slow (the read burst); undefined = decide from the target */
  slow?: boolean;
  bodyLimitBytes: number;
  /** use the sandbox-only operations where the target has them (0 = behave as against a deployment) */
  useTestHelpers: boolean;
  /** the target sits behind Prism's validating proxy, which answers unparsable JSON itself (set by contract:via-prism) */
  viaPrism: boolean;
  /** hold a deployment to this sandbox's decisions too, not only to the reference (SX_STRICT=1) */
  strict: boolean;
}

export class EnvError extends Error {}

// the reference's own minted key has 18 characters after the prefix: no length is part of the contract
const TEST_KEY = /^sx_test_[0-9A-Za-z]{8,}$/;

function testKey(name: string, value: string): string {
  if (!value.startsWith('sx_test_')) {
    throw new EnvError(
      `${name} is not an sx_test_ key (it starts with '${value.slice(0, 8)}…'). The contract suite creates products, ` +
        'refunds orders, triggers payouts and mints keys, so it only ever runs with test keys. Mint one with ' +
        '{"mode": "test"} and pass that instead.',
    );
  }
  if (!TEST_KEY.test(value)) throw new EnvError(`${name} does not look like a key: expected sx_test_ followed by letters and digits.`);
  return value;
}

function flag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new EnvError(`${name} must be 1 or 0, got '${value}'.`);
}

function int(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new EnvError(`${name} must be a whole number ≥ ${min}, got '${value}'.`);
  return n;
}

function listenAddress(value: string | undefined, publicUrl: string | undefined): { host: string; port: number } {
  if (!value) {
    if (publicUrl) {
      throw new EnvError(
        'SX_WEBHOOK_PUBLIC_URL is set, so the receiver needs a fixed local address for it to forward to: set SX_WEBHOOK_LISTEN, e.g. 127.0.0.1:8787.',
      );
    }
    return { host: '127.0.0.1', port: 0 };
  }
  const m = /^(.+):(\d+)$/.exec(value);
  if (!m) throw new EnvError(`SX_WEBHOOK_LISTEN must be host:port, got '${value}'.`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): SuiteEnv {
  const baseUrl = env.SX_BASE_URL?.trim() || undefined;
  const apiKey = env.SX_API_KEY?.trim() || undefined;
  if (baseUrl && !apiKey) throw new EnvError('SX_BASE_URL is set but SX_API_KEY is not: give the suite a test key (sx_test_…) of that deployment.');
  if (apiKey && !baseUrl) throw new EnvError('SX_API_KEY is set but SX_BASE_URL is not: name the deployment, e.g. SX_BASE_URL=https://api.example.com.');
  if (baseUrl) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new EnvError(`SX_BASE_URL is not a URL: '${baseUrl}'.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EnvError(`SX_BASE_URL must be http(s), got '${url.protocol}'.`);
  }
  const webhookPublicUrl = env.SX_WEBHOOK_PUBLIC_URL?.trim() || undefined;
  return {
    baseUrl: baseUrl?.replace(/\/+$/, '').replace(/\/v1$/, ''),
    apiKey: apiKey && testKey('SX_API_KEY', apiKey),
    secondApiKey: env.SX_SECOND_API_KEY ? testKey('SX_SECOND_API_KEY', env.SX_SECOND_API_KEY.trim()) : undefined,
    webhookPublicUrl,
    webhookListen: listenAddress(env.SX_WEBHOOK_LISTEN?.trim(), webhookPublicUrl),
    webhookTimeoutMs: int('SX_WEBHOOK_TIMEOUT_MS', env.SX_WEBHOOK_TIMEOUT_MS, 10_000, 100),
    slow: flag('SX_SLOW', env.SX_SLOW),
    bodyLimitBytes: int('SX_BODY_LIMIT_BYTES', env.SX_BODY_LIMIT_BYTES, 1024 * 1024, 1),
    useTestHelpers: flag('SX_USE_TEST_HELPERS', env.SX_USE_TEST_HELPERS) ?? true,
    viaPrism: flag('SX_VIA_PRISM', env.SX_VIA_PRISM) ?? false,
    strict: flag('SX_STRICT', env.SX_STRICT) ?? false,
  };
}

/** The target is on this machine (a receiver on 127.0.0.1 is reachable from it, and a call to it never leaves). */
export function isLoopback(url: string | URL): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
