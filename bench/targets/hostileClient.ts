/**
 * The hostile visitor of `npm run bench:hostile`: one client IP, every
 * documented limit respected (it waits out each 429), writing the most
 * expensive things it can find as fast as the limits let it: visitor shops,
 * a key per ability budget (each key has its own rate limit), 500-key
 * imports of 500-character keys until the shop budget says no (then a reset
 * and again), idempotent writes whose 10 KB replies are remembered, key
 * mint/revoke churn, webhook endpoints on a receiver that never answers and
 * their delete/create churn, and one-year clock advances until the clock's
 * bound. Prints one JSON line of counts when its time is up.
 *
 *   node bench/.build/bench/targets/hostileClient.js --origin <url> --receiver <url> --seconds <s> --connections <n>
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { origin: { type: 'string' }, receiver: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' }, ips: { type: 'string' } },
});
const origin = values.origin!;
const receiverUrl = values.receiver!;
const deadline = Date.now() + Number(values.seconds) * 1000;
const connections = Number(values.connections ?? 16);
/** more than 1: shops are asked for from that many addresses (X-Forwarded-For, the server trusts one proxy hop) */
const ips = Number(values.ips ?? 1);
let ipTurn = 0;

const statuses: Record<string, number> = {};
const patterns: Record<string, number> = {};
const fiveHundreds: string[] = [];
let networkErrors = 0;
let shopsCreated = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, deadline - Date.now()))));
const left = () => Date.now() < deadline;

interface Answer {
  status: number;
  body: any;
  retryAfter: number;
}

/**
 * The address the server sees for each key (it trusts one proxy hop): the one
 * attacker address by default, or the address its shop was created from in
 * the many-addresses mode. Only a header: every request goes to 127.0.0.1.
 */
const ATTACKER_IP = '203.0.113.66';
const addressOf = new Map<string, string>();

async function call(method: string, path: string, key: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(origin + path, {
      method,
      headers: {
        'x-forwarded-for': (key && addressOf.get(key)) ?? ATTACKER_IP,
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status >= 500 && fiveHundreds.length < 20) fiveHundreds.push(`${method} ${path} ${res.status} ${text.slice(0, 300)}`);
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, retryAfter: Number(res.headers.get('retry-after') ?? 1) };
  } catch {
    networkErrors++;
    return { status: 0, body: undefined, retryAfter: 1 };
  }
}

interface Shop {
  keys: string[];
  dead: boolean;
  /** a license-key product with room in its pool */
  keyProduct: string | null;
  webhooks: string[];
  batch: number;
}

const ALL = [
  'products:read',
  'products:write',
  'orders:read',
  'orders:write',
  'customers:read',
  'payouts:read',
  'payouts:write',
  'webhooks:read',
  'webhooks:write',
];
const shops: Shop[] = [];

/** 500 distinct 500-character keys: as much as one import may carry. */
function bigImport(shop: Shop): string {
  const n = shop.batch++;
  const keys: string[] = [];
  for (let i = 0; i < 500; i++) keys.push(`${n}-${i}-`.padEnd(500, 'K'));
  return JSON.stringify({ keys });
}

let idempotencyCounter = 0;
const longText = 'x'.repeat(9_000);

const PATTERNS: [string, number, (shop: Shop, key: string) => Promise<Answer>][] = [
  [
    'import',
    4,
    async (shop, key) => {
      if (!shop.keyProduct) {
        const made = await call('POST', '/v1/products', key, { name: 'Pool', type: 'license_key', price_cents: 100, currency: 'USD' });
        if (made.status === 201) shop.keyProduct = made.body.id;
        return made;
      }
      const answer = await call('POST', `/v1/products/${shop.keyProduct}/keys`, key, bigImport(shop));
      if (answer.status === 422) {
        const fields = Object.keys(answer.body?.errors ?? {});
        if (fields.includes('shop.budget')) {
          // full: start over, and fill it again
          await call('POST', '/v1/test_helpers/reset', key, {});
          shop.webhooks = [];
        }
        shop.keyProduct = null;
      }
      return answer;
    },
  ],
  [
    'idempotent',
    3,
    (_shop, key) =>
      call(
        'POST',
        '/v1/products',
        key,
        { name: `Remembered ${idempotencyCounter}`, type: 'account', price_cents: 100, currency: 'USD', description: longText },
        { 'Idempotency-Key': `hostile-${idempotencyCounter++}` },
      ),
  ],
  [
    'webhook',
    2,
    async (shop, key) => {
      if (shop.webhooks.length >= 5 || (shop.webhooks.length && Math.random() < 0.3)) {
        const id = shop.webhooks.shift()!;
        return call('DELETE', `/v1/webhooks/${id}`, key);
      }
      const made = await call('POST', '/v1/webhooks', key, { url: `${receiverUrl}/hook`, events: ['*'] });
      if (made.status === 201) shop.webhooks.push(made.body.id);
      return made;
    },
  ],
  [
    'clock',
    1,
    async (_shop, key) => {
      const answer = await call('POST', '/v1/test_helpers/clock/advance', key, { seconds: 31_536_000 });
      if (answer.status === 422) await call('POST', '/v1/test_helpers/reset', key, {});
      return answer;
    },
  ],
  [
    'keys',
    1,
    async (_shop, key) => {
      const minted = await call('POST', '/v1/api-keys', key, { name: 'churn', abilities: ['orders:read'], mode: 'test' });
      if (minted.status === 201) return call('DELETE', `/v1/api-keys/${minted.body.id}`, key);
      return minted;
    },
  ],
];
const WEIGHTED = PATTERNS.flatMap((p) => Array.from({ length: p[1] }, () => p));

async function newShop(): Promise<boolean> {
  const from = ips > 1 ? { 'x-forwarded-for': `10.${(ipTurn >> 16) & 255}.${(ipTurn >> 8) & 255}.${(ipTurn++ % ips) & 255}` } : undefined;
  const made = await call('POST', '/v1/test_helpers/tenants', null, {}, from);
  if (made.status !== 201) {
    if (ips === 1) await sleep(made.retryAfter * 1000);
    return false;
  }
  shopsCreated++;
  if (from) addressOf.set(made.body.secret, from['x-forwarded-for']);
  const shop: Shop = { keys: [made.body.secret], dead: false, keyProduct: null, webhooks: [], batch: 0 };
  // one key per rate limit: as many keys as the cap allows (from many addresses, shops are the cheaper multiplier)
  for (let i = 0; i < (ips > 1 ? 2 : 19) && left(); i++) {
    const minted = await call('POST', '/v1/api-keys', shop.keys[0], { name: `k${i}`, abilities: ALL, mode: 'test' });
    if (minted.status !== 201) break;
    shop.keys.push(minted.body.secret);
    if (from) addressOf.set(minted.body.secret, from['x-forwarded-for']);
  }
  shops.push(shop);
  return true;
}

/** One connection's loop: a (shop, key) at a time, the next pattern, back off on 429, move on when the shop is gone. */
async function attacker(n: number): Promise<void> {
  let turn = n;
  while (left()) {
    const live = shops.filter((s) => !s.dead);
    if (!live.length) {
      await sleep(250);
      continue;
    }
    const shop = live[turn % live.length];
    const key = shop.keys[Math.floor(turn / live.length) % shop.keys.length];
    turn += connections;
    const [name, , run] = WEIGHTED[Math.floor(Math.random() * WEIGHTED.length)];
    patterns[name] = (patterns[name] ?? 0) + 1;
    const answer = await run(shop, key);
    if (answer.status === 401) shop.dead = true;
    if (answer.status === 429) await sleep(Math.min(answer.retryAfter, 5) * 1000);
  }
}

/** Keeps asking for visitor shops (the per-IP limit says how often). */
async function shopMaker(): Promise<void> {
  while (left()) {
    await newShop();
    await sleep(ips > 1 ? 20 : 500);
  }
}

await Promise.all([shopMaker(), ...Array.from({ length: connections }, (_, n) => attacker(n))]);
process.stdout.write(`${JSON.stringify({ statuses, patterns, networkErrors, shopsCreated, fiveHundreds })}\n`);
