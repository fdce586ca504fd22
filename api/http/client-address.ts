import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/** Which peers are the operator's own reverse proxies, whose `X-Forwarded-*` headers are believed. */
export type TrustedProxies = (address: string) => boolean;

/** No proxy is trusted: the socket's peer is the client, and forwarded headers are ignored. */
export const NO_TRUSTED_PROXY: TrustedProxies = () => false;

/** One entry of TRUSTED_PROXY: an IP address or a CIDR range; null when it is neither. */
function parseEntry(entry: string): { address: string; prefix: number | null; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return { address, prefix: null, family };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= (version === 4 ? 32 : 128))) return null;
  return { address, prefix, family };
}

/** The entries of a TRUSTED_PROXY value that are neither an IP address nor a CIDR range. */
export function invalidProxyEntries(list: string): string[] {
  return splitList(list).filter((entry) => parseEntry(entry) === null);
}

function splitList(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Trusted proxies from a comma-separated list of addresses and CIDR ranges (TRUSTED_PROXY).
 * @example parseTrustedProxies('127.0.0.1, 10.0.0.0/8')('10.1.2.3') // true
 */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  if (!list) return NO_TRUSTED_PROXY;
  const blocks = new BlockList();
  for (const entry of splitList(list)) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`not an IP address or CIDR range: ${entry}`);
    if (parsed.prefix === null) blocks.addAddress(parsed.address, parsed.family);
    else blocks.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return (address) => {
    const version = isIP(address);
    return version !== 0 && blocks.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/** An address as one key: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as IPv4, IPv6 in lowercase. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address.toLowerCase();
}

/** The TCP peer of a request on the Node server; undefined in-process (`app.request` without a socket). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return typeof address === 'string' && isIP(address) !== 0 ? address : undefined;
}

/**
 * The client's address: the socket's peer; when that peer is a trusted proxy, the right-most
 * address of `X-Forwarded-For` that is not itself a trusted proxy (what the nearest proxy of ours
 * saw). Entries to its left were written by the client and are never believed. Undefined when the
 * request came without a socket.
 */
export function clientAddress(c: Context, trusted: TrustedProxies): string | undefined {
  const peer = socketAddress(c);
  if (peer === undefined || !trusted(peer)) return peer && normalize(peer);
  const forwarded = splitList(c.req.header('x-forwarded-for') ?? '');
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i]!;
    if (isIP(hop) === 0) return normalize(peer); // garbage from further left: the proxy is all we know
    if (!trusted(hop) || i === 0) return normalize(hop);
  }
  return normalize(peer);
}

/** True when the client reached us over https: directly, or per `X-Forwarded-Proto` from a trusted proxy. */
export function isHttps(c: Context, trusted: TrustedProxies): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const peer = socketAddress(c);
  if (peer === undefined || !trusted(peer)) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
