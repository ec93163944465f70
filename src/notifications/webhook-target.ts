/**
 * Where a webhook may go. A webhook URL is chosen by an organisation's admin
 * but fetched by the service from inside its own network, so without rules
 * it could reach the database host, a cloud metadata endpoint
 * (169.254.169.254) or anything else on the private network (SSRF).
 * The rules: https only, and every address the host resolves to must be
 * public, unless the host is in WEBHOOK_ALLOWED_HOSTS. They are checked when
 * the URL is saved (for what a URL alone shows) and again at delivery, on
 * the very addresses the connection then uses, so a DNS answer that changes
 * in between (DNS rebinding) cannot slip through.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address is loopback, private, link-local (cloud metadata), reserved or multicast. */
function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) {
    // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is the IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    return mapped ? PRIVATE.check(mapped, 'ipv4') : PRIVATE.check(address, 'ipv6');
  }
  return true;
}

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

/** Why a webhook URL may not be saved, or null when it may (the address check runs again at delivery). */
export function webhookUrlProblem(raw: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL`;
  }
  if (url.username || url.password) {
    // Errors are shown and may be logged: the credentials are not repeated in them.
    const shown = new URL(url);
    shown.username = shown.password = '';
    return `"${shown.href}" carries credentials (not repeated here); webhooks are verified by their X-Signature-256 header, not by credentials in the URL`;
  }
  const host = hostOf(url);
  const trusted = allowedHosts.includes(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && trusted)) {
    return `"${raw}" must use https (plain http only for hosts listed in WEBHOOK_ALLOWED_HOSTS)`;
  }
  if (!trusted && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host)))) {
    return `"${raw}" points into a private network; webhooks go to public addresses (or hosts listed in WEBHOOK_ALLOWED_HOSTS)`;
  }
  return null;
}

export class WebhookRefused extends Error {}

/**
 * A DNS lookup for the webhook's connection that refuses private addresses
 * of untrusted hosts: the addresses it returns are the ones connected to.
 */
export function guardedLookup(allowedHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const host = hostname.toLowerCase();
      const refused = allowedHosts.includes(host) ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (refused) {
        return callback(new WebhookRefused(`${hostname} resolves to ${refused.address}, a private address; webhooks go to public addresses (or hosts listed in WEBHOOK_ALLOWED_HOSTS)`), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
