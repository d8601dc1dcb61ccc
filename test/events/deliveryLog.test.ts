import { describe, expect, it } from 'vitest';
import { DeliveryLog } from '../../src/events/deliveryLog.js';
import { ManualClock } from '../../src/state/clock.js';
import { Collection, FrozenBase } from '../../src/state/collection.js';
import type { WebhookDelivery } from '../../src/state/records.js';
import { buildSeed } from '../../src/state/seed.js';
import { TenantStore } from '../../src/state/store.js';
import type { Tenant } from '../../src/state/tenant.js';

const attempt = (n: number, endpoint = 'wh_a') => ({
  id: `whd_${endpoint}_${n}`,
  endpoint_id: endpoint,
  event_id: `evt_${n}`,
  event_type: 'order.paid' as const,
  attempt: 1,
  created_at: '2026-05-26T08:30:00Z',
});

/** A shop whose deliveries are `log` alone (no fixture deliveries); nothing has derived an index from them yet. */
function shopOf(log: Collection<WebhookDelivery>): Tenant {
  const store = new TenantStore({ randomSeed: 1, system: new ManualClock(0), clockMode: 'frozen', publish: () => {} });
  const tenant = store.create('tnt_log', buildSeed({ epoch: Date.UTC(2026, 4, 26) }));
  tenant.deliveries = log;
  return tenant;
}

describe('DeliveryLog retention', () => {
  it('keeps the newest attempts per endpoint and frees the older finished ones', () => {
    const log = new Collection<WebhookDelivery>(FrozenBase.empty());
    const shop = shopOf(log);
    const deliveries = new DeliveryLog(3);
    for (let n = 1; n <= 5; n++) {
      deliveries.open(shop, attempt(n));
      deliveries.update(log, `whd_wh_a_${n}`, { status: 'failed' });
    }
    deliveries.open(shop, attempt(1, 'wh_b'));
    const page = deliveries.pager(shop, 'wh_a').page(10);
    expect(page.data.map((d) => d.id)).toEqual(['whd_wh_a_5', 'whd_wh_a_4', 'whd_wh_a_3']);
    expect(log.get('whd_wh_a_1')).toBeUndefined();
    expect(deliveries.pager(shop, 'wh_b').page(10).data).toHaveLength(1);
  });

  it('keeps exactly the newest N, pending or not: an older pending attempt is pushed out and freed', () => {
    const log = new Collection<WebhookDelivery>(FrozenBase.empty());
    const shop = shopOf(log);
    const deliveries = new DeliveryLog(2);
    for (let n = 1; n <= 4; n++) deliveries.open(shop, attempt(n));
    expect(
      deliveries
        .pager(shop, 'wh_a')
        .page(10)
        .data.map((d) => d.id),
    ).toEqual(['whd_wh_a_4', 'whd_wh_a_3']);
    expect(log.get('whd_wh_a_1')).toBeUndefined();
  });

  it('drop frees every entry of a deleted endpoint and leaves the others', () => {
    const log = new Collection<WebhookDelivery>(FrozenBase.empty());
    const shop = shopOf(log);
    const deliveries = new DeliveryLog(10);
    for (let n = 1; n <= 3; n++) deliveries.open(shop, attempt(n));
    deliveries.open(shop, { ...attempt(9), id: 'whd_other', endpoint_id: 'wh_b' });
    deliveries.drop(shop, 'wh_a');
    expect(deliveries.pager(shop, 'wh_a').page(10).data).toEqual([]);
    expect(log.get('whd_wh_a_2')).toBeUndefined();
    expect(
      deliveries
        .pager(shop, 'wh_b')
        .page(10)
        .data.map((d) => d.id),
    ).toEqual(['whd_other']);
  });
});
