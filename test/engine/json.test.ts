import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/engine/json.js';

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
};

const product = () => ({ id: 'prod_1', name: 'Ünïcode "quoted" \u2028', price_cents: 1999, stock: null, tags: ['a', 'b'], nested: { x: 1 } });

describe('toJson', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const record = deepFreeze(product());
    const shapes: unknown[] = [
      undefined,
      null,
      0,
      -0,
      Number.NaN,
      'text',
      true,
      [],
      {},
      Object.assign([undefined, () => 1, Symbol('s'), null], { 5: 2 }), // a hole at 4
      { a: undefined, b: () => 1, c: Symbol('s'), d: null, 2: 'two', 1: 'one' },
      { object: 'list', has_more: true, next_cursor: 'abc', data: [record, record, product()] },
      { when: new Date(0), big: { deep: { deeper: [1, { x: record }] } } },
      Object.assign(Object.create(null), { a: 1 }),
      { withToJson: { toJSON: () => 'mine' }, viaGetter: Object.defineProperty({}, 'g', { get: () => 5, enumerable: true }) },
      Object.freeze({ holds: { mutable: true } }),
      record,
    ];
    for (const shape of shapes) expect(toJson(shape)).toBe(JSON.stringify(shape) ?? '');
    // a second time, from what was kept
    for (const shape of shapes) expect(toJson(shape)).toBe(JSON.stringify(shape) ?? '');
  });

  it('keeps the text of a frozen record from its second time on, and never of something that can still change', () => {
    // what a kept text would hide: a stringify that answers differently for the record
    const stringify = JSON.stringify;
    const pageWhileLying = (record: object) => {
      JSON.stringify = ((value: unknown, ...rest: []) => (value === record ? '"written afresh"' : stringify(value, ...rest))) as typeof JSON.stringify;
      try {
        return toJson({ data: [record] });
      } finally {
        JSON.stringify = stringify;
      }
    };
    const once = deepFreeze(product());
    toJson({ data: [once] });
    // sent once: nothing was kept
    expect(pageWhileLying(once)).toBe('{"data":["written afresh"]}');
    // a write's replies do not count: after three of them and one read, nothing is kept yet
    const written = deepFreeze(product());
    for (let i = 0; i < 3; i++) toJson(written, false);
    toJson({ data: [written] });
    expect(pageWhileLying(written)).toBe('{"data":["written afresh"]}');
    const twice = deepFreeze(product());
    toJson(twice);
    const text = toJson({ data: [twice] });
    expect(pageWhileLying(twice)).toBe(text);

    // frozen on top, mutable inside: written afresh every time
    const shallow = Object.freeze({ id: 'prod_2', inner: { price: 1 } });
    expect(toJson(shallow)).toBe('{"id":"prod_2","inner":{"price":1}}');
    shallow.inner.price = 2;
    expect(toJson(shallow)).toBe('{"id":"prod_2","inner":{"price":2}}');

    // not frozen: written afresh every time
    const open = { id: 'prod_3', price: 1 };
    expect(toJson([open])).toBe('[{"id":"prod_3","price":1}]');
    open.price = 2;
    expect(toJson([open])).toBe('[{"id":"prod_3","price":2}]');

    // a frozen object with a getter is not data
    let n = 0;
    const ticking = Object.freeze(Object.defineProperty({}, 'n', { get: () => ++n, enumerable: true }));
    expect(toJson(ticking)).toBe('{"n":1}');
    expect(toJson(ticking)).toBe('{"n":2}');
  });
});
