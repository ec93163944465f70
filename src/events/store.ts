/**
 * Stores one batch of validated events: COPY into a staging table, then one
 * INSERT … SELECT that skips ids already stored, then the registries (agents,
 * tools, environments) aggregated in SQL from the same staging rows. One
 * transaction per batch, so a batch is stored completely or not at all.
 */
import type { Writable } from 'node:stream';
import type { Database, Sql } from '../db/client.ts';
import type { NormalizedEvent } from './contract.ts';

export interface StoreResult {
  accepted: number;
  duplicates: number;
}

/** Column order of the staging table, the COPY stream and the INSERT. */
const COLUMNS = [
  'client_id', 'occurred_at', 'environment', 'agent_id', 'session_id', 'actor_type', 'actor_id', 'actor_email',
  'category', 'action', 'decision', 'policy_id', 'policy_version', 'tool_name', 'tool_tags', 'resource', 'severity',
  'outcome', 'correlation_id', 'data_subjects', 'personal_data', 'legal_basis', 'recipient', 'region', 'ttl_seconds',
  'cost_usd', 'attributes',
] as const;
const COLUMN_LIST = COLUMNS.join(', ');

// Concurrent batches of one organisation may lock the same registry rows or
// client ids in different orders, or race to store the same id; PostgreSQL
// then aborts one of them, which is safe to run again because the
// transaction left nothing behind.
const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 4;

/**
 * Stores a batch. The usual path asks which of the batch's ids are already
 * stored and COPYs the rest straight into `audit_events`: about a third less
 * work for PostgreSQL than staging every row and inserting it again. If a
 * concurrent batch stores one of the ids first, the COPY fails on the unique
 * index, the transaction rolls back and the batch is retried; after repeated
 * races it goes through the staging table with ON CONFLICT, which cannot fail that way.
 */
export async function storeEvents(database: Database, orgId: string, events: NormalizedEvent[]): Promise<StoreResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const rows = events.map(copyRow);
  for (let attempt = 1; ; attempt++) {
    try {
      return attempt < MAX_ATTEMPTS
        ? await storeDirect(database.sql, orgId, events, rows)
        : await storeOnce(database.sql, orgId, chunk(rows, ''), events.length);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= MAX_ATTEMPTS + 2 || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}

function storeDirect(sql: Sql, orgId: string, events: NormalizedEvent[], rows: string[]): Promise<StoreResult> {
  return sql.begin(async (tx) => {
    const ids = [...new Set(events.flatMap((e) => (e.clientId === null ? [] : [e.clientId])))];
    const stored = ids.length
      ? await tx`select client_id from audit_events where org_id = ${orgId}::uuid and client_id = any(${ids}::text[])`
      : [];
    const seen = new Set(stored.map((r) => r.client_id as string));
    const fresh: NormalizedEvent[] = [];
    const freshRows: string[] = [];
    events.forEach((e, i) => {
      if (e.clientId !== null) {
        // Also drops a repeated id within the batch: the first occurrence wins.
        if (seen.has(e.clientId)) return;
        seen.add(e.clientId);
      }
      fresh.push(e);
      freshRows.push(rows[i]!);
    });
    if (fresh.length) {
      const stream = await tx.unsafe(`copy audit_events (org_id, ${COLUMN_LIST}) from stdin`).writable();
      await writeAll(stream, chunk(freshRows, orgId + '\t'));
      await upsertRegistries(tx as unknown as Sql, orgId, fresh);
    }
    return { accepted: fresh.length, duplicates: events.length - fresh.length };
  }) as Promise<StoreResult>;
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

/** The fallback: stage the batch, then insert what is not stored yet. */
function storeOnce(sql: Sql, orgId: string, copyChunks: string[], count: number): Promise<StoreResult> {
  // `begin` holds one connection for the whole transaction: the temporary
  // table exists only on that connection, and is dropped at commit.
  return sql.begin(async (tx) => {
    await tx.unsafe(
      `create temp table ingest_staging on commit drop as
         select ${COLUMN_LIST} from audit_events with no data`,
    );
    const stream = await tx.unsafe(`copy ingest_staging (${COLUMN_LIST}) from stdin`).writable();
    await writeAll(stream, copyChunks);

    // Rows are read in COPY order (a fresh temporary table is scanned
    // sequentially), so `seq` follows the order the client sent.
    const inserted = await tx.unsafe(
      `insert into audit_events (org_id, ${COLUMN_LIST})
       select $1::uuid, ${COLUMN_LIST} from ingest_staging
       on conflict (org_id, client_id) where client_id is not null do nothing`,
      [orgId],
    );
    const accepted = inserted.count;

    // Sorted, so concurrent batches lock registry rows in the same order.
    await tx.unsafe(
      `insert into agents (org_id, agent_id, first_seen_at, last_seen_at)
       select $1::uuid, agent_id, min(occurred_at), max(occurred_at)
       from ingest_staging where agent_id is not null
       group by agent_id order by agent_id
       on conflict (org_id, agent_id) do update
         set first_seen_at = least(agents.first_seen_at, excluded.first_seen_at),
             last_seen_at = greatest(agents.last_seen_at, excluded.last_seen_at)`,
      [orgId],
    );
    await tx.unsafe(
      `insert into environments (org_id, name, first_seen_at, last_seen_at)
       select $1::uuid, environment, min(occurred_at), max(occurred_at)
       from ingest_staging
       group by environment order by environment
       on conflict (org_id, name) do update
         set first_seen_at = least(environments.first_seen_at, excluded.first_seen_at),
             last_seen_at = greatest(environments.last_seen_at, excluded.last_seen_at)`,
      [orgId],
    );
    await tx.unsafe(
      `insert into tools (org_id, name, tags, first_seen_at, last_seen_at)
       select $1::uuid, s.tool_name,
              coalesce(array_agg(distinct tag) filter (where tag is not null), '{}'),
              min(s.occurred_at), max(s.occurred_at)
       from ingest_staging s left join lateral unnest(s.tool_tags) tag on true
       where s.tool_name is not null
       group by s.tool_name order by s.tool_name
       on conflict (org_id, name) do update
         set tags = array(select distinct tag from unnest(tools.tags || excluded.tags) tag order by tag),
             first_seen_at = least(tools.first_seen_at, excluded.first_seen_at),
             last_seen_at = greatest(tools.last_seen_at, excluded.last_seen_at)`,
      [orgId],
    );
    return { accepted, duplicates: count - accepted };
  }) as Promise<StoreResult>;
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

/** Rows joined into ~256 KiB strings, each row prefixed (e.g. with the org id column). */
function chunk(rows: string[], prefix: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const row of rows) {
    current += prefix + row;
    if (current.length >= CHUNK_CHARS) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** The COPY payload of a batch, in ~256 KiB strings. */
export function serialiseForCopy(events: NormalizedEvent[]): string[] {
  return chunk(events.map(copyRow), '');
}

/**
 * One row in COPY text format: tab-separated, `\N` for NULL, and backslash,
 * tab, newline and carriage return escaped with a backslash.
 */
function copyRow(e: NormalizedEvent): string {
  return (
    t(e.clientId) + '\t' +
    e.occurredAt.toISOString() + '\t' +
    t(e.environment) + '\t' +
    t(e.agentId) + '\t' +
    t(e.sessionId) + '\t' +
    t(e.actorType) + '\t' +
    t(e.actorId) + '\t' +
    t(e.actorEmail) + '\t' +
    t(e.category) + '\t' +
    t(e.action) + '\t' +
    t(e.decision) + '\t' +
    t(e.policyId) + '\t' +
    t(e.policyVersion) + '\t' +
    t(e.toolName) + '\t' +
    arr(e.toolTags) + '\t' +
    t(e.resource) + '\t' +
    t(e.severity) + '\t' +
    t(e.outcome) + '\t' +
    t(e.correlationId) + '\t' +
    arr(e.dataSubjects) + '\t' +
    arr(e.personalData) + '\t' +
    t(e.legalBasis) + '\t' +
    t(e.recipient) + '\t' +
    t(e.region) + '\t' +
    num(e.ttlSeconds) + '\t' +
    num(e.costUsd) + '\t' +
    (e.attributesJson === null ? '\\N' : t(wellFormedJson(e.attributesJson))) + '\n'
  );
}

const NEEDS_COPY_ESCAPE = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value, COPY-escaped; null → `\N`. */
function t(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_COPY_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

function num(value: number | null): string {
  // Integers and finite floats print in a form numeric and int both accept (including 1e-7).
  return value === null ? '\\N' : String(value);
}

/** A text[] literal: every element double-quoted, `"` and `\` backslash-escaped, then COPY-escaped. */
function arr(values: string[] | null): string {
  if (values === null) return '\\N';
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    if (i) literal += ',';
    const v = values[i]!;
    literal += '"' + (/["\\]/.test(v) ? v.replace(/["\\]/g, '\\$&') : v) + '"';
  }
  return t(literal + '}');
}

/**
 * JSON.stringify writes a lone UTF-16 surrogate as `\udXXX`, which jsonb
 * refuses, and that would fail the whole batch: replace such surrogates
 * with U+FFFD, as UTF-8 text columns already do.
 */
function wellFormedJson(json: string): string {
  if (!/\\u[dD][89a-fA-F]/.test(json)) return json;
  return JSON.stringify(toWellFormed(JSON.parse(json)));
}

function toWellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (Array.isArray(value)) return value.map(toWellFormed);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), toWellFormed(v)]));
  }
  return value;
}
