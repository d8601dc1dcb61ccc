import type { Sha256Base64Url } from '../../platform/types.js';
import type { IdempotencyEntry, Tenant } from '../../state/tenant.js';
import { Problem } from '../problem.js';
import type { EngineReply, RoutedContext } from '../types.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Per shop: a hosted visitor sandbox must not grow without bound inside its 24 h. Documented in the spec. */
export const IDEMPOTENCY_MAX_KEYS = 10_000;

/** A reply as it went out, so a replay can send the same bytes. */
export type Reply = EngineReply;

/**
 * JSON with object keys sorted, so `{a,b}` and `{b,a}` fingerprint the same.
 * Its text must never change (shop files keep fingerprints):
 * test/engine/idempotency.test.ts pins it. It runs on every keyed write, so
 * it is built the cheap way when it can be: a copy with its keys in order,
 * written by one native JSON.stringify (a body as parsed is usually that
 * plain). What JSON.stringify would write differently (an undefined value,
 * a key V8 orders as an array index, `__proto__`, a function) takes the
 * written-out way instead.
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value);
  return sorted === UNSORTABLE ? writeCanonical(value) : JSON.stringify(sorted);
}

const UNSORTABLE = Symbol('unsortable');

/** `value` with every object's keys in sorted order (itself when already so), or UNSORTABLE. */
function sortedCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    return value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? UNSORTABLE : value;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i]);
      if (item === UNSORTABLE) return UNSORTABLE;
      if (!copy && item !== value[i]) copy = value.slice(0, i);
      copy?.push(item);
    }
    return copy ?? value;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // only plain data is written by JSON.stringify member by member (a Date has its toJSON)
  if (proto !== Object.prototype && proto !== null) return UNSORTABLE;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  for (let i = 0; i < keys.length; i++) {
    const first = keys[i].charCodeAt(0);
    // an array-index key comes first in V8's own order whatever the sort says
    if ((first >= 0x30 && first <= 0x39) || keys[i] === '__proto__') return UNSORTABLE;
    if (i && keys[i - 1] > keys[i]) inOrder = false;
  }
  if (inOrder) {
    let same = true;
    for (const key of keys) {
      const member = sortedCopy(record[key]);
      if (member === UNSORTABLE) return UNSORTABLE;
      if (member !== record[key]) same = false;
    }
    if (same) return value;
  }
  const copy: Record<string, unknown> = {};
  for (const key of sortKeys(keys)) {
    const member = sortedCopy(record[key]);
    if (member === UNSORTABLE) return UNSORTABLE;
    copy[key] = member;
  }
  return copy;
}

/** The canonical text written out member by member: what the copy cannot say. */
function writeCanonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + writeCanonical(value[i]);
    return `${text}]`;
  }
  const keys = sortKeys(Object.keys(value));
  let text = '{';
  for (let i = 0; i < keys.length; i++) text += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${writeCanonical((value as Record<string, unknown>)[keys[i]])}`;
  return `${text}}`;
}

/** Array.prototype.sort's order (UTF-16 code units), in place; an insertion sort for the few keys a body has, which allocates nothing. */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * SHA-256 as base64url, with the host's synchronous SHA-256 (the platform's:
 * node:crypto in Node, fast-sha256 in a browser or worker; the same digest).
 * Web Crypto's digest would run everywhere but cost ~45 µs of CPU per call
 * in Node (a promise and a job per digest, 25 % of a POST's engine time);
 * fast-sha256 ~5 µs, node:crypto's one-shot hash ~0.4 µs.
 */
export function fingerprint(sha256: Sha256Base64Url, method: string, path: string, body: unknown): string {
  return sha256(`${method} ${path}\n${canonicalJson(body)}`);
}

/**
 * Idempotency-Key handling, scoped per tenant, kept 24 h of tenant time.
 * Same key + same request → the stored reply byte for byte with
 * `Idempotent-Replayed: true`; a different request → 409; still running →
 * 409. Only handler replies below 500 are remembered (see `remember`).
 */
export function idempotency(sha256: Sha256Base64Url): (ctx: RoutedContext) => EngineReply | undefined {
  return (ctx) => {
    const { idempotencyKey: key, tenant, operation } = ctx;
    if (!key || !tenant || operation.idempotency === 'none') return undefined;
    return claim(ctx, tenant, key, sha256);
  };
}

function claim(ctx: RoutedContext, tenant: Tenant, key: string, sha256: Sha256Base64Url): EngineReply | undefined {
  // the fingerprint is of the body as parsed (defaults filled in, as the handler gets it; undefined when none was sent)
  const print = fingerprint(sha256, ctx.request.method, ctx.request.path, ctx.sentBody);
  // nothing awaits from here on: looking the key up and claiming it is one step
  const now = tenant.clock.now();
  const held = tenant.idempotency.find(key);
  const existing = held?.entry;
  if (existing && existing.expiresAt > now) {
    if (existing.fingerprint !== print) {
      throw new Problem(409, 'This Idempotency-Key was already used with a different request (method, path or body). Use a new key for a new request.');
    }
    if (!existing.reply) throw new Problem(409, 'A request with this Idempotency-Key is still in progress. Retry when it has finished.');
    const { status, headers, body } = existing.reply;
    return { status, headers: { ...ctx.headers, ...headers, 'Idempotent-Replayed': 'true' }, body };
  }
  sweep(tenant, now);
  const entry: IdempotencyEntry = { fingerprint: print, expiresAt: now + IDEMPOTENCY_TTL_MS, reply: null };
  // take re-inserts a key taken before: the map stays in expiry order (see sweep)
  const taken = tenant.idempotency.take(key, entry, held);
  ctx.remember = (reply) => {
    if (reply && reply.status < 500) tenant.idempotency.fill(taken, reply);
    else tenant.idempotency.forget(taken);
  };
  return undefined;
}

/**
 * Expired keys go when the map is touched, so it never holds more than a
 * TTL's worth. Entries are inserted in expiry order (tenant time only moves
 * forward until a reset, which empties the map), so the sweep stops at the
 * first live one: a request pays for what expired, not for every key kept —
 * walking them all made unique keys quadratic (profiled in bench/README.md).
 */
function sweep(tenant: Tenant, now: number): void {
  const replies = tenant.idempotency;
  if (replies.size < 64) return;
  // mostly the oldest key is still live and nothing is walked (first(), not a generator per request)
  if (replies.first()!.entry.expiresAt <= now) {
    for (const [key, entry] of replies.oldest()) {
      if (entry.expiresAt > now) break;
      if (entry.reply) replies.delete(key);
    }
  }
  // past the bound, the oldest finished keys go first: at the bound, one per new key
  for (let oldest = replies.first(); replies.size >= IDEMPOTENCY_MAX_KEYS && oldest?.entry.reply; oldest = replies.first()) replies.forget(oldest);
  if (replies.size < IDEMPOTENCY_MAX_KEYS) return;
  // the oldest is still running: the next finished ones go
  for (const [key, entry] of replies.oldest()) {
    if (replies.size < IDEMPOTENCY_MAX_KEYS) return;
    if (entry.reply) replies.delete(key);
  }
}
