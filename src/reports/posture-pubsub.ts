/**
 * Posture changes cross processes as report changes do (pubsub.ts): the
 * evaluation NOTIFYs each change in the transaction that writes it, every
 * API process listens and fans out to the subscribers of that organisation.
 * Changes are also rows (`posture_changes`, ids rising in commit order), so
 * after a lost LISTEN connection each subscriber is sent the rows after the
 * last one it got: none is lost, none is sent twice.
 */
import type { Db, Sql } from '../db/client.ts';
import { changesAfter, POSTURE_CHANNEL, type PostureChange } from './posture.ts';

interface Subscriber {
  orgId: string;
  lastId: number;
  deliver(change: PostureChange): void;
}

export class PosturePubSub {
  private subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | null = null;
  private listened = false;
  private sql: Sql;
  private db: Db;
  constructor(sql: Sql, db: Db) {
    this.sql = sql;
    this.db = db;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async start(): Promise<void> {
    if (this.unlisten) return;
    const onListen = () => {
      if (this.listened) void this.catchUp().catch(() => {});
      this.listened = true;
    };
    const { unlisten } = await this.sql.listen(POSTURE_CHANNEL, (payload) => this.hear(payload), onListen);
    this.unlisten = unlisten;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
    this.listened = false;
  }

  hear(payload: string): void {
    let change: PostureChange;
    try {
      change = JSON.parse(payload) as PostureChange;
    } catch {
      return;
    }
    for (const s of this.subscribers) if (s.orgId === change.orgId) s.deliver(change);
  }

  private async catchUp(): Promise<void> {
    for (const s of [...this.subscribers]) for (const change of await changesAfter(this.db, s.orgId, s.lastId)) s.deliver(change);
  }

  /**
   * The organisation's changes from now on, as an async iterable. The
   * buffer is bounded: a subscriber far behind keeps the latest changes.
   */
  async subscribe(orgId: string, maxBuffered = 1000): Promise<AsyncIterableIterator<PostureChange>> {
    const queue: PostureChange[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    // Changes committed before the subscription are not its to send: start after the newest.
    const [newest] = await this.sql`select coalesce(max(id), 0)::bigint as id from posture_changes where org_id = ${orgId}`;
    const subscriber: Subscriber = {
      orgId,
      lastId: Number(newest!.id),
      deliver: (change) => {
        if (change.id <= subscriber.lastId) return;
        subscriber.lastId = change.id;
        queue.push(change);
        if (queue.length > maxBuffered) queue.shift();
        wake?.();
      },
    };
    this.subscribers.add(subscriber);
    const close = () => {
      done = true;
      this.subscribers.delete(subscriber);
      wake?.();
    };
    const iterator: AsyncIterableIterator<PostureChange> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (queue.length) return { value: queue.shift()!, done: false };
        return { value: undefined, done: true };
      },
      return: async () => {
        close();
        return { value: undefined, done: true };
      },
    };
    return iterator;
  }
}
