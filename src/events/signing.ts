import { Webhook } from 'standardwebhooks';
import { toBase64 } from '../platform/bytes.js';
import type { Random } from '../state/random.js';

/** Bytes of key material behind a signing secret (Standard Webhooks asks for 24 to 64). */
const SECRET_BYTES = 32;

/**
 * A Standard Webhooks secret, `whsec_` + base64. Drawn from the tenant's
 * seeded stream like every other secret, so one seed gives one sandbox.
 */
export function newSigningSecret(random: Random): string {
  const bytes = new Uint8Array(SECRET_BYTES);
  for (let i = 0; i < SECRET_BYTES; i++) bytes[i] = Math.floor(random() * 256);
  return `whsec_${toBase64(bytes)}`;
}

export interface SignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The Standard Webhooks headers for one attempt. The id is the event id (the
 * same on every retry); the timestamp is the attempt's system time, not the
 * tenant clock, because receivers reject timestamps far from their own clock.
 */
export function signatureHeaders(secret: string, id: string, timestampMs: number, body: string): SignatureHeaders {
  const timestamp = new Date(Math.floor(timestampMs / 1000) * 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp.getTime() / 1000),
    'webhook-signature': new Webhook(secret).sign(id, timestamp, body),
  };
}
