import type { Caps, HandlerSet } from './services.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rateLimit.js';
import type { Clock, ClockMode } from './state/clock.js';

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
  /** allowed CORS origins: `*` (default, no credentials) or a list */
  corsOrigins?: '*' | string[];
  /** largest accepted request body in bytes (default 1 MiB) */
  bodyLimitBytes?: number;
  caps?: Partial<Caps>;
  /** public (hosted) mode: stricter webhook targets and caps for strangers (default false) */
  public?: boolean;
  /** trust X-Forwarded-For for the client IP (default false) */
  trustProxy?: boolean;
  /** one JSON log line per request on stdout (default false) */
  log?: boolean;
  /** replace handlers by operationId (tests use it to make a handler slow or failing) */
  handlerOverrides?: HandlerSet;
}

export interface ResolvedConfig {
  seed: number;
  key: string;
  clock: Clock;
  clockMode: ClockMode;
  rateLimits: RateLimits;
  corsOrigins: '*' | string[];
  bodyLimitBytes: number;
  caps: Caps;
  public: boolean;
  trustProxy: boolean;
  log: boolean;
}

export const DEFAULT_CAPS: Caps = {
  resourcesPerTenant: 100_000,
  webhookEndpointsPerTenant: 16,
  apiKeysPerTenant: 100,
};

export function resolveConfig(options: SandboxOptions, defaults: { key: string; clock: Clock }): ResolvedConfig {
  return {
    seed: options.seed ?? 1,
    key: options.key ?? defaults.key,
    clock: options.clock ?? defaults.clock,
    clockMode: options.clockMode ?? 'running',
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    corsOrigins: options.corsOrigins ?? '*',
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    caps: { ...DEFAULT_CAPS, ...options.caps },
    public: options.public ?? false,
    trustProxy: options.trustProxy ?? false,
    log: options.log ?? false,
  };
}
