import express, { type RequestHandler } from 'express';
import { Problem } from './problem.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * How deep arrays and objects may nest in a request body. No request schema
 * goes past a few levels; the limit is far above that and far below what
 * recursive code (validation, the idempotency fingerprint) can take: two
 * arrays nested 60,000 deep overflowed the stack and answered 500.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting in a JSON text, stopping as soon as it passes `limit`; one pass, no parse. */
export function jsonDepthExceeds(text: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
  return false;
}

/** body-parser's verify hook: refuses a too-deep body before JSON.parse builds it. render.ts turns it into a 400. */
function limitDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonDepthExceeds(buf, MAX_JSON_DEPTH)) throw Object.assign(new Error('JSON nests too deep'), { type: 'entity.too.deep', limit: MAX_JSON_DEPTH });
}

/**
 * JSON bodies only, with a size and a depth limit. A body in another media
 * type is a 415 (we never guess at form data); unparsable JSON, too deep and
 * oversized bodies surface as body-parser errors that render.ts turns into
 * 400 and 413. It runs after auth, rate limit and ability (the documented
 * order), so a stranger's body is never read and every body refusal counts.
 */
export function jsonBody(limitBytes: number): RequestHandler[] {
  const rejectOtherTypes: RequestHandler = (req, _res, next) => {
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !req.is(JSON_TYPES)) {
      const sent = req.headers['content-type'] ?? 'none';
      next(new Problem(415, `Request bodies must be JSON (Content-Type: application/json); got '${sent}'.`));
      return;
    }
    next();
  };
  return [rejectOtherTypes, express.json({ limit: limitBytes, type: JSON_TYPES, strict: true, verify: limitDepth })];
}
