import { describe, expect, it } from 'vitest';
import { Problem } from '../../src/engine/problem.js';
import { checkRegistration, deliveryAddresses, internalKind, parseTarget, type Resolve } from '../../src/events/targets.js';

const answers =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    if (!table[host]) throw new Error(`ENOTFOUND ${host}`);
    return table[host].map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

async function refusal(work: Promise<unknown>): Promise<Problem> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Problem);
  return err as Problem;
}

describe('internalKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['10.20.30.40', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:192.168.1.1', 'IPv4-mapped private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['fc00::1', 'unique-local'],
    ['fdff:ffff::1', 'unique-local'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    // the spellings the hand-kept list let through: NAT64, 6to4, Teredo, IPv4-translated/-compatible, TEST-NETs
    ['64:ff9b::a9fe:a9fe', 'NAT64'],
    ['64:ff9b:1::a00:1', 'NAT64'],
    ['2002:7f00:1::', '6to4'],
    ['2002:c0a8:101::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['::ffff:0:7f00:1', 'IPv4-translated'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['192.0.2.1', 'reserved (documentation, benchmarking or future use)'],
    ['198.51.100.20', 'reserved (documentation, benchmarking or future use)'],
    ['203.0.113.7', 'reserved (documentation, benchmarking or future use)'],
    ['198.18.0.1', 'reserved (documentation, benchmarking or future use)'],
    ['192.0.0.8', 'reserved (documentation, benchmarking or future use)'],
    ['240.1.2.3', 'reserved (documentation, benchmarking or future use)'],
    ['2001:db8::1', 'reserved (documentation, benchmarking or future use)'],
    ['2001:2::1', 'benchmarking'],
    ['192.175.48.1', 'AS112 anycast'],
    ['192.52.193.1', 'AMT anycast'],
    ['100::1', 'discard-only'],
    ['fec0::1', 'site-local'],
    ['239.255.255.250', 'multicast'],
    ['4000::1', 'unallocated (outside 2000::/3)'],
  ])('%s is %s', (address, kind) => {
    expect(internalKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '192.0.3.1', '198.20.0.1', '2606:4700::1111', '2a00:1450:4001::200e', 'not-an-ip'])(
    '%s is not internal',
    (address) => {
      expect(internalKind(address)).toBeNull();
    },
  );
});

describe('parseTarget (registration rules)', () => {
  it('accepts https anywhere and http to loopback hosts outside public mode', () => {
    for (const url of ['https://hooks.example.com/x', 'http://localhost:3000/hook', 'http://app.localhost/hook', 'http://127.0.0.1/x', 'http://[::1]:8080/x']) {
      expect(parseTarget(url, false).href).toBe(new URL(url).href);
    }
  });

  it.each([
    ['http://hooks.example.com/x', /https/],
    ['http://10.0.0.1/x', /https/],
    ['ws://localhost/x', /https/],
    ['mailto:ops@example.com', /host|https/],
    ['https://a:b@hooks.example.com/x', /credentials/],
    ['nonsense', /absolute URL/],
  ])('refuses %s', (url, message) => {
    const err = (() => {
      try {
        parseTarget(url, false);
      } catch (e) {
        return e as Problem;
      }
      throw new Error('accepted');
    })();
    expect(err.status).toBe(422);
    expect(`${err.detail} ${err.extras.errors?.['body.url']}`).toMatch(message);
  });

  it('in public mode refuses literal internal hosts, including the numeric spellings URL parsing normalises', () => {
    for (const url of [
      'http://localhost:3000/',
      'https://2130706433/',
      'https://0x7f.1/',
      'https://[::ffff:10.0.0.1]/',
      'https://192.168.0.1./',
      'https://[64:ff9b::a9fe:a9fe]/',
      'https://[2002:a9fe:a9fe::]/',
      'https://[::ffff:0:7f00:1]/',
      'https://192.0.2.1/',
    ]) {
      expect(() => parseTarget(url, true), url).toThrow(/public mode/);
    }
    expect(parseTarget('https://hooks.example.com/', true).hostname).toBe('hooks.example.com');
  });
});

describe('deliveryAddresses and checkRegistration', () => {
  const options = (resolve: Resolve) => ({ publicMode: true, resolve, timeoutMs: 1000 });

  it('outside public mode resolve nothing: the HTTP client connects as usual', async () => {
    const resolve: Resolve = async () => {
      throw new Error('must not resolve');
    };
    expect(await deliveryAddresses(new URL('https://hooks.example.com/'), { publicMode: false, resolve, timeoutMs: 1000 })).toBeNull();
  });

  it('in public mode returns every address when all are public, and refuses if any one is internal', async () => {
    const resolve = answers({
      'ok.test': ['8.8.8.8', '2606:4700::1111'],
      'mixed.test': ['8.8.8.8', '169.254.1.1'],
      'nat64.test': ['2606:4700::1111', '64:ff9b::a9fe:a9fe'],
      'docs.test': ['192.0.2.10'],
    });
    expect(await deliveryAddresses(new URL('https://ok.test/'), options(resolve))).toEqual([
      { address: '8.8.8.8', family: 4 },
      { address: '2606:4700::1111', family: 6 },
    ]);
    const err = await refusal(deliveryAddresses(new URL('https://mixed.test/'), options(resolve)));
    expect(err.detail).toMatch(/'mixed.test' resolves to 169.254.1.1, a link-local address/);
    // the resolved address is classified the same way as a literal one
    expect((await refusal(deliveryAddresses(new URL('https://nat64.test/'), options(resolve)))).detail).toMatch(/64:ff9b::a9fe:a9fe, a NAT64 address/);
    expect((await refusal(deliveryAddresses(new URL('https://docs.test/'), options(resolve)))).detail).toMatch(/192\.0\.2\.10, a reserved/);
  });

  it('registration refuses a name resolving inside, and accepts one that does not resolve yet', async () => {
    const resolve = answers({ 'inside.test': ['10.9.8.7'] });
    expect((await refusal(checkRegistration('https://inside.test/', options(resolve)))).status).toBe(422);
    expect((await checkRegistration('https://later.test/', options(resolve))).hostname).toBe('later.test');
  });

  it('gives up on a resolver that does not answer in time', async () => {
    const never: Resolve = () => new Promise(() => {});
    await expect(deliveryAddresses(new URL('https://slow.test/'), { publicMode: true, resolve: never, timeoutMs: 20 })).rejects.toThrow(/timed out/);
  });
});
