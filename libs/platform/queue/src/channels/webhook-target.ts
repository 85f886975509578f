import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { UnrecoverableError } from 'bullmq';
import { env } from '@gridgov/platform-config';

/** Where webhooks may go. Webhook URLs come from users, so by default only public https hosts. */
export interface WebhookTargetPolicy {
  /** Plain http besides https (never in production). */
  readonly allowHttp: boolean;
  /** Private, loopback, link-local … addresses too (tests, development; never in production). */
  readonly allowPrivateHosts: boolean;
  /** Host names (lower case) that may be or resolve to such addresses: intranet department systems. */
  readonly allowedHosts: ReadonlySet<string>;
}

export const STRICT_WEBHOOK_TARGETS: WebhookTargetPolicy = {
  allowHttp: false,
  allowPrivateHosts: false,
  allowedHosts: new Set(),
};

/** The variables of every process that registers or delivers webhooks. */
export const webhookTargetEnv = {
  WEBHOOK_ALLOW_PRIVATE_HOSTS: env.bool(
    'webhooks may target private, loopback and link-local addresses (tests, development); refused with NODE_ENV=production',
    false,
  ),
  WEBHOOK_ALLOWED_HOSTS: env.string(
    'comma-separated host names webhooks may target although they are or resolve to private addresses (intranet systems)',
    '',
  ),
};

/** The policy a process's configuration asks for; throws (stopping start-up) on private hosts in production. */
export function webhookTargetPolicy(config: {
  NODE_ENV: string;
  WEBHOOK_ALLOW_PRIVATE_HOSTS: boolean;
  WEBHOOK_ALLOWED_HOSTS: string;
}): WebhookTargetPolicy {
  const production = config.NODE_ENV === 'production';
  if (production && config.WEBHOOK_ALLOW_PRIVATE_HOSTS)
    throw new Error('WEBHOOK_ALLOW_PRIVATE_HOSTS=true is refused with NODE_ENV=production: list hosts in WEBHOOK_ALLOWED_HOSTS');
  return {
    allowHttp: !production,
    allowPrivateHosts: config.WEBHOOK_ALLOW_PRIVATE_HOSTS,
    allowedHosts: new Set(
      config.WEBHOOK_ALLOWED_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  };
}

/** A target the policy forbids. Unrecoverable: a delivery refused for it fails at once, without retries. */
export class WebhookTargetRefused extends UnrecoverableError {
  constructor(readonly reason: string) {
    super(`webhook target refused: ${reason}`);
    this.name = 'WebhookTargetRefused';
  }
}

// Loopback, private, shared (CGNAT), link-local (cloud metadata), unique-local, multicast, reserved and
// unspecified ranges. IPv4 rules also match IPv4-mapped IPv6 (::ffff:a.b.c.d).
const NON_PUBLIC_IPV4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;

/** An IPv4 address as the two 16-bit groups an IPv6 address embeds it in (10.0.0.0 → "a00:0"). */
const asIpv6Groups = (ipv4: string): string => {
  const [a, b, c, d] = ipv4.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
};

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of NON_PUBLIC_IPV4) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
  // Translated forms reach the embedded IPv4 address: the well-known NAT64 prefix (64:ff9b::/96,
  // RFC 6052) and 6to4 (2002::/16, RFC 3056, IPv4 in bits 16–47). Only those embedding a refused
  // range are refused: with DNS64 on an IPv6-only host every public name resolves to 64:ff9b::/96.
  const groups = asIpv6Groups(network);
  NON_PUBLIC.addSubnet(`64:ff9b::${groups}`, 96 + prefix, 'ipv6');
  NON_PUBLIC.addSubnet(`2002:${groups}::`, 16 + prefix, 'ipv6');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  // Local-use NAT64 (RFC 8215) is refused whole: it translates to the site's own networks, and where
  // it embeds the IPv4 address depends on the prefix length the site chose (RFC 6052 §2.2).
  ['64:ff9b:1::', 48],
  // Teredo (RFC 4380) tunnels to an IPv4 address stored inverted in its last 32 bits, behind a relay
  // of the server's choosing; refused whole: no public webhook endpoint needs it.
  ['2001::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

const isNonPublic = (address: string): boolean => {
  const family = isIP(address);
  return family !== 0 && NON_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

const NON_PUBLIC_NOTE = 'a private, loopback, link-local or multicast address';

interface Target {
  url: URL;
  /** The bare host: no IPv6 brackets, no trailing dot. */
  host: string;
  /** Whether the host's addresses must be public. */
  publicOnly: boolean;
}

/** Scheme, credentials and IP-literal hosts: everything that needs no DNS. */
function parseTarget(raw: string, policy: WebhookTargetPolicy): Target {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetRefused('not a valid URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    throw new WebhookTargetRefused(policy.allowHttp ? 'must use http or https' : 'must use https');
  if (url.username || url.password) throw new WebhookTargetRefused('must not contain a user name or password');
  // URL already normalises IP literals (2130706433, 0x7f.1 → 127.0.0.1; [::ffff:127.0.0.1] → [::ffff:7f00:1]).
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  const publicOnly = !policy.allowPrivateHosts && !policy.allowedHosts.has(host);
  if (publicOnly && isNonPublic(host)) throw new WebhookTargetRefused(`${host} is ${NON_PUBLIC_NOTE}`);
  return { url, host, publicOnly };
}

/**
 * Why a webhook URL cannot be registered, or null. Names are not resolved here (the answer can change
 * later): every delivery resolves them again and refuses non-public addresses.
 */
export function webhookUrlProblem(raw: string, policy: WebhookTargetPolicy): string | null {
  try {
    const { host, publicOnly } = parseTarget(raw, policy);
    if (publicOnly && (host === 'localhost' || host.endsWith('.localhost')))
      return `${host} is a local host name: webhooks go to public hosts only`;
    return null;
  } catch (error) {
    if (error instanceof WebhookTargetRefused) return error.reason;
    throw error;
  }
}

/**
 * The URL to connect to, and a DNS lookup for the connection that refuses a name resolving to any
 * non-public address. The check runs inside the connect, on the very addresses used, so a DNS answer
 * that changes between a check and the connect cannot slip through. Throws WebhookTargetRefused.
 */
export function checkedWebhookTarget(raw: string, policy: WebhookTargetPolicy): { url: URL; lookup: LookupFunction } {
  const { url, host, publicOnly } = parseTarget(raw, policy);
  const checkedLookup: LookupFunction = (hostname, options, callback) =>
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = publicOnly ? addresses.find((a) => isNonPublic(a.address)) : undefined;
      if (refused) return callback(new WebhookTargetRefused(`${host} resolves to ${refused.address}, ${NON_PUBLIC_NOTE}`), '', 0);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  return { url, lookup: checkedLookup };
}
