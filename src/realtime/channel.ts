/**
 * What every LISTEN/NOTIFY fan-out of a process shares (report changes in
 * pubsub.ts, posture changes in posture-pubsub.ts): one listening
 * connection per channel, postgres.js listening again after a lost
 * connection (what was announced meanwhile is lost, so the owner is told to
 * catch up), and per subscriber a bounded queue read as an async iterable.
 */
import type { Sql } from '../db/client.ts';

export abstract class ChannelListener<Change> {
  private unlisten: (() => Promise<void>) | null = null;
  private listened = false;
  protected readonly sql: Sql;
  private readonly channel: string;

  constructor(sql: Sql, channel: string) {
    this.sql = sql;
    this.channel = channel;
  }

  /** True while this process listens: only then does it hear of changes made by other processes. */
  get listening(): boolean {
    return this.unlisten !== null;
  }

  /** Starts listening (API processes); publishing works without it. */
  async start(): Promise<void> {
    if (this.unlisten) return;
    const onListen = () => {
      if (this.listened) this.resumed();
      this.listened = true;
    };
    const { unlisten } = await this.sql.listen(this.channel, (payload) => this.hear(payload), onListen);
    this.unlisten = unlisten;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
    this.listened = false;
    this.stopped();
  }

  /** What this process does with a payload it hears (tests call it to hear one at an exact moment). */
  hear(payload: string): void {
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    this.deliver(change);
  }

  /** Hands a change heard to the subscribers it concerns. */
  protected abstract deliver(change: Change): void;
  /** Listening again after a lost connection: changes announced meanwhile were not heard. */
  protected abstract resumed(): void;
  /** Listening stopped. */
  protected stopped(): void {}
}

/**
 * A subscriber's queue: `push` from the listener, read as an async
 * iterable that ends when closed (`return()`, or `close` by the owner).
 * Bounded: a subscriber that falls far behind keeps the latest changes,
 * never unbounded memory.
 */
export function subscriberQueue<T>(maxBuffered: number, onClose: () => void): { push(item: T): void; close(): void; iterator: AsyncIterableIterator<T> } {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const close = () => {
    done = true;
    onClose();
    wake?.();
  };
  const iterator: AsyncIterableIterator<T> = {
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
  return {
    push(item) {
      queue.push(item);
      if (queue.length > maxBuffered) queue.shift();
      wake?.();
    },
    close,
    iterator,
  };
}
