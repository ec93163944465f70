/**
 * Subscriptions: graphql-ws over a WebSocket (one shared connection), falling
 * back to GraphQL over SSE (the graphql-sse client, distinct connections, the
 * key in a header) when the WebSocket cannot be opened (a proxy that drops
 * upgrades, say). Both reconnect after a drop; the server sends the current
 * state first on every (re)subscription, so nothing is missed.
 *
 * The header's status line says "live" while a subscription streams,
 * "reconnecting" only while one is wanted and its connection is down, and
 * nothing when no view follows anything (the lazy WebSocket then closes by
 * design: that is not a drop).
 */
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { createClient, type Client } from 'graphql-ws';
import { session } from './api.ts';
import type { TypedDocumentString } from './gql/graphql.ts';

export type Transport = 'ws' | 'sse';
export interface Handlers<T> {
  next(data: T): void;
  error?(message: string): void;
  complete?(): void;
}

let client: Client | null = null;
let sseClient: SseClient | null = null;
let transport: Transport = new URLSearchParams(location.search).get('transport') === 'sse' ? 'sse' : 'ws';
let everConnected = false;
let failedOpens = 0;
/** Subscriptions the views currently want. */
let wanted = 0;
let socketOpen = false;
const switchers = new Set<() => void>();
/** Listeners told about the connection state, for the status line in the header. */
const stateListeners = new Set<(state: string) => void>();
export const onConnectionState = (listener: (state: string) => void) => stateListeners.add(listener);
const setState = (next: string) => stateListeners.forEach((l) => l(next));
const liveLabel = () => (transport === 'sse' ? 'live (SSE)' : 'live');
/** The status when nothing dropped: live while something streams, blank when nothing is followed. */
const settle = () => setState(wanted > 0 && (transport === 'sse' || socketOpen) ? liveLabel() : wanted > 0 ? 'connecting' : '');

const retryWait = (retries: number) => new Promise<void>((r) => setTimeout(r, Math.min(500 * 2 ** retries, 10_000) * (0.5 + Math.random() / 2)));

function wsClient(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${session.key}` }),
    lazy: true,
    keepAlive: 15_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait,
    on: {
      connected: () => {
        everConnected = true;
        failedOpens = 0;
        socketOpen = true;
        settle();
      },
      closed: () => {
        socketOpen = false;
        if (!everConnected && ++failedOpens >= 2) fallBackToSse();
        else if (wanted > 0) setState('reconnecting');
        else settle();
      },
    },
  });
  return client;
}

function sse(): SseClient {
  sseClient ??= createSseClient({
    url: '/graphql',
    headers: (): Record<string, string> => ({ authorization: `Bearer ${session.key}` }),
    retryAttempts: Infinity,
    retry: retryWait,
    on: {
      connecting: (reconnecting) => {
        if (reconnecting && wanted > 0) setState('reconnecting');
      },
      connected: () => settle(),
    },
  });
  return sseClient;
}

function fallBackToSse() {
  if (transport === 'sse') return;
  transport = 'sse';
  settle();
  const active = [...switchers];
  switchers.clear();
  active.forEach((switchOver) => switchOver());
  void client?.dispose();
  client = null;
}

export function resetLive() {
  void client?.dispose();
  client = null;
  sseClient?.dispose();
  sseClient = null;
  everConnected = false;
  socketOpen = false;
}

const messages = (errors: unknown) => (Array.isArray(errors) ? errors.map((e: { message?: string }) => e.message ?? String(e)).join('; ') : errors instanceof Error ? errors.message : 'The live connection failed');

/** Subscribes; returns the function that stops it. */
export function subscribe<T, V extends Record<string, unknown>>(document: TypedDocumentString<T, V>, variables: V, handlers: Handlers<T>): () => void {
  const query = document.toString();
  let stop: () => void = () => {};
  let stopped = false;
  let counted = true;
  wanted++;
  settle();
  const done = () => {
    if (!counted) return;
    counted = false;
    wanted--;
    settle();
  };
  const sink = {
    next: (value: { data?: unknown; errors?: ReadonlyArray<{ message: string }> | null }) =>
      value.errors?.length ? handlers.error?.(messages(value.errors)) : value.data && handlers.next(value.data as T),
    error: (error: unknown) => handlers.error?.(messages(error)),
  };
  const start = () => {
    if (stopped) return;
    if (transport === 'sse') {
      stop = sse().subscribe({ query, variables }, { ...sink, complete: () => { done(); handlers.complete?.(); } });
      return;
    }
    let switching = false;
    const switchOver = () => {
      switching = true;
      stop();
      start();
    };
    switchers.add(switchOver);
    const dispose = wsClient().subscribe({ query, variables }, {
      ...sink,
      complete: () => {
        // Moving to SSE is not the end of the subscription.
        if (switching) return;
        switchers.delete(switchOver);
        done();
        handlers.complete?.();
      },
    });
    stop = () => {
      switchers.delete(switchOver);
      dispose();
    };
  };
  start();
  return () => {
    stopped = true;
    stop();
    done();
  };
}
