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
import { batchGenesis, chainEvent, eventContent, linkBatch } from './chain.ts';
import type { NormalizedEvent } from './contract.ts';

export interface StoreResult {
  accepted: number;
  duplicates: number;
}

/** Column order of the COPY stream: the content columns of `eventContent`, after the org, batch and hash. */
const COPY_COLUMNS = `org_id, batch_id, hash, client_id, occurred_at, environment, agent_id, session_id, actor_type, actor_id,
  actor_email, category, action, decision, policy_id, policy_version, tool_name, tool_tags, resource, severity, outcome,
  correlation_id, data_subjects, personal_data, legal_basis, recipient, region, ttl_seconds, cost_usd, attributes`;

// Concurrent batches of one organisation may lock the same registry rows or
// client ids in different orders, or race to store the same id; PostgreSQL
// then aborts one of them, which is safe to run again because the
// transaction left nothing behind.
const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 4;

/**
 * Stores a batch. Batches of one organisation run concurrently; if another
 * batch stores one of the same ids first, the COPY fails on the unique index,
 * the transaction rolls back and the batch is retried. After repeated races
 * the batch takes its organisation's ingest lock exclusively (every batch
 * holds it shared), so its check of stored ids cannot be overtaken again.
 */
export async function storeEvents(database: Database, orgId: string, events: NormalizedEvent[]): Promise<StoreResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const contents = events.map(eventContent);
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeBatch(database.sql, orgId, events, contents, attempt >= MAX_ATTEMPTS);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= MAX_ATTEMPTS + 2 || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}

function storeBatch(sql: Sql, orgId: string, events: NormalizedEvent[], contents: string[], exclusive: boolean): Promise<StoreResult> {
  return sql.begin(async (tx) => {
    const floor = await joinIngest(tx as unknown as Sql, orgId, exclusive);
    const ids = [...new Set(events.flatMap((e) => (e.clientId === null ? [] : [e.clientId])))];
    const stored = ids.length
      ? await tx`select client_id from audit_events where org_id = ${orgId}::uuid and client_id = any(${ids}::text[])`
      : [];
    const seen = new Set(stored.map((r) => r.client_id as string));
    const fresh: NormalizedEvent[] = [];
    const lines: string[] = [];
    const batchId = randomUUID();
    const prefix = `${orgId}\t${batchId}\t\\\\x`;
    let previous = batchGenesis(batchId);
    events.forEach((e, i) => {
      if (e.clientId !== null) {
        // Also drops a repeated id within the batch: the first occurrence wins.
        if (seen.has(e.clientId)) return;
        seen.add(e.clientId);
      }
      previous = chainEvent(previous, contents[i]!);
      fresh.push(e);
      lines.push(prefix + previous + '\t' + contents[i]! + '\n');
    });
    if (fresh.length) {
      const stream = await tx.unsafe(`copy audit_events (${COPY_COLUMNS}) from stdin`).writable();
      await writeAll(stream, chunk(lines));
      await upsertRegistries(tx as unknown as Sql, orgId, fresh);
      // Last, so the chain head is locked only until the commit that follows.
      await linkBatch(tx as unknown as Sql, orgId, { batchId, eventCount: fresh.length, seqFloor: floor, batchHash: Buffer.from(previous, 'hex') });
    }
    return { accepted: fresh.length, duplicates: events.length - fresh.length };
  }) as Promise<StoreResult>;
}

/** Advisory lock class of per-organisation ingestion (the second key is the organisation). */
const INGEST_LOCK = 7_341;

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
 * Registries from the rows just stored. The batch is already in memory and
 * holds few distinct agents, tools and environments, so they are grouped
 * here and sent as one JSON document each, sorted so that concurrent
 * batches lock registry rows in the same order.
 */
async function upsertRegistries(sql: Sql, orgId: string, events: NormalizedEvent[]) {
  const agents = new Map<string, SeenRange>();
  const environments = new Map<string, SeenRange>();
  const tools = new Map<string, SeenRange & { tags: Set<string> }>();
  const widen = <T extends SeenRange>(map: Map<string, T>, key: string, at: number, make: () => T) => {
    const range = map.get(key);
    if (!range) {
      const created = make();
      map.set(key, created);
      return created;
    }
    if (at < range.first) range.first = at;
    if (at > range.last) range.last = at;
    return range;
  };
  for (const e of events) {
    const at = e.occurredAt.getTime();
    if (e.agentId !== null) widen(agents, e.agentId, at, () => ({ first: at, last: at }));
    widen(environments, e.environment, at, () => ({ first: at, last: at }));
    if (e.toolName !== null) {
      const tool = widen(tools, e.toolName, at, () => ({ first: at, last: at, tags: new Set<string>() }));
      for (const tag of e.toolTags ?? []) tool.tags.add(tag);
    }
  }
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

async function writeAll(stream: Writable, chunks: string[]): Promise<void> {
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

const CHUNK_CHARS = 256 * 1024;

/** Lines joined into ~256 KiB strings. */
function chunk(lines: string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    current += line;
    if (current.length >= CHUNK_CHARS) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
