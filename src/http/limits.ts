/**
 * Limits that keep one request from exhausting the server: query depth,
 * aliases, tokens and cost (graphql-armor), batch size and body size.
 * A nested findings ↔ evidence ↔ findings query is cut off by depth and
 * cost before it runs; page sizes are capped where lists are resolved.
 */
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { Plugin } from 'graphql-yoga';

export const LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  maxCost: 100_000,
  maxBatch: 10,
  maxBodyBytes: 1024 * 1024,
};

export function queryLimitPlugins(): Plugin[] {
  return [
    maxDepthPlugin({ n: LIMITS.maxDepth, exposeLimits: true, flattenFragments: true }),
    maxAliasesPlugin({ n: LIMITS.maxAliases, exposeLimits: true }),
    maxTokensPlugin({ n: LIMITS.maxTokens, exposeLimits: true }),
    costLimitPlugin({ maxCost: LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1, exposeLimits: true }),
    bodySizeLimit(LIMITS.maxBodyBytes),
  ] as Plugin[];
}

/** GraphQL bodies are small; bulk data goes to POST /ingest, which streams. */
function bodySizeLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/graphql' || request.method !== 'POST') return;
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        endResponse(
          Response.json(
            { errors: [{ message: `The request body is ${length} bytes; the limit is ${maxBytes}. Send bulk events to POST /ingest as NDJSON.`, extensions: { code: 'BAD_USER_INPUT' } }] },
            { status: 413 },
          ),
        );
      }
    },
  };
}
