import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Server-side request forgery protection. A corporation chooses its webhook URL, and our Lambda posts to
 * it from inside AWS: without this guard a URL could reach the instance metadata (169.254.169.254,
 * fd00:ec2::254), the VPC's private addresses or our own loopback. So only public unicast addresses are
 * delivered to, checked on the URL when it is registered and on the resolved addresses before each send.
 *
 * The classification is an allow-list (only what ipaddr.js calls `unicast`, and for IPv6 only inside
 * global unicast 2000::/3), so a range nobody thought of is refused, not let through.
 */

export type EndpointRefusalCode =
  | 'invalid-url'
  | 'credentials-in-url'
  | 'not-https'
  | 'blocked-address'
  | 'unresolvable';
export type EndpointRefusal = { ok: false; code: EndpointRefusalCode; reden: string };
export type EndpointCheck = { ok: true } | EndpointRefusal;
export type Resolution = { ok: true; addresses: string[] } | EndpointRefusal;

/** The shape of node:dns/promises `lookup` with `{ all: true }`; tests inject their own. */
export type Lookup = (
  hostname: string,
  options: { all: true },
) => Promise<readonly { address: string; family: number }[]>;

export interface EndpointOptions {
  /** Local development only: plain http and a receiver on this machine (localhost, 127.0.0.1, [::1]). */
  allowLocalHttp: boolean;
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
/** NAT64 (RFC 6052): the address carries an IPv4 address, which is what is really reached. */
const NAT64_V6 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

const reden = {
  'invalid-url': 'Dit is geen geldige URL.',
  'credentials-in-url': 'De URL mag geen gebruikersnaam of wachtwoord bevatten; berichten zijn ondertekend.',
  'not-https': 'Alleen https-adressen zijn toegestaan.',
  'blocked-address':
    'Dit adres is niet openbaar bereikbaar (intern, lokaal of gereserveerd); daar sturen we niets heen.',
  unresolvable: 'De naam van de server is niet gevonden.',
} satisfies Record<EndpointRefusalCode, string>;

function refuse(code: EndpointRefusalCode): EndpointRefusal {
  return { ok: false, code, reden: reden[code] };
}

/**
 * True only for an address on the public internet. Accepts the canonical forms only (dotted-quad IPv4,
 * IPv6 without brackets): DNS answers are canonical, and anything else is refused rather than guessed.
 */
export function isPublicAddress(ip: string): boolean {
  if (ipaddr.IPv4.isValidFourPartDecimal(ip)) return ipaddr.IPv4.parse(ip).range() === 'unicast';
  if (!ip.includes(':') || !ipaddr.IPv6.isValid(ip)) return false;
  const address = ipaddr.IPv6.parse(ip);
  // An IPv4-mapped or NAT64 address reaches the IPv4 address inside it, so that one is judged.
  if (address.range() === 'ipv4Mapped' || address.match(NAT64_V6)) {
    return new ipaddr.IPv4(address.toByteArray().slice(12)).range() === 'unicast';
  }
  return address.match(GLOBAL_UNICAST_V6) && address.range() === 'unicast';
}

/**
 * Checks a webhook URL when it is registered: https only (plain http to this machine in local development),
 * no credentials in it, and no host that is known to be internal without asking DNS. What a name resolves
 * to is checked again before every delivery (`resolveDeliverable`), since DNS can change.
 */
export function checkEndpointUrl(url: string, options: EndpointOptions): EndpointCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('invalid-url');
  }
  if (parsed.username !== '' || parsed.password !== '') return refuse('credentials-in-url');
  const host = hostOf(parsed);
  const local = options.allowLocalHttp && LOOPBACK_HOSTS.has(host);
  if (parsed.protocol === 'http:' && local) return { ok: true };
  if (parsed.protocol !== 'https:') return refuse('not-https');
  if (local) return { ok: true };
  if (host === 'localhost' || host.endsWith('.localhost')) return refuse('blocked-address');
  if (isIpLiteral(host) && !isPublicAddress(host)) return refuse('blocked-address');
  return { ok: true };
}

/**
 * Resolves the URL's host just before a delivery and refuses when any of its addresses is not public: a
 * name with one public and one private address must not get a chance of reaching the private one.
 * Locally (`allowLocalHttp`) a loopback host is allowed when everything it resolves to is loopback.
 */
export async function resolveDeliverable(
  url: string,
  options: EndpointOptions & { lookup?: Lookup },
): Promise<Resolution> {
  const check = checkEndpointUrl(url, options);
  if (!check.ok) return check;
  const host = hostOf(new URL(url));
  if (isIpLiteral(host)) {
    const allowed = isPublicAddress(host) || (options.allowLocalHttp && LOOPBACK_HOSTS.has(host));
    return allowed ? { ok: true, addresses: [host] } : refuse('blocked-address');
  }
  const lookup: Lookup = options.lookup ?? dnsLookup;
  let answers: readonly { address: string }[];
  try {
    answers = await lookup(host, { all: true });
  } catch {
    return refuse('unresolvable');
  }
  if (answers.length === 0) return refuse('unresolvable');
  const addresses = answers.map((answer) => answer.address);
  const allowed =
    options.allowLocalHttp && LOOPBACK_HOSTS.has(host)
      ? addresses.every(isLoopbackAddress)
      : addresses.every(isPublicAddress);
  return allowed ? { ok: true, addresses } : refuse('blocked-address');
}

/** The URL's host without IPv6 brackets or a trailing dot, lower case (the URL parser already was). */
function hostOf(url: URL): string {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function isIpLiteral(host: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(host) || (host.includes(':') && ipaddr.IPv6.isValid(host));
}

function isLoopbackAddress(ip: string): boolean {
  return ipaddr.isValid(ip) && ipaddr.process(ip).range() === 'loopback';
}
