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
    next_cursor: page.nextSeq === null ? null : cursors.encode(page.nextSeq, filters),
    data: page.data.map(view),
  };
}
