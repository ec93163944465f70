/**
 * The evidence behind findings as NDJSON, one event per line, read page by
 * page with keyset cursors on (occurred_at, seq): memory stays bounded
 * whatever the number of events, and each page costs the same.
 */
import type { Sql } from '../db/client.ts';
import type { FindingContent } from '../reports/generate.ts';
import { evidenceScope, ORG_PARAM, scopeWhere, WATERMARK_PARAM, type ReportScope } from '../reports/scope.ts';
import { isSelectorId, selectorSql } from '../library/selectors.ts';

const PAGE = 1000;

const EVENT_COLUMNS = `e.seq, e.client_id, e.occurred_at, e.received_at, e.environment, e.source, e.agent_id, e.session_id, e.actor_type, e.actor_id,
  e.actor_email, e.category, e.action, e.decision, e.policy_id, e.policy_version, e.tool_name, e.tool_tags, e.resource, e.severity,
  e.outcome, e.correlation_id, e.data_subjects, e.personal_data, e.legal_basis, e.recipient, e.region, e.ttl_seconds,
  e.cost_usd::float8 as cost_usd, e.attributes`;

type EventRow = Record<string, unknown>;

const iso = (v: unknown) => (v === null || v === undefined ? undefined : new Date(v as string).toISOString());
const orNull = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : v);

/** An event in the ingestion contract's shape (camelCase), plus its sequence and receipt time. */
export function eventJson(r: EventRow) {
  return {
    id: orNull(r.client_id),
    sequence: Number(r.seq),
    occurredAt: iso(r.occurred_at),
    receivedAt: iso(r.received_at),
    environment: r.environment,
    source: orNull(r.source),
    agentId: orNull(r.agent_id),
    sessionId: orNull(r.session_id),
    actor: r.actor_type ? { type: r.actor_type, id: r.actor_id, email: orNull(r.actor_email) } : undefined,
    category: r.category,
    action: r.action,
    decision: orNull(r.decision),
    policyId: orNull(r.policy_id),
    policyVersion: orNull(r.policy_version),
    tool: r.tool_name ? { name: r.tool_name, tags: r.tool_tags ?? [] } : undefined,
    resource: orNull(r.resource),
    severity: orNull(r.severity),
    outcome: orNull(r.outcome),
    correlationId: orNull(r.correlation_id),
    dataSubjects: orNull(r.data_subjects),
    personalData: orNull(r.personal_data),
    legalBasis: orNull(r.legal_basis),
    recipient: orNull(r.recipient),
    region: orNull(r.region),
    ttlSeconds: orNull(r.ttl_seconds),
    costUsd: orNull(r.cost_usd),
    attributes: orNull(r.attributes),
  };
}

/** Pages of one selector's events in the scope, in (occurred_at, seq) order, from after `start` when given. */
export async function* evidenceEvents(sql: Sql, scope: ReportScope, selector: string, pageSize = PAGE, start: [occurredAt: string, seq: number] | null = null): AsyncGenerator<EventRow[]> {
  if (!isSelectorId(selector)) throw new Error(`unknown evidence selector ${selector}`);
  const { where, params } = scopeWhere(scope);
  const condition = selectorSql(selector, WATERMARK_PARAM, ORG_PARAM);
  let after: [string, number] | null = start;
  for (;;) {
    const pageParams = [...params];
    let keyset = '';
    if (after) {
      pageParams.push(after[0], after[1]);
      keyset = ` and (e.occurred_at, e.seq) > ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::bigint)`;
    }
    const rows = await sql.unsafe(
      `select ${EVENT_COLUMNS} from audit_events e where ${where} and ${condition}${keyset} order by e.occurred_at, e.seq limit ${pageSize}`,
      pageParams as never[],
    );
    if (rows.length) yield rows as unknown as EventRow[];
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = [new Date(last.occurred_at as string).toISOString(), Number(last.seq)];
  }
}

/** NDJSON lines `{finding, controlId, event}` for the findings given, in ordinal order. */
export async function* evidenceNdjson(
  sql: Sql,
  scope: ReportScope,
  findings: Array<Pick<FindingContent, 'ordinal' | 'controlId' | 'evidenceSelector' | 'evidenceAgent' | 'evidenceCount'>>,
  /** Applied to each event before it is written (redaction). */
  transform: (event: ReturnType<typeof eventJson>) => unknown = (event) => event,
): AsyncGenerator<string> {
  for (const f of [...findings].sort((a, b) => a.ordinal - b.ordinal)) {
    if (f.evidenceCount === 0) continue;
    for await (const page of evidenceEvents(sql, evidenceScope(scope, f.evidenceAgent), f.evidenceSelector)) {
      yield page.map((r) => `${JSON.stringify({ finding: f.ordinal, controlId: f.controlId, event: transform(eventJson(r)) })}\n`).join('');
    }
  }
}
