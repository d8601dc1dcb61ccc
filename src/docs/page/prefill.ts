/**
 * Path parameters start with an id from the reader's own shop: the newest
 * record of the collection the path names (`/v1/products/{id}` → products)
 * that the operation can act on (a license-key product for a key import, a
 * paid order for a refund, a key other than the page's own for a revoke).
 * A value the reader typed is never replaced.
 */
import type { OperationCall } from '../site/model.js';

type Row = Record<string, unknown>;

/** Which records an operation can act on, where not every record of the collection can. */
const ACCEPTS: Record<string, (row: Row, own: { keyIds: Set<string> }) => boolean> = {
  importProductKeys: (row) => row.type === 'license_key' && row.status !== 'archived',
  refundOrder: (row) => ['paid', 'delivering', 'completed'].includes(String(row.status)),
  resendOrder: (row) => ['paid', 'delivering', 'completed'].includes(String(row.status)),
  revokeApiKey: (row, own) => own.keyIds.has(String(row.id)) || row.last_used_at === null,
  archiveProduct: (row) => row.status !== 'archived',
  updateProduct: (row) => row.status !== 'archived',
};

/** `/v1/orders/{uuid}/refund` → `orders`: the segment before the first parameter. */
export function collectionOf(path: string): string | null {
  const m = /^\/v1\/([a-z_-]+)\/\{[^}]+\}/.exec(path);
  return m ? m[1] : null;
}

export class Prefill {
  /** ids of keys minted on this page: the only keys a revoke is pre-filled with, besides unused ones */
  readonly own = { keyIds: new Set<string>() };

  constructor(
    private readonly calls: OperationCall[],
    private readonly list: (collection: string) => Promise<Row[]>,
  ) {}

  /** Refills every path input still empty or holding the id this put there. */
  async fill(inputOf: (call: OperationCall, name: string) => HTMLInputElement | null): Promise<void> {
    const lists = new Map<string, Promise<Row[]>>();
    const rows = (collection: string) => {
      if (!lists.has(collection))
        lists.set(
          collection,
          this.list(collection).catch(() => []),
        );
      return lists.get(collection)!;
    };
    await Promise.all(
      this.calls.map(async (call) => {
        const collection = collectionOf(call.path);
        if (!collection) return;
        const accepts = ACCEPTS[call.id] ?? (() => true);
        const found = (await rows(collection)).find((row) => accepts(row, this.own));
        for (const param of call.params.filter((p) => p.in === 'path')) {
          const input = inputOf(call, param.name);
          if (!input) continue;
          const untouched = input.value === '' || input.value === input.dataset.auto;
          if (!untouched) continue;
          input.value = found ? String(found.id) : '';
          input.dataset.auto = input.value;
        }
      }),
    );
  }
}
