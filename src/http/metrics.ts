/**
 * The API's side of the metrics (metrics.ts): HTTP latency by route, GraphQL
 * execution time, open subscriptions, and /metrics behind METRICS_TOKEN.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { bearerToken } from '../accounts/api-keys.ts';
import type { Config } from '../config.ts';
import type { Metrics } from '../metrics.ts';

/** Paths as labels: the route's pattern, never the raw path (ids would make a series per request). */
const ROUTE_LABELS: Array<[RegExp, string]> = [
  [/^\/graphql\/?$/, '/graphql'],
  [/^\/ingest\/?$/, '/ingest'],
  [/^\/v1\/traces\/?$/, '/v1/traces'],
  [/^\/reports\/[^/]+\/download\/?$/, '/reports/:id/download'],
  [/^\/reports\/[^/]+\/findings\/[^/]+\/evidence\/?$/, '/reports/:id/findings/:ordinal/evidence'],
  [/^\/shared\/[^/]+/, '/shared/:token'],
  [/^\/exports\//, '/exports/*'],
  [/^\/healthz\/?$/, '/healthz'],
  [/^\/readyz\/?$/, '/readyz'],
  [/^\/openapi\.json$/, '/openapi.json'],
  [/^\/metrics\/?$/, '/metrics'],
  [/^\/console/, '/console'],
];

function routeLabel(pathname: string): string {
  return ROUTE_LABELS.find(([pattern]) => pattern.test(pathname))?.[1] ?? 'other';
}

/** HTTP latency of every request and GraphQL execution time, and the subscriptions open. */
export function useMetrics(metrics: Metrics): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response, serverContext }) {
      const start = started.get(request);
      if (start === undefined) return;
      void serverContext;
      const route = routeLabel(new URL(request.url).pathname);
      metrics.httpDuration.observe({ method: request.method, route, status: String(response.status) }, (performance.now() - start) / 1000);
    },
    onExecute() {
      const start = performance.now();
      return { onExecuteDone: () => void metrics.graphqlDuration.observe({ operation: 'query_or_mutation' }, (performance.now() - start) / 1000) };
    },
    onSubscribe() {
      const start = performance.now();
      return {
        onSubscribeResult: ({ result }) => {
          metrics.graphqlDuration.observe({ operation: 'subscription' }, (performance.now() - start) / 1000);
          if (!(result && typeof result === 'object' && Symbol.asyncIterator in result)) return;
          metrics.subscriptions.inc();
          let open = true;
          const close = () => {
            if (open) metrics.subscriptions.dec();
            open = false;
          };
          return { onEnd: close };
        },
      };
    },
  };
}

/** /metrics on the API port, for a bearer METRICS_TOKEN; 404 (as any unknown path) when no token is configured. */
export function useMetricsRoute(metrics: Metrics, config: Pick<Config, 'METRICS_TOKEN'>): Plugin {
  const token = config.METRICS_TOKEN ? Buffer.from(config.METRICS_TOKEN) : null;
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/metrics' || !token) return;
      const sent = Buffer.from(bearerToken(request.headers.get('authorization')) ?? '');
      if (sent.length !== token.length || !timingSafeEqual(sent, token)) {
        endResponse(Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Send the metrics token (METRICS_TOKEN) as "Authorization: Bearer <token>"' } }, { status: 401, headers: { 'www-authenticate': 'Bearer' } }));
        return;
      }
      endResponse(new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } }));
    },
  };
}

