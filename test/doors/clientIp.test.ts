import { describe, expect, it } from 'vitest';
import { forwardedClientIp } from '../../src/doors/clientIp.js';
import { TestSandbox } from '../support/sandbox.js';

const TENANTS = '/v1/test_helpers/tenants';

describe('the client IP behind --trust-proxy', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['192.0.2.99, 203.0.113.7', '203.0.113.7'],
    ['10.0.0.1,2001:db8::7', '2001:db8::7'],
    [' 198.51.100.20 ', '198.51.100.20'],
  ])('takes the last X-Forwarded-For entry when it is an address: %s', (header, ip) => {
    expect(forwardedClientIp(header)).toBe(ip);
  });

  it.each(['garbage-1', '203.0.113.7, garbage-1', '203.0.113.7:4711', 'fe80::1%eth0', '0x7f.1', '2130706433', '', 'unknown'])(
    'ignores anything that is not a well-formed address: %j',
    (header) => {
      expect(forwardedClientIp(header)).toBeNull();
    },
  );

  it('a client that writes junk into X-Forwarded-For counts as its socket address, so junk buys no extra visitor shops', async () => {
    const t = new TestSandbox({ trustProxy: true, ephemeral: { perIpPerWindow: 2 } });
    const post = (forwarded: string) => t.post(TENANTS, {}, { key: null, headers: { 'X-Forwarded-For': forwarded } });
    expect((await post('garbage-1')).status).toBe(201);
    expect((await post('garbage-2')).status).toBe(201);
    // both junk values were the same client (the socket's address): its quota is spent
    const third = await post('garbage-3');
    expect(third.status).toBe(429);
    expect(third.body.detail).toContain('this client IP');
    // a real address the proxy appended is a different client
    expect((await post('203.0.113.7')).status).toBe(201);
  });
});
