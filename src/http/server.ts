/**
 * The API process's HTTP face: graphql-yoga for GraphQL (HTTP and SSE), the
 * plain routes beside it, and graphql-ws on the same port for WebSockets.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createGraphQLError, createYoga, isAsyncIterable, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { bearerToken, type Principal } from '../accounts/api-keys.ts';
import { DomainError, httpStatusOf, isDatabaseUnavailable, RateLimitedError, UNAVAILABLE_RETRY_SECONDS } from '../errors.ts';
import { schema } from '../schema/index.ts';
import type { Services } from '../services.ts';
import { createContext, type Context } from '../schema/context.ts';
import { useRejectNul } from './input-checks.ts';
import { LIMITS, queryLimitPlugins } from './limits.ts';
import { endable, LiveKeys, REVOKED_CLOSE_CODE, REVOKED_MESSAGE, revokedError } from './live-keys.ts';
import { useReportReadCache } from './response-cache.ts';
import { useSharedSubscriptionEvents } from './shared-subscriptions.ts';
import { useMetrics, useMetricsRoute } from './metrics.ts';
import { admit, useRoutes } from './routes.ts';
import { PersistedDocuments } from './persisted-documents.ts';
import './ingest-route.ts';
import './otlp-route.ts';
import './downloads.ts';
import './export-downloads.ts';
import './package-downloads.ts';
import './share-route.ts';
import './openapi.ts';
import './console-route.ts';

export interface ApiServer {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  httpServer: Server;
  /** Listens and resolves to the base URL, e.g. http://127.0.0.1:4000. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, drains in-flight requests (closing any still open after `graceMs`), closes WebSockets. */
  close(graceMs?: number): Promise<void>;
}

export function createApiServer(services: Services, extraPlugins: Plugin[] = []): ApiServer {
  const { log } = services;
  // Subscriptions and sockets end when their key is revoked, here or in another process.
  const liveKeys = new LiveKeys(services.database.db, log);
  const stopHearingRevocations = services.auth.onRevoked((keyId) => liveKeys.revoked([keyId]));

  /** Whether a key may make a request of `operations` operations now: authenticated, and within its rate (one token per operation). */
  const admitKey = async (key: string | null, operations = 1): Promise<{ principal: Principal } | { error: GraphQLError }> => {
    try {
      return { principal: await admit(services, key, operations) };
    } catch (error) {
      if (error instanceof RateLimitedError) return { error: rateLimited(error.retryAfterSeconds, operations) };
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') return { error: createGraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } }) };
      throw error;
    }
  };
  // Once per HTTP request: the response cache asks before any context exists, and the context asks again
  // (for each operation of a batch). A batch of N operations takes N tokens at once, or is refused whole.
  const admissions = new WeakMap<Request, ReturnType<typeof admitKey>>();
  const operationCounts = new WeakMap<Request, number>();
  const admitRequest = (request: Request) => {
    let admission = admissions.get(request);
    if (!admission) admissions.set(request, (admission = admitKey(keyOf(request), operationCounts.get(request) ?? 1)));
    return admission;
  };
  const countOperations: Plugin = {
    onRequestParse: ({ request }) => ({
      onRequestParseDone: async ({ requestParserResult }) => {
        // A batch over the limit is refused by yoga right after this, before it costs anything.
        if (!Array.isArray(requestParserResult) || requestParserResult.length > LIMITS.maxBatch) return;
        operationCounts.set(request, requestParserResult.length);
        // A refused batch is one error with its status (401, 429), not an array of them answered 200.
        const admission = await admitRequest(request);
        if ('error' in admission) throw admission.error;
      },
    }),
  };

  // Read once at start: the manifests are generated and committed with the clients that send their hashes.
  const persisted = new PersistedDocuments(services.config.PERSISTED_DOCUMENTS);

  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { subscriptionsProtocol: 'WS' },
    // GraphiQL's script and style inlined from its npm package (no CDN, so it works offline); loaded on first view.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    plugins: [
      useMetrics(services.metrics),
      useMetricsRoute(services.metrics, services.config),
      useRoutes(services),
      countOperations,
      ...persisted.plugins(),
      ...queryLimitPlugins(),
      useVariableErrorCodes(),
      useRejectNul(),
      useReportReadCache({
        schema,
        realtime: services.realtime,
        admit: async (request) => {
          const admission = await admitRequest(request);
          return 'principal' in admission ? admission.principal : null;
        },
      }),
      useSharedSubscriptionEvents(),
      useEndOnRevocation(liveKeys),
      ...extraPlugins,
    ],
    batching: { limit: LIMITS.maxBatch },
    // Replaced by the body limit of queryLimitPlugins (limits.ts), which streams only bodies without a length.
    maxRequestBodySize: false,
    context: async ({ request, connectionParams }: { request?: Request; connectionParams?: Record<string, unknown> }) => {
      const admission = await (request && !connectionParams ? admitRequest(request) : admitKey(keyOf(request, connectionParams)));
      if ('error' in admission) throw admission.error;
      return createContext(services, admission.principal);
    },
    maskedErrors: {
      maskError(error, message) {
        const original = isGraphQLError(error) ? error.originalError : error;
        if (original instanceof DomainError) {
          return createGraphQLError(original.message, {
            nodes: isGraphQLError(error) ? error.nodes : undefined,
            path: isGraphQLError(error) ? error.path : undefined,
            extensions: {
              code: original.code,
              ...(original.field !== undefined ? { field: original.field } : {}),
              http: { status: original.code === 'FORBIDDEN' || original.code === 'NOT_FOUND' ? 200 : httpStatusOf[original.code] },
            },
          });
        }
        if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) {
          return error;
        }
        if (isDatabaseUnavailable(original)) {
          log.warn('database unavailable', { err: original instanceof Error ? original : new Error(String(original)) });
          return createGraphQLError('The database is unavailable; retry shortly.', {
            extensions: { code: 'UNAVAILABLE', http: { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) } } },
          });
        }
        log.error('internal error', { err: original instanceof Error ? original : new Error(String(original)) });
        return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    logging: {
      debug: (...args) => log.debug(String(args[0])),
      info: (...args) => log.info(String(args[0])),
      warn: (...args) => log.warn(String(args[0])),
      // yoga logs each error of a result: a client's mistake is not an operator's alarm, and the
      // document is the client's (it may hold data); our own faults are logged by maskError, with stack.
      error: (...args) => {
        const [first] = args;
        if (!isGraphQLError(first)) return log.error(String(first));
        const original = first.originalError;
        const code = original instanceof DomainError ? original.code : first.extensions?.code;
        if (typeof code === 'string' && CLIENT_CODES.has(code)) log.info('request refused', { code, message: first.message, path: first.path?.join('.') });
        else if (original && !isGraphQLError(original)) log.debug('operation failed (logged above as internal error)', { path: first.path?.join('.') });
        else log.warn('operation error', { message: first.message, path: first.path?.join('.') });
      },
    },
  });

  // Node ends any request whose body takes over 5 minutes by default: a 10M-event NDJSON upload
  // streams for longer than that. Headers must still arrive within headersTimeout (60 s).
  const httpServer = createServer({ requestTimeout: 60 * 60_000 }, yoga);
  const wsServer = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint });
  const wsCleanup = useServer<Record<string, unknown> | undefined, { key?: string; untrack?: () => void }>(
    {
      // The API key travels in connection params: browsers cannot set headers on WebSockets.
      onConnect: async (ctx) => {
        const key = keyOf(undefined, ctx.connectionParams);
        const principal = await services.auth.authenticate(key);
        if (!principal) return false;
        ctx.extra.key = key!;
        const socket = ctx.extra.socket;
        ctx.extra.untrack = liveKeys.track(principal.keyId, () => socket.close(REVOKED_CLOSE_CODE, REVOKED_MESSAGE));
        return true;
      },
      onClose: (ctx) => ctx.extra.untrack?.(),
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        // Each operation is authorised as of now (the authenticator caches for at most a few seconds),
        // and counted like one sent over HTTP: a key revoked after the socket opened does nothing more.
        const admission = await admitKey(ctx.extra.key ?? null);
        if ('error' in admission) {
          if (admission.error.extensions.code === 'RATE_LIMITED') return [rateLimited(Number(admission.error.extensions.retryAfterSeconds), 1, false)];
          const socket = ctx.extra.socket;
          setImmediate(() => socket.close(REVOKED_CLOSE_CODE, REVOKED_MESSAGE));
          return [revokedError()];
        }
        const { principal } = admission;
        const { schema: enveloped, execute, subscribe, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const known = persisted.resolve(params);
        if ('error' in known) return [known.error];
        let document;
        try {
          document = parse(known.query);
        } catch (error) {
          return [isGraphQLError(error) ? error : new GraphQLError(String(error))];
        }
        const errors = validate(enveloped, document);
        if (errors.length) return errors;
        return {
          schema: enveloped,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: createContext(services, principal),
          rootValue: { execute, subscribe },
        };
      },
    },
    wsServer,
  );

  return {
    yoga,
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: async (graceMs?: number) => {
      liveKeys.stop();
      stopHearingRevocations();
      await wsCleanup.dispose();
      await new Promise<void>((resolve) => {
        const force = graceMs === undefined ? undefined : setTimeout(() => httpServer.closeAllConnections(), graceMs);
        httpServer.close(() => {
          clearTimeout(force);
          resolve();
        });
        httpServer.closeIdleConnections();
      });
    },
  };
}

/** RATE_LIMITED; over HTTP also status 429 and Retry-After (a WebSocket message has neither: `retryAfterSeconds` says it). */
function rateLimited(wait: number, operations: number, overHttp = true): GraphQLError {
  const what = operations > 1 ? `Too many operations for this API key (this batch has ${operations})` : 'Too many requests for this API key';
  return createGraphQLError(`${what}; retry in ${wait} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait, ...(overHttp ? { http: { status: 429, headers: { 'retry-after': String(wait) } } } : {}) },
  });
}

/** The API key of a request: its Authorization header, else (SSE, WebSocket) the connection params. */
function keyOf(request?: Request, connectionParams?: Record<string, unknown>): string | null {
  return (
    bearerToken(request?.headers.get('authorization')) ??
    bearerToken(typeof connectionParams?.authorization === 'string' ? connectionParams.authorization : null) ??
    (typeof connectionParams?.apiKey === 'string' ? connectionParams.apiKey : null)
  );
}

/** Codes of the client's own mistakes (logged at info, without the document). */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

/** By name: graphql is loaded as both CJS and ESM, so `instanceof` is unreliable. */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/**
 * A subscription (SSE or WebSocket) ends when its key is revoked: its last
 * event is an UNAUTHENTICATED error saying so.
 */
function useEndOnRevocation(liveKeys: LiveKeys): Plugin<Context> {
  return {
    onSubscribe: ({ args }) => ({
      onSubscribeResult: ({ result, setResult }) => {
        const principal = (args.contextValue as Context).principal;
        if (!principal || !isAsyncIterable(result)) return;
        setResult(endable(result, { errors: [revokedError()] }, (end) => liveKeys.track(principal.keyId, end)));
      },
    }),
  };
}

const VARIABLE_ERROR = /^Variable "\$([^"]+)" (?:got invalid value .*? at "([^"]+)"|got invalid value|of required type|of non-null type)/;

/**
 * graphql-js words a variable of the wrong type well ("Variable "$events" got
 * invalid value "ten" at "events[0].ttlSeconds"; Int cannot represent…") but
 * gives it no code: give it BAD_USER_INPUT and the path of the bad value, like
 * every other bad input.
 */
function useVariableErrorCodes(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (Symbol.asyncIterator in (result as object)) return;
        const errors = (result as { errors?: readonly GraphQLError[] }).errors;
        if (!errors?.some((e) => !e.extensions?.code && VARIABLE_ERROR.test(e.message))) return;
        setResult({
          ...(result as object),
          errors: errors.map((e) => {
            const match = !e.extensions?.code && VARIABLE_ERROR.exec(e.message);
            if (!match) return e;
            return createGraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'BAD_USER_INPUT', field: match[2] ?? match[1], http: { status: 400 } } });
          }),
        } as never);
      },
    }),
  };
}
