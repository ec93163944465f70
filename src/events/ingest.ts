/**
 * The front doors for audit events. Every format (NDJSON, GraphQL, OTLP,
 * OCSF, the service's own trail) ends here, goes through `validateEvent`
 * and is stored in batches: a bad event is rejected alone, never its batch.
 */
import { sqlOf, type Database, type Sql, type Tx } from '../db/client.ts';
import { badInput } from '../errors.ts';
import { validateEvent, type NormalizedEvent, type Rejection } from './contract.ts';
import { isRow, validateRow } from './rows.ts';
import { EventBatch, storeEvents, storeEventsIn, type StoreResult } from './store.ts';

/**
 * One record of a source: an event to validate, or a line the source itself could not read.
 * `plain`: the event was parsed from JSON text with no backslash (see validateRow).
 */
export type SourceRecord = { line: number; event: unknown; plain?: boolean } | { line: number; rejection: Rejection };

interface LineRejection extends Rejection {
  line: number;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  /** The first `MAX_REPORTED_REJECTIONS` rejections, in line order. */
  rejected: LineRejection[];
}

const MAX_REPORTED_REJECTIONS = 100;
/**
 * Events per transaction. Each batch pays a few statements and a commit's WAL flush;
 * 10,000 instead of 5,000 was about a tenth faster at 1M events, with the server's
 * peak RSS no higher (the bench's ingest row).
 */
export const DEFAULT_BATCH_SIZE = 10_000;
/**
 * Two batches are stored at once, on two connections (two PostgreSQL backends,
 * so the database uses both cores while this process validates the third).
 */
const BATCHES_IN_FLIGHT = 3;

/**
 * Thrown when storing stops part-way (the database went away, the body broke
 * off): `stored` counts what committed, and every event up to
 * `confirmedThroughLine` is stored, so the client knows what to send again.
 */
export class IngestInterrupted extends Error {
  readonly stored: IngestResult;
  readonly confirmedThroughLine: number;
  constructor(cause: unknown, stored: IngestResult, confirmedThroughLine: number) {
    super(`ingestion stopped after line ${confirmedThroughLine}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'IngestInterrupted';
    this.stored = stored;
    this.confirmedThroughLine = confirmedThroughLine;
  }
}

/**
 * Validates and stores a stream of records with bounded memory: at most
 * `BATCHES_IN_FLIGHT` batches are held, and the source is not read further
 * until one of them is stored (backpressure reaches the HTTP body).
 * A failure part-way throws `IngestInterrupted`.
 */
export async function ingestRecords(
  database: Database,
  orgId: string,
  // Records one by one, or in groups (a source that reads several at once saves an await per record).
  source: AsyncIterable<SourceRecord | SourceRecord[]> | Iterable<SourceRecord | SourceRecord[]>,
  options: { batchSize?: number } = {},
): Promise<IngestResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const result: IngestResult = { accepted: 0, duplicates: 0, rejectedCount: 0, rejected: [] };
  // Each batch remembers the line of its last event: batches settle in order,
  // so every line up to the last settled batch's is confirmed.
  const inFlight: Array<{ stored: Promise<StoreResult>; lastLine: number; rejectedCount: number }> = [];
  let confirmedThroughLine = 0;
  let confirmedRejections = 0;
  let lastLine = 0;
  let failure: unknown = null;

  const settle = async () => {
    const { stored, lastLine: through, rejectedCount } = inFlight[0]!;
    const done = await stored;
    inFlight.shift();
    result.accepted += done.accepted;
    result.duplicates += done.duplicates;
    confirmedThroughLine = through;
    confirmedRejections = rejectedCount;
  };
  const flush = async (batch: EventBatch, through: number) => {
    const stored = storeEvents(database, orgId, batch, { expectDuplicates: result.duplicates > 0 });
    // Observed at once so a failing batch is never an unhandled rejection while we await another.
    stored.catch((error: unknown) => {
      failure ??= error;
    });
    inFlight.push({ stored, lastLine: through, rejectedCount: result.rejectedCount });
    if (inFlight.length >= BATCHES_IN_FLIGHT) await settle();
  };
  const reject = (line: number, rejection: Rejection) => {
    result.rejectedCount++;
    if (result.rejected.length < MAX_REPORTED_REJECTIONS) result.rejected.push({ line, ...rejection });
  };

  // Each event is folded into the batch as soon as it is valid; no event object is kept.
  let batch = new EventBatch();
  try {
    for await (const item of source) {
      for (const record of Array.isArray(item) ? item : [item]) {
        if (failure) throw failure;
        lastLine = record.line;
        if ('rejection' in record) {
          reject(record.line, record.rejection);
          continue;
        }
        const row = validateRow(record.event, record.plain === true);
        if (!isRow(row)) {
          reject(record.line, row);
          continue;
        }
        batch.addRow(row);
        if (batch.size >= batchSize) {
          const full = batch;
          batch = new EventBatch();
          await flush(full, record.line);
        }
      }
    }
    if (batch.size) await flush(batch, lastLine);
    while (inFlight.length) await settle();
    confirmedThroughLine = lastLine;
  } catch (error) {
    // Let the batches already sent finish (or fail) before reporting, so
    // nothing is still writing when the caller answers; those that committed
    // in order still count as confirmed.
    await Promise.allSettled(inFlight.map((b) => b.stored));
    try {
      while (inFlight.length) await settle();
    } catch {
      // The first batch that failed ends the confirmed part.
    }
    const confirmed = { ...result, rejectedCount: confirmedRejections, rejected: result.rejected.filter((r) => r.line <= confirmedThroughLine) };
    throw new IngestInterrupted(error, confirmed, confirmedThroughLine);
  }
  return result;
}

export const MAX_GRAPHQL_BATCH = 1_000;

interface IndexedRejection extends Rejection {
  index: number;
}

/** A small batch from the GraphQL mutation: rejections name the event's index in the list. */
export async function ingestBatch(
  database: Database,
  orgId: string,
  events: readonly unknown[],
): Promise<{ accepted: number; duplicates: number; rejected: IndexedRejection[] }> {
  if (events.length > MAX_GRAPHQL_BATCH) {
    throw badInput('events', 'at most 1,000 events per call; send larger volumes to POST /ingest as NDJSON');
  }
  const valid: NormalizedEvent[] = [];
  const rejected: IndexedRejection[] = [];
  events.forEach((raw, index) => {
    const validated = validateEvent(raw);
    if (validated.ok) valid.push(validated.event);
    else rejected.push({ index, ...validated.rejection });
  });
  const stored = await storeEvents(database, orgId, valid);
  return { ...stored, rejected };
}

export interface ServiceEvent {
  /** e.g. `report.generated`, `api_key.created`. */
  action: string;
  /** Who asked the service: the API key's id (never the key), a schedule id, a share link id. */
  actorId: string;
  resource?: string | null;
  attributes?: Record<string, unknown> | null;
}

/** Where the service's own events go, and who hears that they were stored. */
interface ServiceEventSink {
  database: Database;
  /** Told after events of `orgId` were stored (services.ts: the refreshes ingest asks for); never fails. */
  eventsStored?(orgId: string): Promise<void>;
}

/**
 * The service's own audit trail: category `admin`, actor type `service`, so
 * the Audit Summary report covers the reporting system itself. They are
 * events like any other: posture follows them as it follows ingest.
 */
export async function recordServiceEvent(sink: ServiceEventSink, orgId: string, event: ServiceEvent): Promise<void> {
  await storeEvents(sink.database, orgId, [serviceEvent(event)]);
  await sink.eventsStored?.(orgId);
}

/**
 * The same, inside the caller's drizzle transaction: the audit event commits
 * with the change it records, or neither does. The caller tells its sink's
 * `eventsStored` after the commit.
 */
export async function recordServiceEventIn(tx: Tx, orgId: string, event: ServiceEvent): Promise<void> {
  await storeEventsIn(sqlOf(tx) as unknown as Sql, orgId, [serviceEvent(event)]);
}

/**
 * An action and its audit event in one transaction, so both commit or neither does: `write` makes
 * the change, `event` names it from what `write` returned (written last, as it holds the
 * organisation's chain head to the commit). The sink is told after the commit.
 */
export async function auditedTransaction<T>(sink: ServiceEventSink, orgId: string, write: (tx: Tx) => Promise<T>, event: (result: T) => ServiceEvent): Promise<T> {
  const result = await sink.database.db.transaction(async (tx) => {
    const result = await write(tx);
    await recordServiceEventIn(tx, orgId, event(result));
    return result;
  });
  await sink.eventsStored?.(orgId);
  return result;
}

/**
 * Rows of several organisations in organisation order, for one transaction that records an event
 * for each: every event locks its organisation's chain head to the commit, always in the same order.
 */
export const byOrg = <T extends { orgId: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0));

function serviceEvent(event: ServiceEvent): NormalizedEvent {
  const validated = validateEvent({
    occurredAt: new Date().toISOString(),
    category: 'admin',
    action: event.action,
    actor: { type: 'service', id: event.actorId },
    resource: event.resource ?? null,
    outcome: 'success',
    severity: 'info',
    attributes: event.attributes ?? null,
  });
  if (!validated.ok) {
    throw new Error(`service audit event ${event.action} is invalid: ${validated.rejection.field} ${validated.rejection.message}`);
  }
  return validated.event;
}
