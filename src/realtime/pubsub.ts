/**
 * Report changes cross processes through PostgreSQL LISTEN/NOTIFY: whoever
 * changes a report notifies in the transaction that changes it, every API
 * process listens and fans out to its subscribers, so a subscriber on any API
 * process sees progress from any worker. Notifications are delivered at
 * commit and in commit order, so subscribers never hear of a change that
 * rolled back, nor of two changes of one report out of order.
 */
import { sql as drizzleSql } from 'drizzle-orm';
import type { Db, Sql } from '../db/client.ts';
import { ChannelListener, subscriberQueue } from './channel.ts';

export const CHANNEL = 'report_changes';

export interface ReportChange {
  orgId: string;
  reportId: string;
  status: string;
  percent: number;
  stage: string;
  message: string;
  /** The report was deleted by this change. */
  deleted: boolean;
  at: string;
  /**
   * Only percent, stage and message changed: the status and every other column are as before, so no
   * list gains or loses the report (the response cache then drops only reads that show it). Absent
   * means anything may have changed.
   */
  progressOnly?: true;
  /** What changed when not a report: a data export or a compliance package (its id is in `reportId`). */
  subject?: 'export' | 'package';
}

const matches = (filter: Subscriber['filter'], change: ReportChange) =>
  change.orgId === filter.orgId && change.subject === filter.subject && (!filter.reportId || change.reportId === filter.reportId);

// NOTIFY payloads must stay under 8000 bytes; a message (e.g. a long summary) is cut well before that.
const MAX_MESSAGE = 1000;
const payloadOf = (change: ReportChange) =>
  JSON.stringify(change.message.length > MAX_MESSAGE ? { ...change, message: `${change.message.slice(0, MAX_MESSAGE - 1)}…` } : change);

/** Announces a change inside the caller's transaction (a drizzle db or transaction): delivered at its commit, never on rollback. */
export async function notifyReportChange(tx: Pick<Db, 'execute'>, change: ReportChange): Promise<void> {
  await tx.execute(drizzleSql`select pg_notify(${CHANNEL}, ${payloadOf(change)})`);
}

interface Subscriber {
  filter: SubscriptionFilter;
  deliver(change: ReportChange): void;
}

/** Changes of one organisation, of one report or export when `reportId` is given; reports unless `subject` says otherwise. */
export interface SubscriptionFilter {
  orgId: string;
  reportId?: string;
  subject?: 'export' | 'package';
}

/** Told of every change this process hears, before any subscriber; `null` when changes may have been missed. */
export type ChangeListener = (change: ReportChange | null) => void;

export class ReportPubSub extends ChannelListener<ReportChange> {
  private subscribers = new Set<Subscriber>();
  private listeners = new Set<ChangeListener>();
  constructor(sql: Sql) {
    super(sql, CHANNEL);
  }

  /** Subscribers in this process (tests wait on it instead of sleeping). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /**
   * Calls `listener` with every change heard, before subscribers get it (so a
   * cache it clears is clear before a subscriber can read again), and with
   * null after a lost connection. Returns the function that removes it.
   */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected deliver(change: ReportChange): void {
    for (const listener of this.listeners) listener(change);
    for (const subscriber of this.subscribers) if (matches(subscriber.filter, change)) subscriber.deliver(change);
  }

  /** Every subscriber of one report is told its current state (a final one ends its stream). */
  protected resumed(): void {
    for (const listener of this.listeners) listener(null);
    void this.resync().catch(() => {});
  }

  private async resync(): Promise<void> {
    // Exports end their streams on their own final state; reports are told theirs again.
    const targets = [...this.subscribers].filter((s) => s.filter.reportId && !s.filter.subject);
    if (!targets.length) return;
    const ids = [...new Set(targets.map((s) => s.filter.reportId!))];
    const orgIds = [...new Set(targets.map((s) => s.filter.orgId))];
    const rows = await this.sql<Array<Omit<ReportChange, 'at'>>>`
      select org_id as "orgId", id as "reportId", status, progress_percent as percent, progress_stage as stage,
             progress_message as message, deleted_at is not null as deleted
      from reports where org_id = any(${orgIds}::uuid[]) and id = any(${ids}::uuid[])`;
    for (const row of rows) {
      const change: ReportChange = { ...row, at: new Date().toISOString() };
      for (const subscriber of targets) if (matches(subscriber.filter, change)) subscriber.deliver(change);
    }
  }

  /** Whatever is heard of next, changes made meanwhile were not. */
  protected override stopped(): void {
    for (const listener of this.listeners) listener(null);
  }

  /** Announces a change that is already committed. */
  publish(change: ReportChange): Promise<unknown> {
    return this.sql.notify(CHANNEL, payloadOf(change));
  }

  /** Changes of one organisation (optionally one report) as an async iterable, buffered up to `maxBuffered`. */
  subscribe(filter: SubscriptionFilter, maxBuffered = 1000): AsyncIterableIterator<ReportChange> {
    const subscriber: Subscriber = { filter, deliver: (change) => queue.push(change) };
    const queue = subscriberQueue<ReportChange>(maxBuffered, () => this.subscribers.delete(subscriber));
    this.subscribers.add(subscriber);
    return queue.iterator;
  }
}
