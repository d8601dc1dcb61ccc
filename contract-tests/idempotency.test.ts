import { describe, expect } from 'vitest';
import { walk } from './harness/pages.js';
import { session } from './harness/session.js';
import { check } from './harness/skip.js';

const s = session('idempotency');

const productBody = (name: string) => ({ name, type: 'account', price_cents: 4200, currency: 'USD' });

async function countNamed(name: string): Promise<number> {
  const products = await walk(s.api, '/v1/products', 100);
  return products.filter((p) => p.name === name).length;
}

describe('Idempotency-Key', () => {
  check('the same key and request replays the stored answer byte for byte, with Idempotent-Replayed, and creates nothing new', async () => {
    const name = s.unique('Replay');
    const idempotencyKey = s.idempotencyKey('replay');
    const first = await s.api.post('/v1/products', productBody(name), { idempotencyKey });
    expect(first.status).toBe(201);
    s.defer('archive replayed product', () => s.api.delete(`/v1/products/${first.body.id}`));
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // the same JSON with its keys in another order is the same request
    const { currency, price_cents, type } = productBody(name);
    const again = await s.api.post('/v1/products', { currency, price_cents, type, name }, { idempotencyKey });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await countNamed(name)).toBe(1);
  });

  check('the same key with another body, path or method is 409 conflict, and does nothing', async () => {
    const name = s.unique('Conflict');
    const idempotencyKey = s.idempotencyKey('conflict');
    const first = await s.api.post('/v1/products', productBody(name), { idempotencyKey });
    s.defer('archive conflict product', () => s.api.delete(`/v1/products/${first.body.id}`));
    const otherBody = await s.api.post('/v1/products', { ...productBody(name), price_cents: 4201 }, { idempotencyKey });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.type).toBe('conflict');
    const otherPath = await s.api.patch(`/v1/products/${first.body.id}`, { price_cents: 1 }, { idempotencyKey });
    expect(otherPath.status).toBe(409);
    expect((await s.api.get(`/v1/products/${first.body.id}`)).body.price_cents).toBe(4200);
    expect(await countNamed(name)).toBe(1);
  });

  check('a quoted structured-field string is the same key', async () => {
    const name = s.unique('Quoted');
    const bare = s.idempotencyKey('quoted');
    const first = await s.api.post('/v1/products', productBody(name), { idempotencyKey: `"${bare}"` });
    s.defer('archive quoted product', () => s.api.delete(`/v1/products/${first.body.id}`));
    const again = await s.api.post('/v1/products', productBody(name), { idempotencyKey: bare });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
  });

  check('a request refused before the operation ran is not stored: fix it and retry with the same key', async () => {
    const name = s.unique('Fixed');
    const idempotencyKey = s.idempotencyKey('fixed');
    const refused = await s.api.post('/v1/products', { ...productBody(name), price_cents: -1 }, { idempotencyKey });
    expect(refused.status).toBe(422);
    const fixed = await s.api.post('/v1/products', productBody(name), { idempotencyKey });
    expect(fixed.status).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    s.defer('archive fixed product', () => s.api.delete(`/v1/products/${fixed.body.id}`));
  });

  check("the operation's own refusal is stored and replayed like a success", async () => {
    const product = await s.api.post('/v1/products', productBody(s.unique('No pool')));
    s.defer('archive no-pool product', () => s.api.delete(`/v1/products/${product.body.id}`));
    const idempotencyKey = s.idempotencyKey('refusal');
    const first = await s.api.post(`/v1/products/${product.body.id}/keys`, { keys: ['K'] }, { idempotencyKey });
    expect(first.status).toBe(422);
    const again = await s.api.post(`/v1/products/${product.body.id}/keys`, { keys: ['K'] }, { idempotencyKey });
    expect(again.status).toBe(422);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
  });

  check('a replayed archive answers the first archive again', async () => {
    const product = await s.api.post('/v1/products', productBody(s.unique('Archive twice')));
    const idempotencyKey = s.idempotencyKey('archive');
    const first = await s.api.delete(`/v1/products/${product.body.id}`, { idempotencyKey });
    expect(first.status).toBe(200);
    const again = await s.api.delete(`/v1/products/${product.body.id}`, { idempotencyKey });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
  });
});
