/**
 * The two platforms compute the same bytes: a cursor or a shop file made in
 * Node is good in a browser and back. The web platform is checked against
 * node:crypto and Buffer, the references.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, fromUtf8, toBase64, toBase64Url, toHex, utf8 } from '../../src/platform/bytes.js';
import { nodePlatform } from '../../src/platform/node.js';
import { webHmacSha256, webSha256Base64Url, webSha256Hex } from '../../src/platform/web.js';
import { CursorCodec } from '../../src/state/cursor.js';
import { cryptoRandom } from '../../src/state/random.js';

const texts = ['', 'a', '{"s":41,"f":"{}"}', 'é ✓ 𝄞 naïve', 'x'.repeat(1000)];

describe('the web platform computes what node:crypto computes', () => {
  it('HMAC-SHA256 and SHA-256, for any UTF-8', () => {
    for (const text of texts) {
      expect(Buffer.from(webHmacSha256('sx-sandbox:1', text))).toEqual(createHmac('sha256', 'sx-sandbox:1').update(text).digest());
      expect(Buffer.from(nodePlatform.hmacSha256('k', text))).toEqual(Buffer.from(webHmacSha256('k', text)));
      expect(webSha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
      expect(nodePlatform.sha256Hex(text)).toBe(webSha256Hex(text));
      expect(webSha256Base64Url(text)).toBe(createHash('sha256').update(text).digest('base64url'));
      expect(nodePlatform.sha256Base64Url(text)).toBe(webSha256Base64Url(text));
    }
  });

  it('a wrong implementation is caught: another key, another text', () => {
    expect(Buffer.from(webHmacSha256('k2', 'a'))).not.toEqual(createHmac('sha256', 'k').update('a').digest());
    expect(webSha256Hex('b')).not.toBe(createHash('sha256').update('a').digest('hex'));
  });

  it('base64, base64url and hex as Buffer writes them, and base64url back', () => {
    for (const text of texts) {
      const bytes = utf8(text);
      expect(toBase64(bytes)).toBe(Buffer.from(text).toString('base64'));
      expect(toBase64Url(bytes)).toBe(Buffer.from(text).toString('base64url'));
      expect(toHex(bytes)).toBe(Buffer.from(text).toString('hex'));
      expect(fromUtf8(fromBase64Url(toBase64Url(bytes)))).toBe(text);
    }
    expect(() => fromBase64Url('not base64!')).toThrow();
  });
});

describe('cursors', () => {
  it('are byte-identical whichever platform signs them, and each reads the other', () => {
    const node = new CursorCodec('sx-sandbox:1', nodePlatform.hmacSha256);
    const web = new CursorCodec('sx-sandbox:1', webHmacSha256);
    for (const [seq, filters] of [
      [0, '{}'],
      [41, '{"status":"paid"}'],
      [123456, '{"q":"naïve ✓"}'],
    ] as const) {
      const cursor = node.encode(seq, filters);
      expect(web.encode(seq, filters)).toBe(cursor);
      expect(web.decode(cursor, filters)).toBe(seq);
      expect(node.decode(web.encode(seq, filters), filters)).toBe(seq);
    }
  });

  it('are what the sandbox signed before the platform seam (Buffer base64url + createHmac, the first 12 characters)', () => {
    const payload = Buffer.from(JSON.stringify({ s: 41, f: '{}' })).toString('base64url');
    const before = `${payload}.${createHmac('sha256', 'sx-sandbox:1').update(payload).digest('base64url').slice(0, 12)}`;
    expect(new CursorCodec('sx-sandbox:1').encode(41, '{}')).toBe(before);
    expect(new CursorCodec('sx-sandbox:2').encode(41, '{}')).not.toBe(before);
  });

  it('refuse a payload that is not UTF-8 even under a valid signature', () => {
    const codec = new CursorCodec('s');
    const bad = toBase64Url(new Uint8Array([0xff, 0xfe]));
    const sign = (p: string) => toBase64Url(webHmacSha256('s', p)).slice(0, 12);
    expect(codec.decode(`${bad}.${sign(bad)}`, '{}')).toBeNull();
  });
});

describe('cryptoRandom', () => {
  it('draws from Web Crypto: in [0, 1), never the same stream twice', () => {
    const draws = Array.from({ length: 2000 }, cryptoRandom);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(draws.length);
    // both halves of the range are reached (the high bits are used)
    expect(draws.some((x) => x > 0.5) && draws.some((x) => x < 0.5)).toBe(true);
  });
});
