import type { Caps, HandlerOverrides } from './services.js';
import { DEFAULT_RATE_LIMITS, PUBLIC_IP_RATE_LIMITS, type RateLimits } from './engine/stages/rateLimit.js';
import type { Clock, ClockMode } from './state/clock.js';
import { DEFAULT_EPHEMERAL, PUBLIC_EPHEMERAL, type EphemeralLimits } from './state/expiry.js';
import { DEFAULT_MEMORY, PUBLIC_MEMORY, type MemoryLimits } from './state/budget.js';
import type { Resolve } from './events/targets.js';
import type { LogStyle } from './log/format.js';

/** Everything createSandbox() and the CLI accept. Every field has a documented default. */
export interface SandboxOptions {
  /** seed for fixtures, ids and secrets: same seed, byte-identical responses (default 1) */
  seed?: number;
  /** the demo shop's full-access test key (default sx_test_DemoShopFullAccessKey001) */
  key?: string;
  /** the system time source; tests inject a ManualClock (default: the real clock) */
  clock?: Clock;
  /** `running` tenant clocks tick with the system clock from the reference date; `frozen` ones move only by advance (default running) */
  clockMode?: ClockMode;
  rateLimits?: Partial<RateLimits>;
  /** requests one client IP may send over all its keys and shops per window, or false for none (default: none; PUBLIC_IP_RATE_LIMITS when public) */
  ipRateLimits?: Partial<RateLimits> | false;
  /** allowed CORS origins: `*` (default, no credentials) or a list */
  corsOrigins?: '*' | string[];
  /** largest accepted request body in bytes (default 1 MiB) */
  bodyLimitBytes?: number;
  caps?: Partial<Caps>;
  /** bytes: `shopBytes` one shop may hold (422 beyond), `processBytes` all shops together (least recently active visitor shops evicted beyond) (defaults: DEFAULT_MEMORY, PUBLIC_MEMORY when public) */
  memory?: Partial<MemoryLimits>;
  /** public (hosted) mode: stricter webhook targets and caps for strangers (default false) */
  public?: boolean;
  /** the docs page's visitor shops: idle TTL, lifetime, how many, per-IP budget (defaults: DEFAULT_EPHEMERAL, PUBLIC_EPHEMERAL when public) */
  ephemeral?: Partial<EphemeralLimits>;
  /** webhook deliveries: per-attempt timeout and retry schedule (defaults: DEFAULT_WEBHOOKS) */
  webhooks?: Partial<WebhookOptions>;
  /** trust X-Forwarded-For for the client IP (default false) */
  trustProxy?: boolean;
  /** a line per request and per webhook attempt: `pretty` (compact, for a terminal), `json` (JSON lines) or `true` (= json); default false */
  log?: boolean | LogStyle;
  /** where log lines go (default: stdout) */
  logTo?: (line: string) => void;
  /** replace handlers by operationId (tests use it to make a handler slow or failing) */
  handlerOverrides?: HandlerOverrides;
  /** keep every shop (but the docs page's visitor shops) in this directory across restarts and crashes (default: memory only); see README "State that lasts" */
  dataDir?: string;
}

/** The seed the CLI and createSandbox() use when given none; the build pre-generates its history. */
export const DEFAULT_SEED = 1;

export interface ResolvedConfig {
  seed: number;
  key: string;
  clock: Clock;
  clockMode: ClockMode;
  rateLimits: RateLimits;
  ipRateLimits: RateLimits | null;
  corsOrigins: '*' | string[];
  bodyLimitBytes: number;
  caps: Caps;
  memory: MemoryLimits;
  public: boolean;
  ephemeral: EphemeralLimits;
  webhooks: WebhookOptions;
  trustProxy: boolean;
  log: LogStyle | false;
  dataDir: string | null;
}

export interface WebhookOptions {
  /** how long one attempt may take before it counts as no answer, in real ms */
  timeoutMs: number;
  /** delay before each attempt in tenant-clock ms; the first is the first attempt, its length the number of attempts */
  retryScheduleMs: number[];
  /** name → addresses for public-mode checks (default dns.lookup); tests inject one so they never query DNS */
  resolve?: Resolve;
}

/** Immediately, then 5 s, 5 min, 30 min, 2 h and 5 h later: six attempts, as the spec documents. */
export const DEFAULT_WEBHOOKS: WebhookOptions = {
  timeoutMs: 10_000,
  retryScheduleMs: [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000],
};

function webhookOptions(options: Partial<WebhookOptions> = {}): WebhookOptions {
  const resolved = { ...DEFAULT_WEBHOOKS, ...options };
  if (!(resolved.timeoutMs > 0)) throw new Error(`webhooks.timeoutMs must be > 0, got ${resolved.timeoutMs}`);
  if (!resolved.retryScheduleMs.length || resolved.retryScheduleMs.some((ms) => !(ms >= 0))) {
    throw new Error('webhooks.retryScheduleMs must list at least one delay, each >= 0');
  }
  return resolved;
}

export const DEFAULT_CAPS: Caps = {
  resourcesPerTenant: 100_000,
  webhookEndpointsPerTenant: 16,
  apiKeysPerTenant: 100,
  keysPerImport: 5000,
};

/** --public: strangers share one process, so each gets a smaller slice of it. */
export const PUBLIC_CAPS: Caps = {
  resourcesPerTenant: 2000,
  webhookEndpointsPerTenant: 5,
  apiKeysPerTenant: 20,
  keysPerImport: 500,
};

export const PUBLIC_BODY_LIMIT_BYTES = 256 * 1024;
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_CLOCK_MODE: ClockMode = 'running';
/** any origin, without credentials */
export const DEFAULT_CORS_ORIGINS = '*';

export function resolveConfig(options: SandboxOptions, defaults: { key: string; clock: Clock }): ResolvedConfig {
  const isPublic = options.public ?? false;
  return {
    seed: options.seed ?? DEFAULT_SEED,
    key: options.key ?? defaults.key,
    clock: options.clock ?? defaults.clock,
    clockMode: options.clockMode ?? DEFAULT_CLOCK_MODE,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    ipRateLimits:
      options.ipRateLimits === false || (!isPublic && !Object.keys(options.ipRateLimits ?? {}).length)
        ? null
        : { ...(isPublic ? PUBLIC_IP_RATE_LIMITS : DEFAULT_RATE_LIMITS), ...options.ipRateLimits },
    corsOrigins: options.corsOrigins ?? DEFAULT_CORS_ORIGINS,
    bodyLimitBytes: options.bodyLimitBytes ?? (isPublic ? PUBLIC_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES),
    caps: { ...(isPublic ? PUBLIC_CAPS : DEFAULT_CAPS), ...options.caps },
    memory: { ...(isPublic ? PUBLIC_MEMORY : DEFAULT_MEMORY), ...options.memory },
    public: isPublic,
    ephemeral: { ...(isPublic ? PUBLIC_EPHEMERAL : DEFAULT_EPHEMERAL), ...options.ephemeral },
    webhooks: webhookOptions(options.webhooks),
    trustProxy: options.trustProxy ?? false,
    log: options.log === true ? 'json' : (options.log ?? false),
    dataDir: options.dataDir ?? null,
  };
}
