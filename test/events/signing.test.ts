import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { newSigningSecret, signatureHeaders } from '../../src/events/signing.js';
import { seededRandom } from '../../src/state/random.js';

describe('signing', () => {
  it('mints whsec_ + base64 of 32 bytes, the same for the same seed', () => {
    const a = newSigningSecret(seededRandom(7));
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newSigningSecret(seededRandom(7))).toBe(a);
    expect(newSigningSecret(seededRandom(8))).not.toBe(a);
  });

  it('signs v1,<base64 HMAC-SHA256 of id.timestamp.body> keyed with the decoded secret, as any Standard Webhooks verifier expects', () => {
    const secret = newSigningSecret(seededRandom(1));
    const body = JSON.stringify({ id: 'evt_1', type: 'order.paid', created_at: '2026-05-26T08:30:00Z', data: { object: { id: 'ord_1' } } });
    const now = Date.now();
    const headers = signatureHeaders(secret, 'evt_1', now, body);
    const seconds = Math.floor(now / 1000);
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-timestamp']).toBe(String(seconds));
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`evt_1.${seconds}.${body}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('ord_1', 'ord_2'), { ...headers })).toThrow();
  });
});
