/**
 * Posture changes cross processes as report changes do (pubsub.ts): the
 * evaluation NOTIFYs each change in the transaction that writes it, every
 * API process listens and fans out to the subscribers of that organisation.
 * Changes are also rows (`posture_changes`, ids rising in commit order), so
 * after a lost LISTEN connection each subscriber is sent the rows after the
 * last one it got: none is lost, none is sent twice.
 */
import type { Db, Sql } from '../db/client.ts';
import { ChannelListener, subscriberQueue } from '../realtime/channel.ts';
import { changesAfter, POSTURE_CHANNEL, type PostureChange } from './posture.ts';

interface Subscriber {
  orgId: string;
  lastId: number;
  deliver(change: PostureChange): void;
}

export class PosturePubSub extends ChannelListener<PostureChange> {
  private subscribers = new Set<Subscriber>();
  private db: Db;
  constructor(sql: Sql, db: Db) {
    super(sql, POSTURE_CHANNEL);
    this.db = db;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  protected deliver(change: PostureChange): void {
    for (const s of this.subscribers) if (s.orgId === change.orgId) s.deliver(change);
  }

  protected resumed(): void {
    void this.catchUp().catch(() => {});
  }

  private async catchUp(): Promise<void> {
    for (const s of [...this.subscribers]) for (const change of await changesAfter(this.db, s.orgId, s.lastId)) s.deliver(change);
  }

  /**
   * The organisation's changes from now on, as an async iterable, each
   * once (a change at or below the last one delivered is dropped).
   */
  async subscribe(orgId: string, maxBuffered = 1000): Promise<AsyncIterableIterator<PostureChange>> {
    // Changes committed before the subscription are not its to send: start after the newest.
    const [newest] = await this.sql`select coalesce(max(id), 0)::bigint as id from posture_changes where org_id = ${orgId}`;
    const subscriber: Subscriber = {
      orgId,
      lastId: Number(newest!.id),
      deliver: (change) => {
        if (change.id <= subscriber.lastId) return;
        subscriber.lastId = change.id;
        queue.push(change);
      },
    };
    const queue = subscriberQueue<PostureChange>(maxBuffered, () => this.subscribers.delete(subscriber));
    this.subscribers.add(subscriber);
    return queue.iterator;
  }
}
