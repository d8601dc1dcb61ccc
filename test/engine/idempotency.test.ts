import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { canonicalJson, fingerprint } from '../../src/engine/stages/idempotency.js';
import { nodePlatform } from '../../src/platform/node.js';
import { webSha256Base64Url } from '../../src/platform/web.js';
import { TestSandbox } from '../support/sandbox.js';

const product = { name: 'Idem', type: 'account', price_cents: 500, currency: 'USD' };
const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

describe('idempotency', () => {
  it('same key + same body replays byte for byte with Idempotent-Replayed, and creates nothing new', async () => {
    const t = new TestSandbox();
    const events: string[] = [];
    t.sandbox.bus.subscribe((_tenant, e) => events.push(e.type));
    const first = await t.post('/v1/products', product, withKey('k-1'));
    const again = await t.post('/v1/products', { currency: 'USD', price_cents: 500, type: 'account', name: 'Idem' }, withKey('k-1'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(events).toEqual(['product.created']);
    const all = await t.get('/v1/products?limit=100');
    expect(all.body.data.filter((p: { name: string }) => p.name === 'Idem')).toHaveLength(1);
  });

  it('same key with a different body or path is a 409 conflict', async () => {
    const t = new TestSandbox();
    await t.post('/v1/products', product, withKey('k-2'));
    const changed = await t.post('/v1/products', { ...product, price_cents: 501 }, withKey('k-2'));
    expect(changed.status).toBe(409);
    expect(changed.body.type).toBe('conflict');
    expect(changed.body.detail).toMatch(/different request/);
    const otherPath = await t.patch('/v1/products/prod_01J2PVQS6X', { price_cents: 1 }, withKey('k-2'));
    expect(otherPath.status).toBe(409);
  });

  it('a structured-field quoted key is the same key', async () => {
    const t = new TestSandbox();
    const first = await t.post('/v1/products', product, withKey('"sf-key"'));
    const again = await t.post('/v1/products', product, withKey('sf-key'));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
  });

  it('requests rejected before the handler are not stored: fix the body and retry with the same key', async () => {
    const t = new TestSandbox();
    const bad = await t.post('/v1/products', { ...product, price_cents: -5 }, withKey('k-3'));
    expect(bad.status).toBe(422);
    const good = await t.post('/v1/products', product, withKey('k-3'));
    expect(good.status).toBe(201);
    expect(good.headers['idempotent-replayed']).toBeUndefined();
  });

  it("a handler's own 4xx answer is remembered and replayed", async () => {
    const t = new TestSandbox();
    const first = await t.post('/v1/products/prod_01J2PVQS6X/keys', { keys: ['A'] }, withKey('k-4'));
    expect(first.status).toBe(422);
    const again = await t.post('/v1/products/prod_01J2PVQS6X/keys', { keys: ['A'] }, withKey('k-4'));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
  });

  it('keys last 24 h of tenant time, and are scoped per tenant', async () => {
    const t = new TestSandbox();
    await t.post('/v1/products', product, withKey('k-5'));
    t.sandbox.demo.clock.advance(24 * 3600 * 1000 - 1000);
    expect((await t.post('/v1/products', { ...product, name: 'Other' }, withKey('k-5'))).status).toBe(409);
    t.sandbox.demo.clock.advance(1000);
    expect((await t.post('/v1/products', { ...product, name: 'Other' }, withKey('k-5'))).status).toBe(201);

    const other = t.sandbox.store.create('tnt_other', t.sandbox.seed);
    const { secret } = t.sandbox.store.mint(other, { name: 'o', abilities: ['products:write'], mode: 'test' });
    const there = await t.post('/v1/products', { ...product, name: 'Elsewhere' }, { key: secret, ...withKey('k-5') });
    expect(there.status).toBe(201);
    expect(there.headers['idempotent-replayed']).toBeUndefined();
  });

  // These two replace the handler, so their replies are not the spec's product: they use raw supertest.
  const raw = (t: TestSandbox, key: string) =>
    request(t.sandbox.app).post('/v1/products').set('Authorization', `Bearer ${t.key}`).set('Idempotency-Key', key).send(product);

  it('a second request while the first is still running is a 409 conflict', async () => {
    let release!: () => void;
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => (entered = r));
    const t = new TestSandbox({
      handlerOverrides: {
        createProduct: async () => {
          entered();
          await new Promise<void>((r) => (release = r));
          return { ok: true };
        },
      },
    });
    const first = raw(t, 'k-6').then((r) => r);
    await inHandler;
    const during = await raw(t, 'k-6');
    expect(during.status).toBe(409);
    expect(during.body.detail).toMatch(/still in progress/);
    release();
    expect((await first).status).toBe(201);
    const after = await raw(t, 'k-6');
    expect(after.headers['idempotent-replayed']).toBe('true');
  });

  it('a 5xx is not stored: the same key can be retried', async () => {
    let fail = true;
    const t = new TestSandbox({
      handlerOverrides: {
        createProduct: () => {
          if (fail) throw new Error('transient');
          return { retried: true };
        },
      },
    });
    expect((await raw(t, 'k-7')).status).toBe(500);
    fail = false;
    const retried = await raw(t, 'k-7');
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual({ retried: true });
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });
});

/** canonicalJson as it was first written (map, join, Array.prototype.sort): the text every fingerprint on file was made from. */
function canonicalAsFiled(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalAsFiled).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalAsFiled((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('writes the very text the first version wrote, for bodies of every shape (seeded random, and the awkward keys)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const names = ['a', 'b', 'B', 'é', 'zz', 'name', '10', '9', '01', '1a', '__proto__', 'toJSON', '', ' ', 'a"b', 'ключ', '😀', 'x\\y'];
    const anything = (depth: number): unknown => {
      const pick = Math.floor(next() * (depth > 3 ? 6 : 9));
      if (pick === 0) return null;
      if (pick === 1) return next() < 0.5;
      if (pick === 2) return Math.floor(next() * 2000) - 1000 + (next() < 0.3 ? 0.5 : 0);
      if (pick === 3) return names[Math.floor(next() * names.length)];
      if (pick === 4) return next() < 0.1 ? undefined : 'text';
      if (pick === 5) return -0;
      if (pick === 6) return Array.from({ length: Math.floor(next() * 4) }, () => anything(depth + 1));
      // parsed JSON defines __proto__ as an own member, as JSON.parse does
      const members = Array.from({ length: Math.floor(next() * 6) }, () => [names[Math.floor(next() * names.length)], anything(depth + 1)] as const);
      return JSON.parse(`{${members.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v === undefined ? null : v) ?? 'null'}`).join(',')}}`);
    };
    for (let i = 0; i < 3000; i++) {
      const value = anything(0);
      expect(canonicalJson(value)).toBe(canonicalAsFiled(value));
    }
    for (const value of [
      undefined,
      { a: undefined, b: 1 },
      [1, undefined],
      { d: new Date(0) },
      { f: () => 1 },
      Object.create(null),
      { 2: 'x', 10: 'y', a: 1 },
    ]) {
      expect(canonicalJson(value)).toBe(canonicalAsFiled(value));
    }
  });
});

describe('fingerprint', () => {
  // shop files keep fingerprints: the synchronous digest must be the one Web Crypto made before it
  it.each([
    ['node', nodePlatform.sha256Base64Url],
    ['web', webSha256Base64Url],
  ])('is the base64url SHA-256 of method, path and canonical body, as Web Crypto computes it (%s platform)', async (_name, sha256) => {
    const body = { b: [1, { d: 'é', c: null }], a: 'x' };
    const text = `POST /v1/products\n${canonicalJson(body)}`;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    const expected = Buffer.from(digest).toString('base64url');
    expect(fingerprint(sha256, 'POST', '/v1/products', body)).toBe(expected);
    expect(fingerprint(sha256, 'POST', '/v1/products', { ...body, a: 'y' })).not.toBe(expected);
    expect(fingerprint(sha256, 'PATCH', '/v1/products', body)).not.toBe(expected);
  });
});

describe('idempotency memory bound', () => {
  it('keeps at most IDEMPOTENCY_MAX_KEYS per shop, forgetting the oldest first', async () => {
    const { IDEMPOTENCY_MAX_KEYS } = await import('../../src/engine/stages/idempotency.js');
    const t = new TestSandbox();
    const map = t.sandbox.demo.idempotency;
    const reply = { status: 200, headers: {}, body: '{}' };
    const far = t.sandbox.demo.clock.now() + 3_600_000;
    for (let i = 0; i < IDEMPOTENCY_MAX_KEYS; i++) map.set(`old-${i}`, { fingerprint: 'x', expiresAt: far, reply });
    await t.post('/v1/products', product, withKey('newest'));
    expect(map.size).toBe(IDEMPOTENCY_MAX_KEYS);
    expect(map.has('old-0')).toBe(false);
    expect(map.has('old-1')).toBe(true);
    expect(map.has('newest')).toBe(true);
  });
});
