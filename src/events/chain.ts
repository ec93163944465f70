/**
 * Tamper evidence for the audit trail.
 *
 * Every ingest batch (one transaction) chains its events: an event's hash is
 * SHA-256(previous event's hash ‖ the event's content), starting from the
 * batch's id. When the batch commits it appends one link to the
 * organisation's chain: head(N) = SHA-256(head(N-1) ‖ the batch's last event
 * hash). Batches COPY concurrently; only that last one-row statement waits for
 * another batch's commit, so ingestion is never serialised as a whole.
 *
 * `verifyEventChain` recomputes all of it from the rows and names the first
 * link that no longer matches: an event altered, deleted or inserted by hand,
 * or a link row changed or removed.
 */
import { createHash, hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Database, Sql } from '../db/client.ts';
import type { NormalizedEvent } from './contract.ts';

const sha256 = (...parts: Array<Buffer | string>) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};

/** What a batch's first event chains from: the batch id in hex (32 characters; event hashes have 64). */
export const batchGenesis = (batchId: string) => batchId.replaceAll('-', '');

/**
 * The next event hash of a batch (hex): SHA-256 of the previous hash in hex
 * followed by the event's content line (see `eventContent`). The previous
 * hash has a fixed length, so the input is unambiguous; one-shot hashing of
 * one string is what keeps this cheap at ingest rates.
 */
const chainEvent = (previousHex: string, content: string) => hash('sha256', previousHex + content);

/** `chainEvent` over bytes already encoded: the previous hash's hex followed by the content's UTF-8. */
export const chainEventBytes = (previousHexAndContent: Uint8Array) => hash('sha256', previousHexAndContent, 'hex');

/** The chain's next head after a batch whose last event hash is `batchHash`; the first link has no previous head. */
const nextHead = (previousHead: Buffer | null, batchHash: Buffer) => sha256(previousHead ?? Buffer.alloc(0), batchHash);

/**
 * Appends the batch to its organisation's chain, inside the batch's own
 * transaction and as its last statement, so the head row is locked only
 * from here to the commit. The head is computed by PostgreSQL from the row
 * it locked, so concurrent batches cannot both extend the same head.
 */
export async function linkBatch(
  tx: Sql,
  orgId: string,
  batch: { batchId: string; eventCount: number; seqFloor: number; batchHash: Buffer },
): Promise<{ linkNo: number; head: Buffer }> {
  const [link] = await tx.unsafe(
    `with next as (
       insert into event_chain_heads as h (org_id, link_no, head) values ($1::uuid, 1, sha256($2::bytea))
       on conflict (org_id) do update set link_no = h.link_no + 1, head = sha256(h.head || $2::bytea)
       returning link_no, head
     )
     insert into event_batches (org_id, link_no, batch_id, event_count, seq_floor, batch_hash, head)
     select $1::uuid, link_no, $3::uuid, $4, $5, $2::bytea, head from next
     returning link_no, head`,
    [orgId, batch.batchHash, batch.batchId, batch.eventCount, batch.seqFloor],
  );
  return { linkNo: Number(link!.link_no), head: link!.head as Buffer };
}

/**
 * The chain link that covers every event up to `watermark`: the last link
 * among batches that began below it. Once the transactions in flight when
 * the watermark was read have ended, no other batch can take a number below
 * it, so the same watermark always gives the same link.
 */
export async function chainLinkCovering(sql: Sql, orgId: string, watermark: number): Promise<{ linkNo: number; head: string } | null> {
  const [row] = await sql`
    select link_no, head from event_batches where org_id = ${orgId}::uuid and seq_floor < ${watermark}
    order by link_no desc limit 1`;
  return row ? { linkNo: Number(row.link_no), head: (row.head as Buffer).toString('hex') } : null;
}

/** The organisation's chain head now: what a report records as the trail it covered. */
export async function chainHead(sql: Sql, orgId: string): Promise<{ linkNo: number; head: string } | null> {
  const [row] = await sql`select link_no, head from event_chain_heads where org_id = ${orgId}::uuid`;
  return row ? { linkNo: Number(row.link_no), head: (row.head as Buffer).toString('hex') } : null;
}

interface ChainProblem {
  /** The chain link concerned, when known; problems are reported in link order. */
  linkNo: number | null;
  /** The event concerned, when one is. */
  seq: number | null;
  problem: string;
}

interface ChainVerification {
  ok: boolean;
  links: number;
  events: number;
  /** Events stored before tamper evidence existed (no batch): counted, not verifiable. */
  unchained: number;
  head: string | null;
  /** The first `MAX_PROBLEMS` problems, first broken link first. */
  problems: ChainProblem[];
  /** Which columns of each event the chain covers, and which it does not. */
  columns: { chained: string[]; notChained: string[] };
}

const MAX_PROBLEMS = 100;
const CURSOR_ROWS = 2_000;

interface OpenBatch {
  linkNo: number;
  eventCount: number;
  batchHash: string;
  seen: number;
  previous: string;
}

/**
 * Checks an organisation's whole chain in one consistent snapshot with
 * bounded memory: links and events are streamed, and only batches whose
 * events are still being read are held.
 */
export async function verifyEventChain(database: Database, orgId: string): Promise<ChainVerification> {
  return (await database.sql.begin('isolation level repeatable read read only', async (tx) => {
    let problems: ChainProblem[] = [];
    const firstFirst = (a: ChainProblem, b: ChainProblem) => (a.linkNo ?? Infinity) - (b.linkNo ?? Infinity) || (a.seq ?? 0) - (b.seq ?? 0);
    // Only the first problems are kept, so a table altered wholesale cannot exhaust memory.
    const report = (p: ChainProblem) => {
      problems.push(p);
      if (problems.length > 10 * MAX_PROBLEMS) problems = problems.sort(firstFirst).slice(0, MAX_PROBLEMS);
    };

    // 1. Links: numbered without gaps, each head following from the previous one.
    let links = 0;
    let previousHead: Buffer | null = null;
    let lastLinkNo = 0;
    await tx`select link_no, batch_hash, head from event_batches where org_id = ${orgId}::uuid order by link_no`
      .cursor(CURSOR_ROWS, (rows) => {
        for (const row of rows) {
          const linkNo = Number(row.link_no);
          if (linkNo !== lastLinkNo + 1) {
            report({ linkNo: lastLinkNo + 1, seq: null, problem: `links ${lastLinkNo + 1}–${linkNo - 1} are missing: the rows were deleted` });
          }
          if (!nextHead(previousHead, row.batch_hash as Buffer).equals(row.head as Buffer)) {
            report({ linkNo, seq: null, problem: `link ${linkNo}'s head does not follow from link ${linkNo - 1}: a link row was altered or removed` });
          }
          previousHead = row.head as Buffer;
          lastLinkNo = linkNo;
          links++;
        }
      });
    const head = await chainHead(tx as unknown as Sql, orgId);
    if ((head?.linkNo ?? 0) !== lastLinkNo || (head && previousHead && head.head !== (previousHead as Buffer).toString('hex'))) {
      report({ linkNo: head?.linkNo ?? lastLinkNo, seq: null, problem: `the chain head (link ${head?.linkNo ?? 0}) is not the last stored link (${lastLinkNo}): the latest links were deleted or the head was changed` });
    }

    // 2. Each link's batch still has exactly the events it was linked with.
    const counts = await tx`
      select b.link_no, b.event_count, count(e.seq)::int as found
      from event_batches b left join audit_events e on e.org_id = b.org_id and e.batch_id = b.batch_id
      where b.org_id = ${orgId}::uuid
      group by b.link_no, b.event_count
      having count(e.seq) <> b.event_count
      order by b.link_no limit ${MAX_PROBLEMS}`;
    for (const row of counts) {
      const linkNo = Number(row.link_no);
      const missing = Number(row.event_count) - Number(row.found);
      report({
        linkNo,
        seq: null,
        problem: missing > 0
          ? `link ${linkNo}: ${missing} of its ${row.event_count} events are missing (deleted)`
          : `link ${linkNo}: ${-missing} events more than the ${row.event_count} it was linked with (inserted by hand)`,
      });
    }
    const [orphans] = await tx`
      select count(*)::int as n, min(seq) as first from audit_events e
      where e.org_id = ${orgId}::uuid and e.batch_id is not null
        and not exists (select 1 from event_batches b where b.org_id = e.org_id and b.batch_id = e.batch_id)`;
    if (orphans!.n > 0) {
      report({ linkNo: null, seq: Number(orphans!.first), problem: `${orphans!.n} events belong to no link, the first at sequence ${orphans!.first}: their link was deleted or they were inserted by hand` });
    }

    // 3. Every event's hash, in ingestion order (a batch's events are in its chain order).
    let events = 0;
    let unchained = 0;
    let chainBegan = false;
    const outside = { count: 0, first: 0 };
    const open = new Map<string, OpenBatch>();
    const cursor = tx
      .unsafe(`select seq, batch_id, hash, ${CONTENT_COLUMNS}, cost_usd::text as cost_text from audit_events where org_id = $1::uuid order by seq`, [orgId])
      .cursor(CURSOR_ROWS);
    for await (const rows of cursor) {
      const unknown = [...new Set(rows.flatMap((r) => (r.batch_id && !open.has(r.batch_id as string) ? [r.batch_id as string] : [])))];
      if (unknown.length) {
        // Another connection: a query on the cursor's own would wait behind the cursor. Links are
        // never changed once committed, and an event's link committed with it, so any snapshot sees it.
        const found = await database.sql`
          select batch_id, link_no, event_count, batch_hash from event_batches
          where org_id = ${orgId}::uuid and batch_id = any(${unknown}::uuid[])`;
        for (const b of found) {
          open.set(b.batch_id as string, { linkNo: Number(b.link_no), eventCount: b.event_count as number, batchHash: (b.batch_hash as Buffer).toString('hex'), seen: 0, previous: batchGenesis(b.batch_id as string) });
        }
      }
      for (const row of rows) {
        events++;
        if (!row.batch_id) {
          // Before the first chained event: stored before tamper evidence existed. After it: forged.
          if (!chainBegan) unchained++;
          else if (outside.count++ === 0) outside.first = Number(row.seq);
          continue;
        }
        chainBegan = true;
        const batch = open.get(row.batch_id as string);
        if (!batch) continue; // reported above as an event without a link
        const seq = Number(row.seq);
        const stored = (row.hash as Buffer | null)?.toString('hex') ?? null;
        if (!stored || chainEvent(batch.previous, eventContent(eventFromRow(row))) !== stored) {
          report({ linkNo: batch.linkNo, seq, problem: `event ${seq} (link ${batch.linkNo}) does not match its hash: the row was altered, or the event before it in its batch was deleted` });
        }
        batch.previous = stored ?? batch.previous;
        batch.seen++;
        if (batch.seen === batch.eventCount) {
          if (batch.previous !== batch.batchHash) {
            report({ linkNo: batch.linkNo, seq, problem: `link ${batch.linkNo}: its last event's hash is not the one it was linked with` });
          }
          open.delete(row.batch_id as string);
        }
      }
    }

    if (outside.count) {
      report({ linkNo: null, seq: outside.first, problem: `${outside.count} events are not part of any batch, stored after the chain began: inserted outside ingestion (the first at sequence ${outside.first})` });
    }
    problems.sort(firstFirst);
    return {
      ok: problems.length === 0,
      links,
      events,
      unchained,
      head: head?.head ?? null,
      problems: problems.slice(0, MAX_PROBLEMS),
      columns: { chained: CONTENT_COLUMNS.split(', '), notChained: [...UNCHAINED_COLUMNS] },
    };
  })) as ChainVerification;
}

/** The stored columns an event's content covers, in `eventContent`'s order. */
/**
 * Columns of `audit_events` the chain does not cover: when the service stored
 * the row and where (seq, received_at, batch_id), and what it derives from the
 * chained content at ingest (personal, pii_tool). Chaining received_at would
 * change every stored hash, so it stays outside and `verify events` says so.
 */
const UNCHAINED_COLUMNS = ['seq', 'received_at', 'batch_id', 'personal', 'pii_tool'] as const;

const CONTENT_COLUMNS = [
  'client_id', 'occurred_at', 'environment', 'agent_id', 'session_id', 'actor_type', 'actor_id', 'actor_email',
  'category', 'action', 'decision', 'policy_id', 'policy_version', 'tool_name', 'tool_tags', 'resource', 'severity',
  'outcome', 'correlation_id', 'data_subjects', 'personal_data', 'legal_basis', 'recipient', 'region', 'ttl_seconds',
  'cost_usd', 'attributes', 'source',
].join(', ');

/** An event as stored, back in the shape it was hashed from. */
function eventFromRow(row: Record<string, unknown>): NormalizedEvent {
  return {
    clientId: row.client_id as string | null,
    occurredAt: new Date(row.occurred_at as string | Date),
    environment: row.environment as string,
    source: (row.source ?? null) as string | null,
    agentId: row.agent_id as string | null,
    sessionId: row.session_id as string | null,
    actorType: row.actor_type as string | null,
    actorId: row.actor_id as string | null,
    actorEmail: row.actor_email as string | null,
    category: row.category as NormalizedEvent['category'],
    action: row.action as string,
    decision: row.decision as NormalizedEvent['decision'],
    policyId: row.policy_id as string | null,
    policyVersion: row.policy_version as string | null,
    toolName: row.tool_name as string | null,
    toolTags: row.tool_tags as string[] | null,
    resource: row.resource as string | null,
    severity: row.severity as NormalizedEvent['severity'],
    outcome: row.outcome as string | null,
    correlationId: row.correlation_id as string | null,
    dataSubjects: row.data_subjects as string[] | null,
    personalData: row.personal_data as string[] | null,
    legalBasis: row.legal_basis as string | null,
    recipient: row.recipient as string | null,
    region: row.region as string | null,
    ttlSeconds: row.ttl_seconds === null ? null : Number(row.ttl_seconds),
    costUsd: row.cost_text === null ? null : Number(row.cost_text),
    attributesJson: row.attributes === null ? null : canonicalize(typeof row.attributes === 'string' ? JSON.parse(row.attributes) : row.attributes)!,
  };
}

/**
 * An event's content as one line: the COPY text of its columns, which is
 * also exactly what ingestion sends, so hashing it costs one pass over bytes
 * already built. Every value is in the form PostgreSQL gives back (numbers
 * at the column's scale, attributes as canonical JSON, text as UTF-8), so the
 * same line can be rebuilt from the row.
 */
export function eventContent(e: NormalizedEvent): string {
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
    (e.ttlSeconds === null ? '\\N' : String(e.ttlSeconds)) + '\t' +
    // numeric(20, 8): stored, and printed back, with exactly eight decimals.
    (e.costUsd === null ? '\\N' : e.costUsd.toFixed(8)) + '\t' +
    t(e.attributesJson) +
    // Added to the contract later: an event without a source hashes as it always did.
    (e.source === null ? '' : '\t' + t(e.source))
  );
}

const NEEDS_COPY_ESCAPE = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value, COPY-escaped; null → `\N`. */
function t(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_COPY_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_UNESCAPES = Object.fromEntries(Object.entries(COPY_ESCAPES).map(([c, escaped]) => [escaped, c]));

/** The value a COPY text field written by `t` holds (its inverse); `\N` → null. */
export function copyFieldValue(field: string): string | null {
  if (field === '\\N') return null;
  return field.includes('\\') ? field.replace(/\\[\\tnr]/g, (escaped) => COPY_UNESCAPES[escaped]!) : field;
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
