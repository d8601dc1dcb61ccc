import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Problem } from '../http/problem.js';

/**
 * Where the sandbox may POST. Locally: `https` anywhere, or plain `http` to
 * a loopback host for a receiver on the developer's machine. In public
 * (hosted) mode nothing internal is reachable, checked on the literal host at
 * registration and again on every address the name resolves to at delivery,
 * so a name that later re-points inside (DNS rebinding) is still refused.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name → addresses (dns.lookup with all: true); injectable so tests never query real DNS. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

// The first matching range names the refusal. IPv4 rules also match IPv4-mapped IPv6 (::ffff:a.b.c.d).
const INTERNAL_RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'reserved'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['::', 96, 'ipv6', 'reserved'],
  ['100::', 64, 'ipv6', 'reserved'],
  ['fc00::', 7, 'ipv6', 'unique-local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const RANGES = INTERNAL_RANGES.map(([network, prefix, type, kind]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { list, kind };
});

/** What kind of internal address this is (`loopback`, `private`, …), or null for a public one. */
export function internalKind(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { list, kind } of RANGES) if (list.check(address, type)) return kind;
  return null;
}

/** The URL's host without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

function refuse(message: string, detail: string): Problem {
  return Problem.rule('body.url', message, detail);
}

/** Parses a registration URL and applies the scheme rules (and, in public mode, the literal-host rules). */
export function parseTarget(raw: string, publicMode: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('must be an absolute URL', `'${raw}' is not an absolute URL.`);
  }
  const host = bareHost(url);
  if (!host) throw refuse('must name a host', `'${raw}' has no host.`);
  if (url.username || url.password) {
    throw refuse('must not carry credentials', 'Put no user or password in the URL; verify deliveries by their signature instead.');
  }
  const loopback = isLocalhostName(host) || internalKind(host) === 'loopback';
  if (url.protocol === 'http:' && !loopback) {
    throw refuse(
      'must use https (http is accepted only to a loopback host)',
      `Webhook endpoints must use https; plain http is accepted only to a loopback host (localhost, 127.0.0.1, [::1]) for local development. Got '${raw}'.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse('must use https', `Webhook endpoints must use https, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (publicMode) {
    const kind = loopback ? 'loopback' : internalKind(host);
    if (kind) throw publicRefusal(host, kind);
  }
  return url;
}

function publicRefusal(host: string, kind: string, address?: string): Problem {
  const where = address ? `'${host}' resolves to ${address}, a ${kind} address` : `'${host}' is a ${kind} address`;
  return refuse(
    `must not point to an internal address (${kind})`,
    `This sandbox runs in public mode and never delivers to loopback, private, link-local or other internal addresses: ${where}.`,
  );
}

/** Resolves a name with an upper bound on waiting; the lookup itself cannot be cancelled. */
async function resolveWithin(resolve: Resolve, host: string, timeoutMs: number): Promise<ResolvedAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`DNS lookup of ${host} timed out`)), timeoutMs);
  });
  try {
    return await Promise.race([resolve(host), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The addresses a delivery may connect to. Outside public mode: null (let the
 * HTTP client resolve). In public mode: every address the host resolves to,
 * all public, or a 422 Problem naming the first internal one; the caller
 * connects only to these, so the check and the connection see the same answer.
 */
export async function deliveryAddresses(url: URL, options: { publicMode: boolean; resolve: Resolve; timeoutMs: number }): Promise<ResolvedAddress[] | null> {
  if (!options.publicMode) return null;
  const host = bareHost(url);
  if (isLocalhostName(host)) throw publicRefusal(host, 'loopback');
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal as 4 | 6 }] : await resolveWithin(options.resolve, host, options.timeoutMs);
  if (!addresses.length) throw new Error(`${host} resolved to no address`);
  for (const { address } of addresses) {
    const kind = internalKind(address);
    if (kind) throw publicRefusal(host, kind, address === host ? undefined : address);
  }
  return addresses;
}

/**
 * Registration: scheme and literal-host rules, then in public mode the name's
 * current addresses. A name that does not resolve yet is accepted: every
 * delivery resolves and checks again.
 */
export async function checkRegistration(raw: string, options: { publicMode: boolean; resolve: Resolve; timeoutMs: number }): Promise<URL> {
  const url = parseTarget(raw, options.publicMode);
  try {
    await deliveryAddresses(url, options);
  } catch (err) {
    if (err instanceof Problem) throw err;
  }
  return url;
}
