import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The client IP every per-IP limit counts by. Without
 * `--trust-proxy`: the socket's peer. With it (one hop): the last
 * `X-Forwarded-For` entry, the one the proxy appended, but only when it is a
 * well-formed IP address. Express would take any text there (`garbage-1`
 * counted as an address), so a client reaching the port directly could be a
 * new "IP" on every request; anything that is not an address is ignored and
 * the socket's peer is used.
 */
export function forwardedClientIp(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  const last = value.slice(value.lastIndexOf(',') + 1).trim();
  return isIP(last) !== 0 && !last.includes('%') ? last : null;
}

/** The client IP of a request as the per-IP limits count it (see above). */
export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string {
  return (trustProxy ? forwardedClientIp(req.headers['x-forwarded-for']) : null) ?? req.socket.remoteAddress ?? '';
}
