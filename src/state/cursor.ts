import { createHmac } from 'node:crypto';

/**
 * Opaque pagination cursors: base64url of `{s: seq, f: filters}` plus a short
 * HMAC so a tampered or foreign cursor is a clear 400 instead of a silent
 * wrong page. The filters are bound in so a cursor cannot be reused under a
 * different query.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(seq: number, filters: string): string {
    const payload = Buffer.from(JSON.stringify({ s: seq, f: filters })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The seq the cursor points below, or null when it is not ours or not for this query. */
  decode(cursor: string, filters: string): number | null {
    const dot = cursor.lastIndexOf('.');
    if (dot <= 0) return null;
    const payload = cursor.slice(0, dot);
    if (cursor.slice(dot + 1) !== this.sign(payload)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Number.isInteger(parsed.s) || parsed.s < 0 || parsed.f !== filters) return null;
      return parsed.s;
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 12);
  }
}
