/**
 * Targeted scalar queries beside the one counting pass, each run only when a
 * framework asks for a metric that reads it. Each returns named scalars that
 * metrics in src/library/metrics.ts turn into values.
 */
import type { Sql } from '../db/client.ts';
import { planParts, type RollupPlan } from './rollups.ts';
import { scopeWhere, type ReportScope } from './scope.ts';
import type { ScalarQueryId } from '../library/metrics.ts';
import { PERSONAL } from '../library/selectors.ts';

type Scalars = Record<string, number | null>;

/**
 * Distinct data subjects and the (event, subject) references. Grouping the
 * unnested subjects is a hash aggregate; `count(distinct …)` would sort. With
 * a plan, the plan's days' subjects come from their rollups (a row per
 * subject, agent and day), the rest from the events around them.
 */
async function dataSubjects(sql: Sql, scope: ReportScope, plan: RollupPlan | null): Promise<Scalars> {
  const scoped = scopeWhere(scope);
  const { where, params, dataSubjectRef } = scoped;
  // Scoped to one subject, the others named beside them are not counted (see subjectReferences).
  const onlyTheSubject = dataSubjectRef ? ` and s = ${dataSubjectRef}` : '';
  const overEvents = (w: string) => `select s, count(*) as n from audit_events e cross join lateral unnest(e.data_subjects) s
       where ${w} and cardinality(e.data_subjects) > 0${onlyTheSubject} group by s`;
  let subjects = overEvents(where);
  if (plan) {
    const { rolled, edges, after } = planParts(scoped, plan, { environment: 'environment', agent: 'agent_id' });
    subjects = `select s, sum(n) as n from (
        select r.subject as s, r.n from event_subject_rollups r where ${rolled}
        union all ${overEvents(edges)}
        union all ${overEvents(after)}) u group by s`;
  }
  const [row] = await sql.unsafe(`select count(*)::float8 as subjects, coalesce(sum(n), 0)::float8 as refs from (${subjects}) t`, params as never[]);
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

export const scalarQueries = {
  data_subjects: dataSubjects,
  retention,
} satisfies Record<ScalarQueryId, (sql: Sql, scope: ReportScope, plan: RollupPlan | null) => Promise<Scalars>>;

/** `plan`: the report's rollup plan (rollups.ts), shared with its one pass. */
export async function runScalarQueries(sql: Sql, scope: ReportScope, ids: Iterable<ScalarQueryId>, plan: RollupPlan | null): Promise<Scalars> {
  const results = await Promise.all([...new Set(ids)].map((id) => scalarQueries[id](sql, scope, plan)));
  return Object.assign({}, ...results);
}
