import { describe, expect, it } from 'vitest';
import { CursorCodec } from '../../src/state/cursor.js';

describe('CursorCodec', () => {
  const codec = new CursorCodec('secret');
  it('round-trips a position under the same filters', () => {
    expect(codec.decode(codec.encode(42, '{"status":"paid"}'), '{"status":"paid"}')).toBe(42);
  });
  it('rejects tampering, other filters, other secrets and garbage', () => {
    const cursor = codec.encode(42, '{}');
    const [payload, sig] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 1, f: '{}' })).toString('base64url');
    expect(codec.decode(`${forged}.${sig}`, '{}')).toBeNull();
    expect(codec.decode(`${payload}.${sig}x`, '{}')).toBeNull();
    expect(codec.decode(cursor, '{"status":"paid"}')).toBeNull();
    expect(new CursorCodec('other').decode(cursor, '{}')).toBeNull();
    expect(codec.decode('not-a-cursor', '{}')).toBeNull();
  });
});
