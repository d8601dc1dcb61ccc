import { expect } from 'vitest';
import type { Client } from './client.js';

export interface Item {
  id: string;
  created_at: string;
  [field: string]: unknown;
}

/** What "newest" means for an item: when it was created; a customer, derived from orders, was created when first seen. */
function createdAt(item: Item): string | undefined {
  return (item.created_at ?? item.first_seen_at) as string | undefined;
}

/** A walk never goes on for ever, even against a target whose cursors loop. */
const MAX_PAGES = 400;

export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/**
 * Follows next_cursor from the first page to the last, checking each page on
 * the way: at most `limit` items, has_more exactly when there is a cursor,
 * no id twice, newest first.
 */
export async function walk(api: Client, path: string, limit: number, query: Record<string, string | undefined> = {}): Promise<Item[]> {
  const items: Item[] = [];
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const reply = await api.get(withQuery(path, { ...query, limit, cursor }));
    expect(reply.status, `${path} page ${page + 1}: ${reply.text.slice(0, 200)}`).toBe(200);
    // next_cursor may be left out of the last page: the reference's customer and payout lists do
    const { data, has_more, next_cursor } = reply.body as { data: Item[]; has_more: boolean; next_cursor?: string | null };
    expect(data.length, `${path} page ${page + 1} holds at most limit=${limit}`).toBeLessThanOrEqual(limit);
    expect(has_more, `${path} page ${page + 1}: has_more is true exactly when next_cursor is set`).toBe(next_cursor != null);
    if (has_more) expect(data.length, `${path} page ${page + 1}: a page before the last is full (limit=${limit})`).toBe(limit);
    for (const item of data) {
      expect(ids.has(item.id), `${path}: ${item.id} appears twice`).toBe(false);
      ids.add(item.id);
      const previous = items.at(-1);
      const [then, now] = [previous && createdAt(previous), createdAt(item)];
      if (then && now) expect(now <= then, `${path}: newest first (${previous!.id} ${then} then ${item.id} ${now})`).toBe(true);
      items.push(item);
    }
    if (!has_more) return items;
    if (has_more) expect(data.length, `${path} page ${page + 1}: a page before the last is not empty`).toBeGreaterThan(0);
    cursor = next_cursor!;
  }
  throw new Error(`${path}: more than ${MAX_PAGES} pages; the cursors do not seem to end`);
}

/**
 * Two walks of one list, with different page sizes, one after the other.
 * Whatever was created between them sits at the head of the later one, so
 * the earlier walk must be exactly the later one's tail: no gaps, no extra.
 */
export async function walkTwice(
  api: Client,
  path: string,
  query: Record<string, string | undefined> = {},
): Promise<{ whole: Item[]; paged: Item[]; limit: number }> {
  const whole = await walk(api, path, 100, query);
  const limit = Math.max(1, Math.min(97, Math.ceil(whole.length / 6)));
  const paged = await walk(api, path, limit, query);
  const tail = paged.slice(paged.length - whole.length).map((i) => i.id);
  expect(tail, `${path} walked ${limit} at a time ends with exactly what it holds walked 100 at a time`).toEqual(whole.map((i) => i.id));
  return { whole, paged, limit };
}
