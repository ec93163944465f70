/**
 * Reading the audit trail and the registries built from it. Every query is
 * filtered by organisation; event pages use keyset cursors on
 * (occurred_at, seq), the order of the `(org_id, occurred_at, seq)` index,
 * so a page deep in millions of events costs the same as the first.
 */
import type { Database, Sql } from '../db/client.ts';
import type { auditEvents } from '../db/schema.ts';
import { badInput } from '../errors.ts';
import type { Category, Decision, Severity } from './contract.ts';

export const MAX_EVENTS_PAGE = 500;

/** An event as stored, camelCase: the table's own row type, without the organisation and the conditions stored for report queries. */
export type AuditEventRecord = Omit<typeof auditEvents.$inferSelect, 'orgId' | 'batchId' | 'hash' | 'personal' | 'piiTool'>;

export interface AuditEventFilter {
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
  environment?: string | null;
  agentIds?: readonly string[] | null;
  categories?: readonly Category[] | null;
  actions?: readonly string[] | null;
  decisions?: readonly Decision[] | null;
  severities?: readonly Severity[] | null;
  dataSubject?: string | null;
}

interface EventPage {
  nodes: AuditEventRecord[];
  cursorOf(event: AuditEventRecord): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** A separate count query, run only when asked for. */
  totalCount(): Promise<number>;
}

const EVENT_COLUMNS = `seq, client_id, occurred_at, received_at, environment, source, agent_id, session_id, actor_type, actor_id,
  actor_email, category, action, decision, policy_id, policy_version, tool_name, tool_tags, resource, severity, outcome,
  correlation_id, data_subjects, personal_data, legal_basis, recipient, region, ttl_seconds, cost_usd, attributes`;

export async function listAuditEvents(
  database: Database,
  orgId: string,
  filter: AuditEventFilter,
  page: { first: number; after?: string | null },
): Promise<EventPage> {
  const { sql } = database;
  if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_EVENTS_PAGE) {
    throw badInput('first', `first must be between 0 and ${MAX_EVENTS_PAGE}; page through larger results with after`);
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw badInput('filter.to', 'filter.from must be before filter.to');
  }
  const where = whereOf(sql, orgId, filter);
  const after = page.after ? decodeEventCursor(page.after) : null;
  const keyset = after ? sql`and (occurred_at, seq) > (${after.occurredAt}::timestamptz, ${after.seq}::bigint)` : sql``;
  // The cursor keeps PostgreSQL's microseconds, which a JavaScript Date would round away.
  const rows = await sql`
    select ${sql.unsafe(EVENT_COLUMNS)},
           to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from audit_events
    where ${where} ${keyset}
    order by occurred_at, seq
    limit ${page.first + 1}`;
  const cursors = new Map<AuditEventRecord, string>();
  const nodes = rows.slice(0, page.first).map((r) => {
    const record = toRecord(r);
    cursors.set(record, encodeEventCursor(r.cursor_at as string, record.seq));
    return record;
  });
  return {
    nodes,
    cursorOf: (event) => cursors.get(event) ?? encodeEventCursor(event.occurredAt.toISOString(), event.seq),
    hasNextPage: rows.length > page.first,
    hasPreviousPage: after !== null,
    totalCount: async () => {
      const [row] = await sql`select count(*)::bigint as n from audit_events where ${where}`;
      return Number(row!.n);
    },
  };
}

function whereOf(sql: Sql, orgId: string, f: AuditEventFilter) {
  const parts = [sql`org_id = ${orgId}::uuid`];
  // Dates travel as ISO strings: the driver is set up (by drizzle) to leave timestamps as text.
  if (f.from) parts.push(sql`occurred_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`occurred_at < ${f.to.toISOString()}::timestamptz`);
  if (f.environment) parts.push(sql`environment = ${f.environment}`);
  if (f.agentIds?.length) parts.push(sql`agent_id = any(${[...f.agentIds]}::text[])`);
  if (f.categories?.length) parts.push(sql`category = any(${[...f.categories]}::text[])`);
  if (f.actions?.length) parts.push(sql`action = any(${[...f.actions]}::text[])`);
  if (f.decisions?.length) parts.push(sql`decision = any(${[...f.decisions]}::text[])`);
  if (f.severities?.length) parts.push(sql`severity = any(${[...f.severities]}::text[])`);
  // `@>` so the GIN index on data_subjects answers it.
  if (f.dataSubject) parts.push(sql`data_subjects @> array[${f.dataSubject}]::text[]`);
  return parts.reduce((acc, part) => sql`${acc} and ${part}`);
}

/** Events by sequence number, in the order asked, null where absent or of another organisation. */
export async function getEventsBySeq(database: Database, orgId: string, seqs: readonly number[]): Promise<Array<AuditEventRecord | null>> {
  const valid = [...new Set(seqs.filter((s) => Number.isSafeInteger(s) && s > 0))];
  if (!valid.length) return seqs.map(() => null);
  const rows = await database.sql`
    select ${database.sql.unsafe(EVENT_COLUMNS)} from audit_events
    where org_id = ${orgId}::uuid and seq = any(${valid}::bigint[])`;
  const bySeq = new Map(rows.map((r) => [Number(r.seq), toRecord(r)]));
  return seqs.map((s) => bySeq.get(s) ?? null);
}

export interface AgentRecord {
  agentId: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}
export interface EnvironmentRecord {
  name: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}
export interface ToolRecord {
  name: string;
  tags: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export async function listAgents(database: Database, orgId: string): Promise<AgentRecord[]> {
  const rows = await database.sql`
    select agent_id, first_seen_at, last_seen_at from agents where org_id = ${orgId}::uuid order by agent_id`;
  return rows.map((r) => ({ agentId: r.agent_id as string, firstSeenAt: toDate(r.first_seen_at), lastSeenAt: toDate(r.last_seen_at) }));
}

export async function listEnvironments(database: Database, orgId: string): Promise<EnvironmentRecord[]> {
  const rows = await database.sql`
    select name, first_seen_at, last_seen_at from environments where org_id = ${orgId}::uuid order by name`;
  return rows.map((r) => ({ name: r.name as string, firstSeenAt: toDate(r.first_seen_at), lastSeenAt: toDate(r.last_seen_at) }));
}

export async function listTools(database: Database, orgId: string): Promise<ToolRecord[]> {
  const rows = await database.sql`
    select name, tags, first_seen_at, last_seen_at from tools where org_id = ${orgId}::uuid order by name`;
  return rows.map((r) => ({ name: r.name as string, tags: r.tags as string[], firstSeenAt: toDate(r.first_seen_at), lastSeenAt: toDate(r.last_seen_at) }));
}

// Drizzle's postgres.js setup leaves timestamps as strings; parse them here.
const toDate = (value: unknown) => (value instanceof Date ? value : new Date(value as string));

function toRecord(r: Record<string, unknown>): AuditEventRecord {
  return {
    seq: Number(r.seq),
    clientId: r.client_id as string | null,
    occurredAt: toDate(r.occurred_at),
    receivedAt: toDate(r.received_at),
    environment: r.environment as string,
    source: (r.source ?? null) as string | null,
    agentId: r.agent_id as string | null,
    sessionId: r.session_id as string | null,
    actorType: r.actor_type as string | null,
    actorId: r.actor_id as string | null,
    actorEmail: r.actor_email as string | null,
    category: r.category as string,
    action: r.action as string,
    decision: r.decision as string | null,
    policyId: r.policy_id as string | null,
    policyVersion: r.policy_version as string | null,
    toolName: r.tool_name as string | null,
    toolTags: r.tool_tags as string[] | null,
    resource: r.resource as string | null,
    severity: r.severity as string | null,
    outcome: r.outcome as string | null,
    correlationId: r.correlation_id as string | null,
    dataSubjects: r.data_subjects as string[] | null,
    personalData: r.personal_data as string[] | null,
    legalBasis: r.legal_basis as string | null,
    recipient: r.recipient as string | null,
    region: r.region as string | null,
    ttlSeconds: r.ttl_seconds === null ? null : Number(r.ttl_seconds),
    costUsd: r.cost_usd === null ? null : Number(r.cost_usd),
    attributes: r.attributes ?? null,
  };
}

// Same shape as the evidence cursors of findings: base64url JSON [occurredAt, seq].
function encodeEventCursor(occurredAt: string, seq: number): string {
  return Buffer.from(JSON.stringify([occurredAt, seq])).toString('base64url');
}

function decodeEventCursor(cursor: string): { occurredAt: string; seq: number } {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && typeof parts[0] === 'string' && !Number.isNaN(Date.parse(parts[0])) && Number.isSafeInteger(parts[1])) {
      return { occurredAt: parts[0], seq: parts[1] as number };
    }
  } catch {
    // reported below
  }
  throw badInput('after', 'after must be a cursor returned by this API (pageInfo.endCursor of the previous page)');
}
