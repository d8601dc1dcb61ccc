import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../platform/bytes.js';
import type { HmacSha256 } from '../platform/types.js';
import { webHmacSha256 } from '../platform/web.js';

/**
 * Opaque pagination cursors: base64url of `{s: seq, f: filters}` plus a short
 * HMAC so a tampered or foreign cursor is a clear 400 instead of a silent
 * wrong page. The filters are bound in so a cursor cannot be reused under a
 * different query. The HMAC comes from the platform (node:crypto in Node,
 * pure JS elsewhere): the same bytes either way, so a cursor from one is
 * good on the other.
 */
const SIGNED_KEPT = 1024;

export class CursorCodec {
  /**
   * Signatures made lately, by payload: a list's first page makes the same
   * cursor for every reader, and the next request brings it back to be
   * checked, so the HMAC (~4 µs of a `GET /v1/products`) is mostly made
   * once. Bounded: cleared when full.
   */
  private readonly signed = new Map<string, string>();

  constructor(
    private readonly secret: string,
    private readonly hmac: HmacSha256 = webHmacSha256,
  ) {}

  encode(seq: number, filters: string): string {
    const payload = toBase64Url(utf8(JSON.stringify({ s: seq, f: filters })));
    return `${payload}.${this.sign(payload)}`;
  }

  /** The seq the cursor points below, or null when it is not ours or not for this query. */
  decode(cursor: string, filters: string): number | null {
    const dot = cursor.lastIndexOf('.');
    if (dot <= 0) return null;
    const payload = cursor.slice(0, dot);
    if (cursor.slice(dot + 1) !== this.sign(payload)) return null;
    try {
      const parsed = JSON.parse(fromUtf8(fromBase64Url(payload)));
      if (!Number.isInteger(parsed.s) || parsed.s < 0 || parsed.f !== filters) return null;
      return parsed.s;
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    let signature = this.signed.get(payload);
    if (signature === undefined) {
      signature = toBase64Url(this.hmac(this.secret, payload)).slice(0, 12);
      if (this.signed.size >= SIGNED_KEPT) this.signed.clear();
      this.signed.set(payload, signature);
    }
    return signature;
  }
}
