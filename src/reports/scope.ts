/**
 * What a report reads: one organisation's events in a period, optionally one
 * environment and some agents, up to a watermark. Every report query is
 * built on `scopeWhere`, so numbers and evidence always agree.
 */
export interface ReportScope {
  orgId: string;
  start: Date;
  end: Date;
  /** Highest `audit_events.seq` read: later events never change the report. */
  watermark: number;
  environment: string | null;
  agentIds: string[];
  /** DSAR: only events naming this data subject. */
  dataSubject?: string | null;
}

export interface ScopeSql {
  /** SQL condition over alias `e`, with $1… placeholders. */
  where: string;
  params: unknown[];
  /** The scope's data subject as a SQL text value (a reference to its parameter); null without one. */
  dataSubjectRef: string | null;
  /** The parameters of the environment and agent filters, for queries over other tables (rollups). */
  environmentRef: string | null;
  agentIdsRef: string | null;
}

/** Builds the scope condition; `:W` in selector SQL is replaced by `watermarkRef`. */
export function scopeWhere(scope: ReportScope, options: { ignoreAgents?: boolean } = {}): ScopeSql {
  const params: unknown[] = [scope.orgId, scope.start.toISOString(), scope.end.toISOString(), scope.watermark];
  const clauses = ['e.org_id = $1::uuid', 'e.occurred_at >= $2::timestamptz', 'e.occurred_at < $3::timestamptz', 'e.seq <= $4::bigint'];
  let environmentRef: string | null = null;
  let agentIdsRef: string | null = null;
  if (scope.environment) {
    params.push(scope.environment);
    environmentRef = `$${params.length}`;
    clauses.push(`e.environment = ${environmentRef}`);
  }
  if (scope.agentIds.length && !options.ignoreAgents) {
    params.push(scope.agentIds);
    agentIdsRef = `$${params.length}::text[]`;
    clauses.push(`e.agent_id = any(${agentIdsRef})`);
  }
  let dataSubjectRef: string | null = null;
  if (scope.dataSubject) {
    params.push([scope.dataSubject]);
    clauses.push(`e.data_subjects @> $${params.length}::text[]`);
    dataSubjectRef = `($${params.length}::text[])[1]`;
  }
  return { where: clauses.join(' and '), params, dataSubjectRef, environmentRef, agentIdsRef };
}

/** The scope a finding's evidence is read in: the report's, narrowed to the finding's agent if it names one (a drift finding). */
export function evidenceScope(scope: ReportScope, agentId: string | null | undefined): ReportScope {
  return agentId ? { ...scope, agentIds: [agentId] } : scope;
}

/**
 * How many of an event's data-subject references count (alias `e`). Scoped to
 * one data subject (a DSAR, GDPR Art. 15), only the references to that
 * subject: the other subjects an event names (a second customer on a shared
 * ticket) are third parties whose identifiers are their personal data, not
 * the requester's (Art. 15(4)), so the export neither counts nor lists them.
 * The event itself stays in the export: it did process the subject's data.
 */
export function subjectReferences(scopeSql: ScopeSql): string {
  return scopeSql.dataSubjectRef ? `cardinality(array_positions(e.data_subjects, ${scopeSql.dataSubjectRef}))` : ALL_SUBJECT_REFERENCES;
}

/** Without a data subject in scope, every reference counts. */
export const ALL_SUBJECT_REFERENCES = 'cardinality(e.data_subjects)';

/** The watermark as a SQL reference for selectors that look at other events. */
export const WATERMARK_PARAM = '$4';
/** The organisation as a SQL reference, for every other table a scoped query reads (Citus routes by it). */
export const ORG_PARAM = '$1::uuid';
