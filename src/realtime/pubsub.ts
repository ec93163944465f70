/**
 * Report changes cross processes through PostgreSQL LISTEN/NOTIFY: a worker
 * publishes, every API process listens and fans out to its subscribers, so
 * a subscriber on any API process sees progress from any worker.
 */
import type { Sql } from '../db/client.ts';

export const CHANNEL = 'report_changes';

export interface ReportChange {
  orgId: string;
  reportId: string;
  status: string;
  percent: number;
  stage: string;
  message: string;
  at: string;
}

type Listener = (change: ReportChange) => void;

export class ReportPubSub {
  private listeners = new Set<Listener>();
  private unlisten: (() => Promise<void>) | null = null;
  private sql: Sql;
  constructor(sql: Sql) {
    this.sql = sql;
  }

  /** Starts listening (API processes); publishing works without it. */
  async start(): Promise<void> {
    if (this.unlisten) return;
    const { unlisten } = await this.sql.listen(CHANNEL, (payload) => {
      let change: ReportChange;
      try {
        change = JSON.parse(payload) as ReportChange;
      } catch {
        return;
      }
      for (const listener of this.listeners) listener(change);
    });
    this.unlisten = unlisten;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
  }

  publish(change: ReportChange): Promise<unknown> {
    return this.sql.notify(CHANNEL, JSON.stringify(change));
  }

  /**
   * Changes of one organisation (optionally one report) as an async iterable.
   * The buffer is bounded: a subscriber that falls far behind keeps the
   * latest changes, never unbounded memory.
   */
  subscribe(filter: { orgId: string; reportId?: string }, maxBuffered = 1000): AsyncIterableIterator<ReportChange> {
    const queue: ReportChange[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener: Listener = (change) => {
      if (change.orgId !== filter.orgId || (filter.reportId && change.reportId !== filter.reportId)) return;
      queue.push(change);
      if (queue.length > maxBuffered) queue.shift();
      wake?.();
    };
    this.listeners.add(listener);
    const close = () => {
      done = true;
      this.listeners.delete(listener);
      wake?.();
    };
    const iterator: AsyncIterableIterator<ReportChange> = {
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
