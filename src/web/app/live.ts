/**
 * Subscriptions: graphql-ws over a WebSocket (one shared connection), falling
 * back to Server-Sent Events when the WebSocket cannot be opened (a proxy that
 * drops upgrades, say). Both reconnect after a drop; the server sends the
 * current state first on every (re)subscription, so nothing is missed.
 */
import { createClient, type Client } from 'graphql-ws';
import { session } from './api.ts';

export type Transport = 'ws' | 'sse';
export interface Handlers<T> {
  next(data: T): void;
  error?(message: string): void;
  complete?(): void;
}

let client: Client | null = null;
let transport: Transport = new URLSearchParams(location.search).get('transport') === 'sse' ? 'sse' : 'ws';
let everConnected = false;
let failedOpens = 0;
const switchers = new Set<() => void>();
/** Listeners told about the connection state, for the status line in the header. */
const stateListeners = new Set<(state: string) => void>();
export const onConnectionState = (listener: (state: string) => void) => stateListeners.add(listener);
const setState = (state: string) => stateListeners.forEach((l) => l(state));
export const currentTransport = () => transport;

function wsClient(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${session.key}` }),
    lazy: true,
    keepAlive: 15_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((r) => setTimeout(r, Math.min(500 * 2 ** retries, 10_000) * (0.5 + Math.random() / 2))),
    on: {
      connected: () => {
        everConnected = true;
        failedOpens = 0;
        setState('live');
      },
      closed: () => {
        if (!everConnected && ++failedOpens >= 2) fallBackToSse();
        else setState('reconnecting');
      },
    },
  });
  return client;
}

function fallBackToSse() {
  if (transport === 'sse') return;
  transport = 'sse';
  setState('live (SSE)');
  const active = [...switchers];
  switchers.clear();
  active.forEach((switchOver) => switchOver());
  void client?.dispose();
  client = null;
}

export function resetLive() {
  void client?.dispose();
  client = null;
  everConnected = false;
}

/** Subscribes; returns the function that stops it. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, handlers: Handlers<T>): () => void {
  let stop: () => void = () => {};
  let stopped = false;
  const start = () => {
    if (stopped) return;
    if (transport === 'sse') {
      stop = sseSubscribe(query, variables, handlers);
      return;
    }
    const switchOver = () => {
      stop();
      start();
    };
    switchers.add(switchOver);
    const dispose = wsClient().subscribe<T>(
      { query, variables },
      {
        next: (value) => (value.errors?.length ? handlers.error?.(value.errors.map((e) => e.message).join('; ')) : value.data && handlers.next(value.data)),
        error: (error) => handlers.error?.(Array.isArray(error) ? error.map((e: { message: string }) => e.message).join('; ') : 'The live connection failed'),
        complete: () => {
          switchers.delete(switchOver);
          handlers.complete?.();
        },
      },
    );
    stop = () => {
      switchers.delete(switchOver);
      dispose();
    };
  };
  start();
  return () => {
    stopped = true;
    stop();
  };
}

/** GraphQL over SSE (yoga's distinct-connections mode) with the key in a header, which EventSource cannot send. */
function sseSubscribe<T>(query: string, variables: Record<string, unknown>, handlers: Handlers<T>): () => void {
  const controller = new AbortController();
  let attempt = 0;
  let finished = false;
  const run = async () => {
    while (!controller.signal.aborted && !finished) {
      try {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${session.key}` },
          body: JSON.stringify({ query, variables }),
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        setState('live (SSE)');
        attempt = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: ?(.*)$/m.exec(message)?.[1] ?? 'message';
            const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
            if (event === 'complete') {
              finished = true;
              handlers.complete?.();
              return;
            }
            if (!data) continue;
            const payload = JSON.parse(data) as { data?: T; errors?: Array<{ message: string }> };
            if (payload.errors?.length) handlers.error?.(payload.errors.map((e) => e.message).join('; '));
            else if (payload.data) handlers.next(payload.data);
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      if (finished || controller.signal.aborted) return;
      setState('reconnecting');
      await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt++, 10_000)));
    }
  };
  void run();
  return () => controller.abort();
}
