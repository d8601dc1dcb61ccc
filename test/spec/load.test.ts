import { describe, expect, it } from 'vitest';
import { dereference, loadSpec } from '../../src/spec/load.js';

describe('spec loading', () => {
  it('replaces local refs, sharing one object per target', () => {
    const doc = dereference({
      components: { schemas: { Id: { type: 'string' } } },
      a: { $ref: '#/components/schemas/Id' },
      b: { $ref: '#/components/schemas/Id' },
    });
    expect(doc.a).toEqual({ type: 'string' });
    expect(doc.a).toBe(doc.b);
  });

  it('keeps siblings of a $ref (3.1): a default next to a ref is applied', () => {
    const doc = dereference({ s: { Mode: { enum: ['live', 'test'] } }, p: { $ref: '#/s/Mode', default: 'live' } });
    expect(doc.p).toEqual({ enum: ['live', 'test'], default: 'live' });
  });

  it('fails loudly on external or dangling refs', () => {
    expect(() => dereference({ a: { $ref: 'other.yaml#/x' } })).toThrow(/Only local/);
    expect(() => dereference({ a: { $ref: '#/nowhere' } })).toThrow(/Unresolvable/);
  });

  it('the real spec loads with no $ref left', () => {
    expect(JSON.stringify(loadSpec().spec)).not.toContain('"$ref"');
  });
});
