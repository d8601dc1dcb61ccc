import { Problem } from '../problem.js';
import { toProblem } from '../render.js';
import type { RoutedContext } from '../types.js';

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
/** JSON's insignificant whitespace: space, tab, line feed, carriage return */
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

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

/** `application/json` or `application/<anything>+json`, parameters aside. */
function isJsonType(contentType: string): boolean {
  if (contentType === 'application/json') return true;
  const media = contentType.split(';', 1)[0].trim().toLowerCase();
  return media === 'application/json' || /^application\/[!#$%&'*+.^_`|~0-9a-z-]+\+json$/.test(media);
}

function charsetOf(contentType: string): string {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1].toLowerCase() ?? 'utf-8';
}

/** JSON texts must be an object or an array at the top (an empty body reads as `{}`, a common client slip). */
function parseStrict(text: string): unknown {
  if (text.length === 0) return {};
  let at = 0;
  while (at < text.length && WHITESPACE.has(text.charCodeAt(at))) at++;
  const first = text.charCodeAt(at);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) throw toProblem({ type: 'entity.parse.failed' });
  try {
    return JSON.parse(text);
  } catch {
    throw toProblem({ type: 'entity.parse.failed' });
  }
}

const encoder = new TextEncoder();

/** One decoder per charset named (only the UTF ones TextDecoder knows get here): decode() without streaming keeps no state between calls. */
const decoders = new Map<string, TextDecoder>();

/**
 * JSON bodies only, with a size and a depth limit. A body in another media
 * type is a 415 (we never guess at form data); unparsable JSON, too deep and
 * oversized bodies are 400 and 413. It runs after auth, rate limit and
 * ability (the documented order), so a stranger's body is never read and
 * every body refusal counts. The depth is checked on the bytes, before
 * JSON.parse builds anything.
 */
export function jsonBody(limitBytes: number): (ctx: RoutedContext) => Promise<void> | void {
  return (ctx) => {
    const source = ctx.request.body;
    if (source === null) return;
    const sent = ctx.request.headers['content-type'];
    const contentType = typeof sent === 'string' ? sent : '';
    if (!isJsonType(contentType)) {
      throw new Problem(415, `Request bodies must be JSON (Content-Type: application/json); got '${sent ?? 'none'}'.`);
    }
    const charset = charsetOf(contentType);
    let decoder: TextDecoder;
    try {
      if (!charset.startsWith('utf-')) throw new RangeError(charset);
      decoder = decoders.get(charset) ?? new TextDecoder(charset);
      decoders.set(charset, decoder);
    } catch {
      throw toProblem({ type: 'charset.unsupported', charset });
    }
    const finish = (bytes: Uint8Array) => {
      if (bytes.length > limitBytes) throw toProblem({ type: 'entity.too.large', limit: limitBytes });
      if (jsonDepthExceeds(bytes, MAX_JSON_DEPTH)) throw toProblem({ type: 'entity.too.deep', limit: MAX_JSON_DEPTH });
      ctx.sentBody = parseStrict(decoder.decode(bytes));
    };
    if (typeof source === 'function') return source(limitBytes).then(finish);
    finish(typeof source === 'string' ? encoder.encode(source) : source);
  };
}
