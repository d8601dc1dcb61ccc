import type { Collection, Page } from '../state/collection.js';
import type { WebhookDelivery } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';

type Log = Collection<WebhookDelivery>;

export const DELIVERIES_KEPT_PER_ENDPOINT = 1000;

/**
 * Each endpoint's creation positions in the shop's deliveries: built on
 * first use from what the collection already holds (fixture deliveries),
 * then kept as attempts are logged and dropped.
 */
function seqsByEndpoint(tenant: Tenant): Map<string, number[]> {
  const log = tenant.deliveries;
  const index = new Map<string, number[]>();
  for (let seq = 0; seq < log.size; seq++) {
    const record = log.at(seq);
    if (!record) continue;
    let seqs = index.get(record.endpoint_id);
    if (!seqs) index.set(record.endpoint_id, (seqs = []));
    seqs.push(seq);
  }
  return index;
}

/**
 * The delivery log: one record per attempt in `tenant.deliveries`, plus the
 * shop's index of each endpoint's positions, so one endpoint's page is read
 * by position instead of by scanning every delivery of the shop.
 */
export class DeliveryLog {
  /**
   * `keep`: finished attempts kept per endpoint; older ones are forgotten so a
   * receiver that keeps failing cannot grow a (hosted) shop's memory without
   * bound. Documented on listWebhookDeliveries.
   */
  constructor(private readonly keep = DELIVERIES_KEPT_PER_ENDPOINT) {}

  /** A pending attempt, not made yet. */
  open(
    tenant: Tenant,
    record: Omit<WebhookDelivery, 'status' | 'response_code' | 'duration_ms' | 'attempted_at' | 'next_retry_at' | 'failure_reason'>,
    outcome: Pick<WebhookDelivery, 'status' | 'failure_reason'> = { status: 'pending', failure_reason: null },
  ): WebhookDelivery {
    const log = tenant.deliveries;
    const index = tenant.derived.get(seqsByEndpoint);
    const inserted = log.insert({ ...record, ...outcome, response_code: 0, duration_ms: null, attempted_at: null, next_retry_at: null });
    let seqs = index.get(record.endpoint_id);
    if (!seqs) index.set(record.endpoint_id, (seqs = []));
    seqs.push(log.seqOf(inserted.id)!);
    // exactly the newest `keep`: the oldest go first, pending or not (a pending attempt pushed out is
    // not made: the dispatcher only starts attempts that are still in the log)
    while (seqs.length > this.keep) {
      const oldest = log.at(seqs.shift()!);
      if (oldest) log.evict(oldest.id);
    }
    return inserted;
  }

  /** The endpoint is gone, and so is its log (nobody can read it any more): every entry is freed. */
  drop(tenant: Tenant, endpointId: string): void {
    const log = tenant.deliveries;
    const index = tenant.derived.get(seqsByEndpoint);
    for (const seq of index.get(endpointId) ?? []) {
      const record = log.at(seq);
      if (record) log.evict(record.id);
    }
    index.delete(endpointId);
  }

  update(log: Log, id: string, patch: Partial<WebhookDelivery>): void {
    if (log.get(id)) log.update(id, patch);
  }

  /** One endpoint's attempts as a pager over creation positions (what `paginate` reads). */
  pager(tenant: Tenant, endpointId: string): Pick<Log, 'page'> {
    const log = tenant.deliveries;
    const seqs = tenant.derived.get(seqsByEndpoint).get(endpointId) ?? [];
    return {
      page(limit: number, beforeSeq = Number.MAX_SAFE_INTEGER): Page<WebhookDelivery> {
        const data: WebhookDelivery[] = [];
        let lastSeq = -1;
        for (let i = lowerBound(seqs, beforeSeq) - 1; i >= 0; i--) {
          const record = log.at(seqs[i]);
          if (!record) continue;
          if (data.length === limit) return { data, nextSeq: lastSeq };
          data.push(record);
          lastSeq = seqs[i];
        }
        return { data, nextSeq: null };
      },
    };
  }
}

/** First position in ascending `seqs` holding a value ≥ `value`. */
function lowerBound(seqs: readonly number[], value: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
