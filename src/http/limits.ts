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
import { createGraphQLError, type Plugin } from 'graphql-yoga';

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

const tooLarge = (maxBytes: number, length?: number) =>
  createGraphQLError(`The request body is ${length === undefined ? 'over the limit' : `${length} bytes`}; the limit is ${maxBytes}. Send bulk events to POST /ingest as NDJSON.`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 413 } },
  });

/**
 * GraphQL bodies are small; bulk data goes to POST /ingest, which streams.
 * A body with a Content-Length (Node's parser holds the body to it) is judged
 * by that header; only one sent without (chunked) is counted as it streams.
 * (yoga's own limit, off in server.ts, streamed every body through a
 * TransformStream: half the time of a cached answer.)
 */
function bodySizeLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/graphql' || request.method !== 'POST') return;
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        endResponse(
          Response.json(
            { errors: [{ message: tooLarge(maxBytes, length).message, extensions: { code: 'BAD_USER_INPUT' } }] },
            { status: 413 },
          ),
        );
      }
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.headers.has('content-length') || !request.body || !requestParser) return;
      setRequestParser((unlimited) => {
        let bytes = 0;
        // A native stream needs the native TransformStream, yoga's ponyfill its own (as yoga's limit does).
        const Transform = unlimited.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        const body = unlimited.body!.pipeThrough(
          new Transform({
            transform(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>) {
              bytes += chunk.byteLength;
              if (bytes > maxBytes) controller.error(tooLarge(maxBytes));
              else controller.enqueue(chunk);
            },
          }),
        );
        return requestParser(new fetchAPI.Request(unlimited.url, { method: unlimited.method, headers: unlimited.headers, signal: unlimited.signal, body, duplex: 'half' } as RequestInit));
      });
    },
  };
}
