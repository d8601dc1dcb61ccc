import type { ShopChange } from '../state/changes.js';
import type { Collection } from '../state/collection.js';
import type { TenantStore } from '../state/store.js';
import type { Tenant } from '../state/tenant.js';
import type { JournalEntry } from './journal.js';

/**
 * Makes a journal's changes again on a shop loaded from its file, through
 * the same collections, pools and maps that made them the first time (so
 * the shop's byte budget comes out as it was). Jobs are not run: what they
 * did is in the journal as the changes they made.
 */
export function replay(tenant: Tenant, store: TenantStore, entries: readonly JournalEntry[]): void {
  for (const { c: change } of entries) apply(tenant, store, change);
  const last = entries.at(-1);
  if (last) tenant.seekStreams(last.s);
}

function apply(tenant: Tenant, store: TenantStore, change: ShopChange): void {
  switch (change.t) {
    case 'rec': {
      const collection = tenant[change.c] as unknown as Collection<{ id: string }>;
      const c = change.change;
      if (c.op === 'remove') collection.remove(c.id);
      else if (c.op === 'insert') collection.insert(c.record);
      else collection.replace(c.record);
      return;
    }
    case 'map':
      tenant[change.m].set(change.k, change.v);
      return;
    case 'pool':
      if (change.add) tenant.pools.add(change.p, change.add);
      if (change.take !== undefined) tenant.pools.take(change.p, change.take);
      return;
    case 'job': {
      const c = change.change;
      if (c.op === 'plan') tenant.scheduler.load({ counter: c.job.id + 1, jobs: [c.job] });
      else if (c.op === 'done') tenant.scheduler.forget(c.id);
      return;
    }
    case 'idem':
      if (change.entry) tenant.idempotency.set(change.k, change.entry);
      else tenant.idempotency.delete(change.k);
      return;
    case 'used':
      tenant.lastUsed.set(change.keyId, change.at);
      return;
    case 'secret':
      if (!store.ownerOf(change.secret)) store.bindSecret(tenant, change.keyId, change.secret);
      return;
    case 'unsecret':
      store.unbind(tenant, change.secret);
      return;
    case 'reset':
      tenant.reset();
      return;
    case 'replaced':
      return; // never journaled: a replaced state is written as a new file
  }
}
