/**
 * The address a request came from: the TCP peer, or, when TRUST_PROXY is set
 * because a reverse proxy of ours stands in front, the address that proxy saw
 * (the last entry of X-Forwarded-For, the one the proxy itself appended;
 * entries before it are whatever the client chose to send).
 */
import type { IncomingMessage } from 'node:http';

export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').map((a) => a.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded.slice(0, 64);
  }
  const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'unknown';
}
