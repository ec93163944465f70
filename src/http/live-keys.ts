/**
 * Connections that outlive the request that authenticated them (WebSockets,
 * SSE subscriptions), by the API key they run on. A key revoked in any
 * process ends them within `checkEveryMs`: every interval, the keys still
 * in use are looked up in one query, and whatever runs on a revoked (or
 * deleted) key is ended. A revocation in this process ends them at once.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import { createGraphQLError } from 'graphql-yoga';
import type { Db } from '../db/client.ts';
import { apiKeys } from '../db/schema.ts';
import type { Logger } from '../log.ts';

export const REVOKED_CLOSE_CODE = 4403;
export const REVOKED_MESSAGE = 'The API key of this connection has been revoked; connect again with a valid key';

export const revokedError = () => createGraphQLError(REVOKED_MESSAGE, { extensions: { code: 'UNAUTHENTICATED' } });

export class LiveKeys {
  private byKey = new Map<string, Set<() => void>>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;
  private db: Db;
  private log: Logger;
  constructor(db: Db, log: Logger, checkEveryMs = 2_000) {
    this.db = db;
    this.log = log;
    this.timer = setInterval(() => void this.check(), checkEveryMs);
    this.timer.unref();
  }

  /** Calls `end` once if `keyId` is revoked while tracked; returns the function that stops tracking. */
  track(keyId: string, end: () => void): () => void {
    let ends = this.byKey.get(keyId);
    if (!ends) this.byKey.set(keyId, (ends = new Set()));
    ends.add(end);
    return () => {
      ends.delete(end);
      if (!ends.size && this.byKey.get(keyId) === ends) this.byKey.delete(keyId);
    };
  }

  /** Ends everything running on these keys (this process revoked them). */
  revoked(keyIds: Iterable<string>): void {
    for (const keyId of keyIds) {
      const ends = this.byKey.get(keyId);
      this.byKey.delete(keyId);
      for (const end of ends ?? []) end();
    }
  }

  /** Looks up every tracked key once; ends what runs on keys that are no longer valid. */
  async check(): Promise<void> {
    if (this.checking || !this.byKey.size) return;
    this.checking = true;
    try {
      const ids = [...this.byKey.keys()];
      const valid = new Set<string>();
      for (let i = 0; i < ids.length; i += 1000) {
        const rows = await this.db.select({ id: apiKeys.id }).from(apiKeys).where(and(inArray(apiKeys.id, ids.slice(i, i + 1000)), isNull(apiKeys.revokedAt)));
        for (const row of rows) valid.add(row.id);
      }
      this.revoked(ids.filter((id) => !valid.has(id)));
    } catch (error) {
      // The database is away: connections keep running until a check can tell.
      this.log.warn('could not check the keys of open connections', { err: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      this.checking = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * `source`, ended early with `final` as its last value when `track` calls
 * the end it was given. Ending returns the source, so its resources go.
 */
export function endable<T>(source: AsyncIterable<T>, final: T, track: (end: () => void) => () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let state: 'running' | 'ending' | 'done' = 'running';
  let wake: (() => void) | null = null;
  const ended = new Promise<'ended'>((resolve) => (wake = () => resolve('ended')));
  const untrack = track(() => {
    if (state === 'running') state = 'ending';
    wake?.();
  });
  const finish = () => {
    state = 'done';
    untrack();
    // Not awaited: a source waiting for its next value may only return once it has one.
    void Promise.resolve(iterator.return?.()).catch(() => {});
  };
  const result: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => result,
    async next() {
      if (state === 'running') {
        const next = await Promise.race([iterator.next(), ended]);
        if (next !== 'ended') {
          if (next.done) {
            state = 'done';
            untrack();
          }
          return next;
        }
      }
      if (state === 'ending') {
        finish();
        return { value: final, done: false };
      }
      return { value: undefined, done: true };
    },
    async return() {
      if (state !== 'done') finish();
      return { value: undefined, done: true };
    },
  };
  return result;
}
