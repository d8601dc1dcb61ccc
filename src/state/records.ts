/**
 * The plain records a tenant holds. Field names are the API's: a record is
 * what the API returns unless a `view` function in its resource says otherwise.
 */
import type { Schema } from '../spec/operationTypes.js';

/** The spec's closed vocabularies (src/spec/api.generated.ts), so a record cannot hold a value the API does not have. */
export type Chain = Schema<'Chain'>;
export type EventType = Schema<'EventType'>;

export type ProductType = 'license_key' | 'account' | 'file_download' | 'dynamic' | 'physical' | 'subscription';
export type ProductStatus = 'active' | 'archived' | 'draft';

export interface Product {
  id: string;
  name: string;
  slug: string;
  type: ProductType;
  price_cents: number;
  currency: string;
  stock: number | null;
  status: ProductStatus;
  description: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export const ABILITIES = [
  'orders:read',
  'orders:write',
  'products:read',
  'products:write',
  'customers:read',
  'payouts:read',
  'payouts:write',
  'webhooks:read',
  'webhooks:write',
] as const;
export type Ability = (typeof ABILITIES)[number];

export interface ApiKey {
  id: string;
  name: string;
  abilities: Ability[];
  mode: 'live' | 'test';
  created_at: string;
  /** as recorded at creation or in fixtures; later uses live in Tenant.lastUsed */
  last_used_at: string | null;
  revoked_at: string | null;
}

export type OrderStatus = 'pending' | 'awaiting_payment' | 'paid' | 'delivering' | 'completed' | 'failed' | 'refunded';

export interface Refund {
  id: string;
  order_id: string;
  status: 'processing' | 'succeeded' | 'failed';
  amount_cents: number;
  reason: 'requested_by_buyer' | 'duplicate' | 'fraud' | 'other' | null;
  note: string | null;
  destination_tx: string | null;
  created_at: string;
  succeeded_at: string | null;
}

export interface Order {
  id: string;
  status: OrderStatus;
  total_cents: number;
  refunded_cents: number;
  currency: string;
  customer_email: string;
  customer_id: string;
  created_at: string;
  paid_at: string | null;
  payment: { provider: 'blockpn'; chain: Chain; asset: string; tx_hash: string } | null;
  items: { product: string; product_id: string; qty: number; subtotal_cents: number }[];
  delivery: { kind: ProductType; state: 'pending' | 'delivering' | 'delivered' | 'failed'; delivered_at: string | null };
  refunds: Refund[];
}

export interface Customer {
  id: string;
  email: string;
  orders_count: number;
  lifetime_cents: number;
  first_seen_at: string;
  last_seen_at: string;
}

export interface Payout {
  id: string;
  status: 'queued' | 'broadcast' | 'confirmed' | 'failed';
  chain: Chain;
  asset: string;
  amount_cents: number;
  destination_address: string;
  memo: string | null;
  tx_hash: string | null;
  failure_reason: string | null;
  created_at: string;
  broadcast_at: string | null;
  confirmed_at: string | null;
  failed_at: string | null;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  status: 'active';
  created_at: string;
  /** never returned after creation */
  signing_secret: string;
}

export interface WebhookDelivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: EventType;
  attempt: number;
  status: 'pending' | 'succeeded' | 'failed';
  response_code: number;
  duration_ms: number | null;
  created_at: string;
  attempted_at: string | null;
  next_retry_at: string | null;
  /** why a failed attempt failed or was never made (timeout, refused, queue full, endpoint deleted); absent on fixtures */
  failure_reason?: string | null;
}

export interface SxEvent {
  id: string;
  type: EventType;
  created_at: string;
  data: { object: unknown };
}
