import type { CollectionChange } from './collection.js';
import type { IdempotencyEntry } from './replies.js';
import type { SchedulerChange } from './scheduler.js';

/** The collections a shop holds, by the names a shop file and its journal use. */
export const COLLECTION_NAMES = ['products', 'orders', 'customers', 'payouts', 'webhooks', 'deliveries', 'apiKeys'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

export const OVERLAY_NAMES = ['customerIdsByEmail', 'productIdsBySlug'] as const;
export type OverlayName = (typeof OVERLAY_NAMES)[number];

/**
 * One change to a shop, as its journal records it: enough to make it again
 * on a shop loaded from its last file. Every change a resource makes goes
 * through a collection, an overlay, a pool, the scheduler or the remembered
 * replies, and each of those says so: nothing is journaled by hand.
 */
export type ShopChange =
  | { t: 'rec'; c: CollectionName; change: CollectionChange<{ id: string }> }
  | { t: 'map'; m: OverlayName; k: string; v: string }
  | { t: 'pool'; p: string; add?: readonly string[]; take?: number }
  | { t: 'job'; change: SchedulerChange }
  | { t: 'idem'; k: string; entry: IdempotencyEntry | null }
  | { t: 'used'; keyId: string; at: number }
  | { t: 'secret'; keyId: string; secret: string }
  | { t: 'unsecret'; secret: string }
  | { t: 'reset' }
  /** the shop's state was replaced whole (a snapshot restored): the journal writes a new file */
  | { t: 'replaced' };
