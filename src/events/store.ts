/**
 * Stores one batch of validated events in one transaction, so a batch is
 * stored completely or not at all: ask which of its ids are already stored,
 * COPY the rest straight into `audit_events` with their chain hashes, update
 * the registries (agents, tools, environments), and link the batch into the
 * organisation's tamper-evident chain (src/events/chain.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Database, Sql } from '../db/client.ts';
import { isTransient } from '../db/transient.ts';
import { batchGenesis, chainEventBytes, copyFieldValue, linkBatch } from './chain.ts';
import type { NormalizedEvent } from './contract.ts';
import { rowOf, type EventRow } from './rows.ts';

export interface StoreResult {
  accepted: number;
  duplicates: number;
}

/** Column order of the COPY stream: the content columns of `eventContent`, after the org, batch and hash. */
export const COPY_COLUMNS = `org_id, batch_id, hash, client_id, occurred_at, environment, agent_id, session_id, actor_type, actor_id,
  actor_email, category, action, decision, policy_id, policy_version, tool_name, tool_tags, resource, severity, outcome,
  correlation_id, data_subjects, personal_data, legal_basis, recipient, region, ttl_seconds, cost_usd, attributes, source`;

// Concurrent batches of one organisation may lock the same registry rows or
// client ids in different orders (a transient error), or race to store the
// same id (a unique violation); either way the aborted transaction left
// nothing behind and is safe to run again.
const MAX_ATTEMPTS = 4;

/** Citus relays a shard's unique violation during a COPY as an internal error (XX000) with PostgreSQL's message. */
const retryable = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'XX000') return /^duplicate key value violates unique constraint/.test(message ?? '');
  return code === '23505' || isTransient(error);
};

/**
 * A batch being assembled, kept flat: each event's content line as UTF-8 in
 * one growing buffer (after room for the hash it chains from, so the chain
 * hashes it where it lies), its client id, and the registry ranges folded in as it
 * arrives. No event objects outlive validation, so a batch in flight is a few
 * buffers rather than thousands of objects the garbage collector must copy
 * and promote (that copying was the largest single cost of ingestion).
 */
export class EventBatch {
  private bytes = Buffer.allocUnsafe(32 * 1024);
  private used = 0;
  /**
   * Where each event's content ends in `bytes`; it begins `HASH_ROOM` bytes after the previous end,
   * with its client id (COPY text) as its first column, read back from there only when a batch
   * must drop duplicates: a string kept per event would outlive the young generation.
   */
  private readonly ends: number[] = [];
  /** Whether the event's content ends with its source (an event without one lacks that column, see eventContent). */
  private readonly sourced: boolean[] = [];
  // What the registries need of each event, in parallel arrays of shared strings,
  // so that dropping duplicates can fold the kept events alone.
  private readonly agents: Array<string | null> = [];
  private readonly environments: string[] = [];
  private readonly tools: Array<string | null> = [];
  private readonly tags: Array<readonly string[] | null> = [];
  private readonly times: number[] = [];
  private readonly shared = new Map<string, string>();
  /** The distinct tag lists seen with each tool. */
  private readonly sharedTags = new Map<string, Array<readonly string[]>>();

  add(event: NormalizedEvent): void {
    this.addRow(rowOf(event));
  }

  addRow(row: EventRow): void {
    const content = row.content;
    // UTF-8 needs at most three bytes per UTF-16 unit.
    const room = HASH_ROOM + 3 * content.length;
    if (this.used + room > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.used + room));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += HASH_ROOM;
    this.used += this.bytes.write(content, this.used, 'utf8');
    this.ends.push(this.used);
    this.sourced.push(row.sourced);
    this.agents.push(this.intern(row.agentId));
    this.environments.push(this.intern(row.environment)!);
    const tool = this.intern(row.toolName);
    this.tools.push(tool);
    this.tags.push(tool === null ? null : this.internTags(tool, row.toolTags!));
    this.times.push(row.occurredAtMs);
  }

  private intern(value: string | null): string | null {
    if (value === null) return null;
    const known = this.shared.get(value);
    if (known !== undefined) return known;
    this.shared.set(value, value);
    return value;
  }

  /** A tool's events nearly always carry the same tags: compared with the lists seen with that tool, not hashed. */
  private internTags(tool: string, tags: readonly string[]): readonly string[] {
    let known = this.sharedTags.get(tool);
    if (!known) this.sharedTags.set(tool, (known = []));
    for (const list of known) if (sameStrings(list, tags)) return list;
    if (known.length < MAX_TAG_LISTS_PER_TOOL) known.push(tags);
    return tags;
  }

  get size(): number {
    return this.ends.length;
  }

  /** The distinct client ids of the batch. */
  ids(): string[] {
    const ids = new Set<string>();
    for (let i = 0; i < this.ends.length; i++) {
      const id = this.clientId(i);
      if (id !== null) ids.add(id);
    }
    return [...ids];
  }

  /** The client id of event `i`, from the first column of its content. */
  private clientId(i: number): string | null {
    const start = (i ? this.ends[i - 1]! : 0) + HASH_ROOM;
    return copyFieldValue(this.bytes.toString('utf8', start, this.bytes.indexOf(TAB, start)));
  }

  /**
   * The COPY text of the events, chained from `batchId`, in ~256 KiB buffers.
   * Given the ids already `stored`, it drops those and keeps the first event
   * of an id repeated within the batch; without, it keeps every event (the
   * unique index refuses a repeated id). Registries count only the rows kept.
   */
  copyLines(orgId: string, batchId: string, stored: Set<string> | null): { chunks: Buffer[]; kept: number; lastHash: string; registries: Registries } {
    const seen = stored && new Set(stored);
    const prefix = Buffer.from(`${orgId}\t${batchId}\t\\\\x`, 'latin1');
    const chunks: Buffer[] = [];
    let out = Buffer.allocUnsafe(CHUNK_BYTES);
    let at = 0;
    let previous = batchGenesis(batchId);
    let kept = 0;
    const registries = new Registries();
    for (let i = 0; i < this.ends.length; i++) {
      if (seen) {
        const id = this.clientId(i);
        if (id !== null) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
      }
      const previousEnd = i ? this.ends[i - 1]! : 0;
      const start = previousEnd + HASH_ROOM;
      const length = this.ends[i]! - start;
      // The chain hash over the previous hash (hex) and this content: written just before the content, hashed in place.
      const from = start - previous.length;
      this.bytes.write(previous, from, 'latin1');
      previous = chainEventBytes(this.bytes.subarray(from, start + length));
      const lineLength = prefix.length + 64 + 1 + length + NO_SOURCE.length + 1;
      if (at + lineLength > out.length) {
        if (at) chunks.push(out.subarray(0, at));
        out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, lineLength));
        at = 0;
      }
      at += prefix.copy(out, at);
      at += out.write(previous, at, 'latin1');
      out[at++] = TAB;
      at += this.bytes.copy(out, at, start, start + length);
      if (!this.sourced[i]) at += NO_SOURCE.copy(out, at);
      out[at++] = NEWLINE;
      kept++;
      registries.fold(this.agents[i]!, this.environments[i]!, this.tools[i]!, this.tags[i]!, this.times[i]!);
    }
    if (at) chunks.push(out.subarray(0, at));
    return { chunks, kept, lastHash: previous, registries };
  }
}

/** Bytes before each event's content for the hash it chains from: 64 hex characters (a batch's first event chains from the batch id's 32). */
const HASH_ROOM = 64;
/** Past this many distinct tag lists for one tool, further ones are kept unshared rather than searched for. */
const MAX_TAG_LISTS_PER_TOOL = 8;

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const TAB = 0x09;
const NEWLINE = 0x0a;
/** The source column of an event sent without one (its content, and so its hash, leave it out). */
const NO_SOURCE = Buffer.from('\t\\N', 'latin1');
const CHUNK_BYTES = 256 * 1024;

/**
 * Stores a batch. New events are the common case, so the batch is first
 * COPYed without asking which of its ids are stored: the unique index checks
 * them anyway, and asking first costs PostgreSQL as much again. If an id is
 * already stored (a re-sent file, or a concurrent batch that stored it
 * first) or repeated within the batch, the COPY fails on that index, the
 * transaction rolls back, and the batch is retried, this time dropping the
 * ids the database already holds and the repeats.
 * `expectDuplicates` asks first from the start (a source that has sent
 * duplicates is likely to send more). After repeated races the batch takes
 * its organisation's ingest lock exclusively (every batch holds it shared),
 * so its check of stored ids cannot be overtaken again.
 */
export async function storeEvents(
  database: Database,
  orgId: string,
  events: NormalizedEvent[] | EventBatch,
  options: { expectDuplicates?: boolean } = {},
): Promise<StoreResult> {
  let batch: EventBatch;
  if (events instanceof EventBatch) batch = events;
  else {
    batch = new EventBatch();
    for (const e of events) batch.add(e);
  }
  if (batch.size === 0) return { accepted: 0, duplicates: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeBatch(database.sql, orgId, batch, { askStored: options.expectDuplicates || attempt > 1, exclusive: attempt >= MAX_ATTEMPTS });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS + 2 || !retryable(error)) throw error;
    }
  }
}

function storeBatch(sql: Sql, orgId: string, batch: EventBatch, options: { askStored: boolean; exclusive: boolean }): Promise<StoreResult> {
  return sql.begin((tx) => storeBatchIn(tx as unknown as Sql, orgId, batch, options)) as Promise<StoreResult>;
}

/**
 * Stores events inside the caller's transaction (postgres.js), so they
 * commit or roll back with what the caller writes: an action and its audit
 * event. No retries of its own (the caller's transaction is the unit), and
 * no asking which ids are stored: for events without client ids (the
 * service's own) or with new, distinct ones.
 */
export function storeEventsIn(tx: Sql, orgId: string, events: NormalizedEvent[]): Promise<StoreResult> {
  const batch = new EventBatch();
  for (const e of events) batch.add(e);
  if (batch.size === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
  return storeBatchIn(tx, orgId, batch, { askStored: false, exclusive: false });
}

async function storeBatchIn(tx: Sql, orgId: string, batch: EventBatch, { askStored, exclusive }: { askStored: boolean; exclusive: boolean }): Promise<StoreResult> {
  const floor = await joinIngest(tx, orgId, exclusive);
  let stored: Set<string> | null = null;
  if (askStored) {
    const ids = batch.ids();
    const rows = ids.length ? await tx`select client_id from audit_events where org_id = ${orgId}::uuid and client_id = any(${ids}::text[])` : [];
    stored = new Set(rows.map((r) => r.client_id as string));
  }
  const batchId = randomUUID();
  const { chunks, kept, lastHash, registries } = batch.copyLines(orgId, batchId, stored);
  if (kept) {
    const stream = await tx.unsafe(`copy audit_events (${COPY_COLUMNS}) from stdin`).writable();
    await writeAll(stream, chunks);
    await upsertRegistries(tx, orgId, registries);
    // Last, so the chain head is locked only until the commit that follows.
    await linkBatch(tx, orgId, { batchId, eventCount: kept, seqFloor: floor, batchHash: Buffer.from(lastHash, 'hex') });
  }
  return { accepted: kept, duplicates: batch.size - kept };
}

/** Advisory lock class of per-organisation ingestion (the second key is the organisation). */
export const INGEST_LOCK = 7_341;

/**
 * A batch's first statement: it takes its organisation's ingest lock (shared,
 * or exclusive after repeated races) before it takes any sequence number, and
 * reads the sequence's value, which every seq its COPY takes will exceed (the
 * link's `seq_floor`, see chain.ts).
 */
export async function joinIngest(tx: Sql, orgId: string, exclusive = false): Promise<number> {
  const [row] = await (exclusive
    ? tx`select pg_advisory_xact_lock(${INGEST_LOCK}, hashtext(${orgId})), (select case when is_called then last_value else last_value - 1 end from audit_events_seq_seq) as floor`
    : tx`select pg_advisory_xact_lock_shared(${INGEST_LOCK}, hashtext(${orgId})), (select case when is_called then last_value else last_value - 1 end from audit_events_seq_seq) as floor`);
  return Number(row!.floor);
}

/**
 * Waits until every batch of the organisation in flight now has committed or
 * rolled back: each holds the ingest lock shared from before it numbers its
 * events, so once this exclusive lock is granted no event numbered below the
 * sequence's current value can still appear. Batches of other organisations,
 * and any other transaction, are not waited for.
 */
export async function awaitIngestInFlight(sql: Sql, orgId: string): Promise<void> {
  await sql.begin((tx) => tx`select pg_advisory_xact_lock(${INGEST_LOCK}, hashtext(${orgId}))`);
}

interface SeenRange {
  first: number;
  last: number;
}

/**
 * First and last time each agent, environment and tool was seen among the
 * rows stored, folded one row at a time: a batch holds few distinct ones.
 */
class Registries {
  readonly agents = new Map<string, SeenRange>();
  readonly environments = new Map<string, SeenRange>();
  readonly tools = new Map<string, SeenRange & { tags: Set<string> }>();

  fold(agentId: string | null, environment: string, toolName: string | null, toolTags: readonly string[] | null, at: number): void {
    if (agentId !== null) widen(this.agents, agentId, at, () => ({ first: at, last: at }));
    widen(this.environments, environment, at, () => ({ first: at, last: at }));
    if (toolName !== null) {
      const tool = widen(this.tools, toolName, at, () => ({ first: at, last: at, tags: new Set<string>() }));
      for (const tag of toolTags ?? []) tool.tags.add(tag);
    }
  }
}

function widen<T extends SeenRange>(map: Map<string, T>, key: string, at: number, make: () => T): T {
  const range = map.get(key);
  if (!range) {
    const created = make();
    map.set(key, created);
    return created;
  }
  if (at < range.first) range.first = at;
  if (at > range.last) range.last = at;
  return range;
}

/**
 * Registries from the rows just stored, sent as one JSON document each,
 * sorted so that concurrent batches lock registry rows in the same order.
 */
async function upsertRegistries(sql: Sql, orgId: string, { agents, environments, tools }: Registries) {
  const doc = <T extends SeenRange>(map: Map<string, T>, extra: (v: T) => object = () => ({})) =>
    JSON.stringify(
      [...map.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, v]) => ({ name, first: new Date(v.first).toISOString(), last: new Date(v.last).toISOString(), ...extra(v) })),
    );
  if (agents.size) {
    await sql.unsafe(
      `insert into agents (org_id, agent_id, first_seen_at, last_seen_at)
       select $1::uuid, name, first, last from jsonb_to_recordset($2::jsonb) as r(name text, first timestamptz, last timestamptz)
       on conflict (org_id, agent_id) do update
         set first_seen_at = least(agents.first_seen_at, excluded.first_seen_at),
             last_seen_at = greatest(agents.last_seen_at, excluded.last_seen_at)`,
      [orgId, doc(agents)],
    );
  }
  await sql.unsafe(
    `insert into environments (org_id, name, first_seen_at, last_seen_at)
     select $1::uuid, name, first, last from jsonb_to_recordset($2::jsonb) as r(name text, first timestamptz, last timestamptz)
     on conflict (org_id, name) do update
       set first_seen_at = least(environments.first_seen_at, excluded.first_seen_at),
           last_seen_at = greatest(environments.last_seen_at, excluded.last_seen_at)`,
    [orgId, doc(environments)],
  );
  if (tools.size) {
    await sql.unsafe(
      `insert into tools (org_id, name, tags, first_seen_at, last_seen_at)
       select $1::uuid, name, tags, first, last
       from jsonb_to_recordset($2::jsonb) as r(name text, tags text[], first timestamptz, last timestamptz)
       on conflict (org_id, name) do update
         set tags = array(select distinct tag from unnest(tools.tags || excluded.tags) tag order by tag),
             first_seen_at = least(tools.first_seen_at, excluded.first_seen_at),
             last_seen_at = greatest(tools.last_seen_at, excluded.last_seen_at)`,
      [orgId, doc(tools, (v) => ({ tags: [...v.tags].sort() }))],
    );
  }
}

async function writeAll(stream: Writable, chunks: Buffer[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', resolve);
    let i = 0;
    const pump = () => {
      while (i < chunks.length) {
        if (!stream.write(chunks[i++]!)) {
          stream.once('drain', pump);
          return;
        }
      }
      stream.end();
    };
    pump();
  });
}
