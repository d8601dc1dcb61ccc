import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/resources/list.js';
import { Collection, FrozenBase } from '../../src/state/collection.js';
import { CursorCodec } from '../../src/state/cursor.js';

const items = Array.from({ length: 60 }, (_, i) => ({ id: `prod_${String(i).padStart(3, '0')}` }));

describe('paginate', () => {
  it('makes each next cursor as its codec would, however often the same page is asked for', () => {
    const collection = new Collection(new FrozenBase(items));
    const one = new CursorCodec('secret-one');
    const two = new CursorCodec('secret-two');
    for (let i = 0; i < 3; i++) {
      const page = paginate(collection, one, { limit: 25 }, { filters: { status: 'active' } });
      expect(page.next_cursor).toBe(one.encode(35, JSON.stringify({ status: 'active' })));
      // another codec (another sandbox's secret) never gets the first one's cursor
      expect(paginate(collection, two, { limit: 25 }, { filters: { status: 'active' } }).next_cursor).toBe(
        two.encode(35, JSON.stringify({ status: 'active' })),
      );
      // other filters, another cursor
      expect(paginate(collection, one, { limit: 25 }).next_cursor).toBe(one.encode(35, '{}'));
    }
    const second = paginate(collection, one, { limit: 25, cursor: one.encode(35, '{}') });
    expect(second.data[0].id).toBe('prod_034');
    expect(second.next_cursor).toBe(one.encode(10, '{}'));
  });
});
