import { expect } from 'vitest';
import type { TestSandbox } from './sandbox.js';

/**
 * Walks a paginated list to its end (100 a page, following next_cursor) and
 * returns its items and the raw text of each page. `path` may carry filters.
 */
export async function walk(t: TestSandbox, path: string): Promise<{ items: any[]; pages: string[] }> {
  const items: any[] = [];
  const pages: string[] = [];
  let cursor: string | null = null;
  do {
    const reply: Awaited<ReturnType<TestSandbox['get']>> = await t.get(`${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(reply.status, path).toBe(200);
    expect(reply.body.has_more).toBe(reply.body.next_cursor !== null);
    items.push(...reply.body.data);
    pages.push(reply.text);
    cursor = reply.body.next_cursor;
  } while (cursor);
  return { items, pages };
}

/** Every item of a paginated list. */
export async function everyItem(t: TestSandbox, path: string): Promise<any[]> {
  return (await walk(t, path)).items;
}
