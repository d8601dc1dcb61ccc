import type { Collection, Record } from '../state/collection.js';
import type { CursorCodec } from '../state/cursor.js';
import { Problem } from '../engine/problem.js';

export interface ListPage<T> {
  object: 'list';
  has_more: boolean;
  next_cursor: string | null;
  data: T[];
}

/**
 * Cursors made lately, per codec, by position and filters. A cursor is a pure
 * function of the two (and the codec's secret), and a list's first page
 * makes the same one for every reader: its HMAC was ~4 µs of each
 * `GET /v1/products`. Bounded: cleared when full.
 */
const madeCursors = new WeakMap<CursorCodec, Map<string, string>>();
const MADE_CURSORS_MAX = 1024;

function nextCursor(cursors: CursorCodec, seq: number, filters: string): string {
  let made = madeCursors.get(cursors);
  if (!made) madeCursors.set(cursors, (made = new Map()));
  const key = `${seq}:${filters}`;
  let cursor = made.get(key);
  if (cursor === undefined) {
    cursor = cursors.encode(seq, filters);
    if (made.size >= MADE_CURSORS_MAX) made.clear();
    made.set(key, cursor);
  }
  return cursor;
}

/**
 * One page of a collection, newest first. The cursor carries the creation
 * position of the last item seen plus the filters it was made under, so the
 * next page starts by index and a cursor reused under other filters is a 400.
 */
export function paginate<T extends Record, V = T>(
  collection: Pick<Collection<T>, 'page'>,
  cursors: CursorCodec,
  query: { limit?: number; cursor?: string },
  options: { filters?: object; where?: (record: T) => boolean; view?: (record: T) => V } = {},
): ListPage<V> {
  const filters = JSON.stringify(options.filters ?? {});
  let before: number | undefined;
  if (query.cursor !== undefined) {
    const seq = cursors.decode(query.cursor, filters);
    if (seq === null) {
      throw new Problem(400, 'The cursor is not one this API issued for this list and these filters. Start again without it.', {
        errors: { 'query.cursor': ['is not a valid cursor for this list'] },
      });
    }
    before = seq;
  }
  const page = collection.page(query.limit ?? 25, before, options.where);
  const view = options.view ?? ((record: T) => record as unknown as V);
  return {
    object: 'list',
    has_more: page.nextSeq !== null,
    next_cursor: page.nextSeq === null ? null : nextCursor(cursors, page.nextSeq, filters),
    data: page.data.map(view),
  };
}
