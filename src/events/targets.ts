import ipaddr from 'ipaddr.js';
import { Problem } from '../engine/problem.js';
import type { Resolve, ResolvedAddress } from '../platform/types.js';

export type { Resolve, ResolvedAddress } from '../platform/types.js';

/**
 * Where the sandbox may POST. Locally: `https` anywhere, or plain `http` to
 * a loopback host for a receiver on the developer's machine. In public
 * (hosted) mode nothing internal is reachable, checked on the literal host at
 * registration and again on every address the name resolves to at delivery,
 * so a name that later re-points inside (DNS rebinding) is still refused.
 */

/**
 * 4 or 6 for an IP address written as Node's net.isIP accepts it (dotted
 * decimal without leading zeros; any IPv6 form), 0 for anything else (a
 * name). Through ipaddr.js, so this module runs in a browser as well.
 */
export function isIP(text: string): 0 | 4 | 6 {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return /(^|\.)0\d/.test(text) ? 0 : 4;
  return ipaddr.IPv6.isValid(text) ? 6 : 0;
}

/**
 * Only public unicast is reachable in public mode. Special-purpose ranges
 * come from ipaddr.js (kept in step with the IANA registries: NAT64, 6to4,
 * Teredo, TEST-NETs, benchmarking, AS112, AMT, ORCHID, …) rather than a
 * hand-kept list, which had let NAT64 and 6to4 spellings of internal
 * addresses through. Anything it does not call `unicast` is refused, and
 * so is every IPv4 address written in IPv6 (mapped, translated,
 * compatible): the sandbox never needs them, and each is a way to spell
 * an internal IPv4 address.
 */
const KIND_NAMES: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  reserved: 'reserved (documentation, benchmarking or future use)',
  as112: 'AS112 anycast',
  as112v6: 'AS112 anycast',
  amt: 'AMT anycast',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
  rfc6145: 'IPv4-translated',
  rfc6052: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
  benchmarking: 'benchmarking',
  deprecatedOrchid: 'ORCHID',
  orchid2: 'ORCHID',
  droneRemoteIdProtocolEntityTags: 'drone remote ID',
  segmentRouting: 'segment routing',
};

/** 2000::/3, the only IPv6 space IANA allocates as global unicast. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** ::/96, the deprecated IPv4-compatible form (::a.b.c.d). */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** What kind of non-public address this is (`loopback`, `NAT64`, …), or null for public unicast (and for a name, which is not an address). */
export function internalKind(address: string): string | null {
  if (isIP(address) === 0) return null;
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (range === 'ipv4Mapped') {
      const inner = internalKind(v6.toIPv4Address().toString());
      return inner ? `IPv4-mapped ${inner}` : 'IPv4-mapped';
    }
    if (range === 'unicast' && v6.match(IPV4_COMPATIBLE)) return 'IPv4-compatible';
    if (range === 'unicast' && !v6.match(GLOBAL_UNICAST_V6)) return 'unallocated (outside 2000::/3)';
  }
  if (range === 'unicast') return null;
  return KIND_NAMES[range] ?? range;
}

/** Loopback in any spelling (127/8, ::1, ::ffff:127.x): where plain http is allowed locally. */
function isLoopbackAddress(address: string): boolean {
  const kind = internalKind(address);
  return kind === 'loopback' || kind === 'IPv4-mapped loopback';
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
  const loopback = isLocalhostName(host) || isLoopbackAddress(host);
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
    const kind = isLocalhostName(host) ? 'loopback' : internalKind(host);
    if (kind) throw publicRefusal(host, kind);
  }
  return url;
}

function publicRefusal(host: string, kind: string, address?: string): Problem {
  const where = address ? `'${host}' resolves to ${address}, a ${kind} address` : `'${host}' is a ${kind} address`;
  return refuse(
    `must not point to an internal address (${kind})`,
    `This sandbox runs in public mode and delivers only to public unicast addresses, never to loopback, private, link-local, NAT64, 6to4, documentation or other special-purpose ones: ${where}.`,
  );
}

/** Resolves a name with an upper bound on waiting; the lookup itself cannot be cancelled. */
async function resolveWithin(resolve: Resolve, host: string, timeoutMs: number): Promise<ResolvedAddress[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
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
