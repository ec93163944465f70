/**
 * HTTP routes beside GraphQL, served by yoga's own fetch handler so tests
 * reach them through `yoga.fetch` like any client.
 */
import type { Plugin } from 'graphql-yoga';
import { bearerToken, type Principal } from '../accounts/api-keys.ts';
import { can, rolesFor, type Action } from '../access.ts';
import { DomainError, httpStatusOf, isDatabaseUnavailable, RateLimitedError, UNAVAILABLE_RETRY_SECONDS } from '../errors.ts';
import type { Services } from '../services.ts';
import { clientAddress } from './client-address.ts';

interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  services: Services;
  /** Where the request came from (see client-address.ts). */
  clientAddress: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path with `:name` segments, e.g. `/reports/:id/download`. */
  path: string;
  handler: (ctx: RouteContext) => Promise<Response> | Response;
}

const routeTable: Route[] = [];

/** Every route registered, as method and path (the OpenAPI test compares them with the document). */
export function registeredRoutes(): Array<{ method: Route['method']; path: string }> {
  return routeTable.map(({ method, path }) => ({ method, path }));
}

/** Domain route files call this at import time. */
export function addRoute(route: Route) {
  routeTable.push(route);
}

addRoute({ method: 'GET', path: '/healthz', handler: () => Response.json({ ok: true }) });
addRoute({
  method: 'GET',
  path: '/readyz',
  handler: async ({ services }) => {
    try {
      await services.database.sql`select 1`;
      return Response.json({ ok: true });
    } catch {
      return Response.json({ ok: false, reason: 'database unreachable' }, { status: 503 });
    }
  },
});

export function useRoutes(services: Services): Plugin {
  const compiled = () =>
    routeTable.map((route) => ({
      route,
      pattern: new RegExp('^' + route.path.replace(/:([a-zA-Z]+)/g, '(?<$1>[^/]+)') + '/?$'),
    }));
  let table: ReturnType<typeof compiled> | null = null;
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      table ??= compiled();
      // A known path asked with another method is 405 naming the methods it takes, not 404.
      const allowed = new Set<string>();
      for (const { route, pattern } of table) {
        const match = pattern.exec(url.pathname);
        if (!match) continue;
        if (request.method !== route.method && !(route.method === 'GET' && request.method === 'HEAD')) {
          allowed.add(route.method);
          continue;
        }
        try {
          endResponse(await route.handler({ request, url, params: { ...match.groups }, services, clientAddress: clientAddress(request, serverContext, services.config.TRUST_PROXY) }));
        } catch (error) {
          endResponse(errorResponse(error, services));
        }
        return;
      }
      if (allowed.size) {
        const methods = [...allowed].join(', ');
        endResponse(Response.json({ error: { code: 'METHOD_NOT_ALLOWED', message: `${url.pathname} takes ${methods}, not ${request.method}` } }, { status: 405, headers: { allow: methods } }));
      }
    },
  };
}

/** A request body passed its route's limit; reading stopped there. */
export class BodyTooLarge extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`The request body is over the limit of ${limit} bytes`);
    this.name = 'BodyTooLarge';
    this.limit = limit;
  }
}

/**
 * The whole body, read while counting: refused at once when Content-Length
 * says it is over `maxBytes`, else as soon as what arrived passes it. An
 * oversized body is never held, and the answer does not wait for its end.
 */
export async function readLimited(request: Request, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw new BodyTooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new BodyTooLarge(maxBytes);
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } finally {
    // Released, not cancelled: cancelling destroys the socket before the 413 can be sent.
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/** Headers of an answer sent before the body was read to its end: the connection is not reused (the rest of the body is not read). */
export const CLOSE_AFTER = { connection: 'close' } as const;

export function errorResponse(error: unknown, services: Services): Response {
  if (error instanceof BodyTooLarge) {
    return Response.json({ error: { code: 'BAD_USER_INPUT', field: 'body', message: `${error.message}; send less` } }, { status: 413, headers: CLOSE_AFTER });
  }
  if (error instanceof DomainError) {
    const headers: Record<string, string> = error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } },
      { status: httpStatusOf[error.code], headers },
    );
  }
  if (isDatabaseUnavailable(error)) {
    services.log.warn('database unavailable', { err: error instanceof Error ? error : new Error(String(error)) });
    return Response.json(
      { error: { code: 'UNAVAILABLE', message: 'The database is unavailable; retry shortly.' } },
      { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) } },
    );
  }
  services.log.error('internal error in route', { err: error instanceof Error ? error : new Error(String(error)) });
  return Response.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' } }, { status: 500 });
}

/**
 * What every request passes first, GraphQL (server.ts) and routes alike: a valid key,
 * within its rate (`operations` tokens at once: a GraphQL batch takes one per operation).
 */
export async function admit(services: Services, key: string | null, operations = 1): Promise<Principal> {
  const principal = await services.auth.authenticate(key);
  if (!principal) {
    throw new DomainError('UNAUTHENTICATED', key ? 'The API key is not valid or has been revoked' : 'Send an API key as "Authorization: Bearer <key>"');
  }
  const wait = services.rateLimiter.take(principal.keyId, operations);
  if (wait) throw new RateLimitedError(wait, operations);
  return principal;
}

/** Admits a route's request by its bearer key and checks the action. */
export async function authorize(request: Request, services: Services, action: Action): Promise<Principal> {
  const principal = await admit(services, bearerToken(request.headers.get('authorization')));
  if (!can(principal.role, action)) {
    throw new DomainError('FORBIDDEN', `Your API key's role "${principal.role}" may not ${action} (needs role ${rolesFor(action).join(' or ')})`);
  }
  return principal;
}
