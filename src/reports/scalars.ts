/**
 * Targeted scalar queries beside the one counting pass, each run only when a
 * framework asks for a metric that reads it. Each returns named scalars that
 * metrics in metrics.ts turn into values.
 */
import type { Sql } from '../db/client.ts';
import { round } from './metrics.ts';
import { scopeWhere, WATERMARK_PARAM, type ReportScope } from './scope.ts';
import { PERSONAL } from './selectors.ts';

type Scalars = Record<string, number | null>;

/**
 * Distinct data subjects and the (event, subject) references. Grouping the
 * unnested subjects is a hash aggregate; `count(distinct …)` would sort.
 */
async function dataSubjects(sql: Sql, scope: ReportScope): Promise<Scalars> {
  const { where, params, dataSubjectRef } = scopeWhere(scope);
  // Scoped to one subject, the others named beside them are not counted (see subjectReferences).
  const onlyTheSubject = dataSubjectRef ? ` and s = ${dataSubjectRef}` : '';
  const [row] = await sql.unsafe(
    `select count(*)::float8 as subjects, coalesce(sum(n), 0)::float8 as refs from (
       select s, count(*) as n from audit_events e cross join lateral unnest(e.data_subjects) s
       where ${where} and cardinality(e.data_subjects) > 0${onlyTheSubject} group by s
     ) t`,
    params as never[],
  );
  return { data_subjects: Number(row!.subjects), subject_references: Number(row!.refs) };
}

/**
 * How far back the kept trail reaches, measured from the period end (not
 * from now, so the report reproduces). Organisation-wide, for the report's
 * environment: retention is a property of what is stored, not of the period.
 * Both are index scans from the oldest end of (org_id, occurred_at).
 */
async function retention(sql: Sql, scope: ReportScope): Promise<Scalars> {
  const params: unknown[] = [scope.orgId, scope.end.toISOString(), scope.watermark];
  let env = '';
  if (scope.environment) {
    params.push(scope.environment);
    env = ` and e.environment = $4`;
  }
  const base = `e.org_id = $1::uuid and e.occurred_at < $2::timestamptz and e.seq <= $3::bigint${env}`;
  const age = (extra: string) =>
    `(select floor(extract(epoch from ($2::timestamptz - min(e.occurred_at))) / 86400)::int from audit_events e where ${base}${extra})`;
  const [row] = await sql.unsafe(`select ${age('')} as history, ${age(` and ${PERSONAL}`)} as personal`, params as never[]);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { log_history_days: num(row!.history), oldest_personal_data_days: num(row!.personal) };
}

/**
 * Seconds from each unblocked personal-data DLP detection to the first later
 * event with its correlation id (the response), and how many were answered.
 */
async function breachTimes(sql: Sql, scope: ReportScope): Promise<Scalars> {
  const { where, params } = scopeWhere(scope);
  const [row] = await sql.unsafe(
    `select percentile_cont(0.5) within group (order by t)::float8 as p50,
            percentile_cont(0.95) within group (order by t)::float8 as p95
     from (
       select extract(epoch from (
         select min(x.occurred_at) from audit_events x
         where x.org_id = e.org_id and x.correlation_id = e.correlation_id and x.seq <> e.seq
           and x.seq <= ${WATERMARK_PARAM} and x.occurred_at >= e.occurred_at
       ) - e.occurred_at) as t
       from audit_events e where ${where} and e.action = 'dlp.detected' and ${PERSONAL} and e.correlation_id is not null
       offset 0 -- a fence: pulled up, the subquery would run once per aggregate
     ) s where t is not null`,
    params as never[],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : round(Number(v), 1));
  return { breach_p50: num(row!.p50), breach_p95: num(row!.p95) };
}

export const scalarQueries = {
  data_subjects: dataSubjects,
  retention,
  breach_times: breachTimes,
} satisfies Record<string, (sql: Sql, scope: ReportScope) => Promise<Scalars>>;

export type ScalarQueryId = keyof typeof scalarQueries;

export async function runScalarQueries(sql: Sql, scope: ReportScope, ids: Iterable<ScalarQueryId>): Promise<Scalars> {
  const results = await Promise.all([...new Set(ids)].map((id) => scalarQueries[id](sql, scope)));
  return Object.assign({}, ...results);
}
