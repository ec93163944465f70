/**
 * The correlated counts: requests (approval requests, holds, leases,
 * injection detections, privileged role and configuration changes,
 * escalations, possible breaches; selectors.ts REQUEST_KINDS) and their
 * first answers, from which every selector that looks at other events is
 * counted (answered, unanswered, late) and response times are measured,
 * percentiles exact.
 *
 * Each request is kept in `event_request_rollups` with its first answer
 * among the events up to its batch's boundary, and an answer arriving in a
 * later batch (or late, dated before the known one) adds a row to
 * `event_answer_rollups` in that batch: at boundary B a request's first
 * answer is the least of its rows up to B. A report reads those rows for its
 * plan's days, and from the trail only the partial days outside them and
 * the events after B (answers to rolled requests among them too), so it
 * probes the trail for nothing it rolled up. Without a plan (a DSAR, a
 * period within a day the rollups cannot serve) every request is read from
 * the trail with one probe for its first answer: the same numbers, the way
 * they were always counted.
 */
import type { TransactionSql } from 'postgres';
import type { SlaTargets } from '../accounts/sla-targets.ts';
import type { Sql } from '../db/client.ts';
import { round } from '../library/metrics.ts';
import { type RollupPlan, planParts } from './rollups.ts';
import { ORG_PARAM, scopeWhere, WATERMARK_PARAM, type ReportScope } from './scope.ts';
import { REQUEST_KINDS, type RequestKindId } from '../library/selectors.ts';

/** What one kind of request measured in a report's scope. */
interface RequestFigures {
  requests: number;
  answered: number;
  unanswered: number;
  /** Not answered within the SLA (never answered included); 0 for kinds without one. */
  late: number;
  /** Answered within the organisation's response-time target (approvals and holds, when targets are given; else 0). */
  withinTarget: number;
  /** Seconds from request to first answer, over the answered requests. */
  mean: number | null;
  p50: number | null;
  p95: number | null;
}

const NO_REQUESTS: RequestFigures = { requests: 0, answered: 0, unanswered: 0, late: 0, withinTarget: 0, mean: null, p50: null, p95: null };

const DAY = (e: string) => `floor(date_part('epoch', ${e}.occurred_at) / 86400)::int`;

/** `x` answers the request `r` of kind `id` (columns seq, occurred_at), the correlation id aside. */
function answerOf(id: RequestKindId, x: string, r: string): string {
  const kind = REQUEST_KINDS[id];
  return `(${kind.answer(x, r)}${kind.after ? ` and ${x}.occurred_at >= ${r}.occurred_at` : ''})`;
}

/** The same for a request `r` of any of `kinds` (its column `kind` says which). */
const answers = (kinds: readonly RequestKindId[], x: string, r: string) =>
  `case ${r}.kind ${kinds.map((id) => `when '${id}' then ${answerOf(id, x, r)}`).join(' ')} else false end`;

/** The request's deadline (over `e`), or null for kinds without an SLA. */
function deadline(id: RequestKindId): string {
  const within = (REQUEST_KINDS[id] as { within?: string }).within;
  return within ? `e.occurred_at + ${within}` : 'null::timestamptz';
}

/**
 * The requests of kind `id` among events `e` meeting `where`, with their first answer up to `upto` (a probe each).
 * The probe names the organisation as the parameter, not `e.org_id`, so Citus routes the query to one shard group.
 */
const requestsOverEvents = (id: RequestKindId, where: string, upto: string) =>
  `select '${id}'::text as kind, e.seq, e.occurred_at, ${deadline(id)} as deadline,
          (select min(x.occurred_at) from audit_events x
           where x.org_id = ${ORG_PARAM} and x.correlation_id = e.correlation_id and x.seq <= ${upto}
             and ${answerOf(id, 'x', 'e')}) as first
   from audit_events e where ${where} and (${REQUEST_KINDS[id].request})`;

/**
 * The requests of `kinds` in the scope as rows (kind, seq, occurred_at,
 * deadline, first): from rollups and the events around them with a plan, else
 * from the events. Exported for readers that need more than the figures
 * (live posture, drift): the same rows the report counts.
 */
function requestRows(scope: ReportScope, plan: RollupPlan | null, kinds: readonly RequestKindId[]): { ctes: string[]; rows: string; params: unknown[] } {
  const scoped = scopeWhere(scope);
  const overEvents = (where: string) => kinds.map((id) => requestsOverEvents(id, where, WATERMARK_PARAM)).join('\n union all ');
  if (!plan) return { ctes: [], rows: overEvents(scoped.where), params: scoped.params };
  const { rolled, edges, after } = planParts(scoped, plan, { environment: 'environment', agent: 'agent_id' });
  const kindList = kinds.map((id) => `'${id}'`).join(', ');
  const ctes = [
    `rolled as materialized (
       select r.kind, r.seq, r.correlation_id, r.occurred_at, r.deadline, least(r.first_answer_at, a.first) as first
       from event_request_rollups r
       left join (select a.kind, a.seq, min(a.first_answer_at) as first from event_answer_rollups a
                  where a.org_id = $1::uuid and a.upto <= ${plan.boundary} and a.day >= ${plan.firstDay} and a.day < ${plan.endDay}
                  group by 1, 2) a on a.kind = r.kind and a.seq = r.seq
       where ${rolled} and r.kind in (${kindList}))`,
    // Answers after the boundary to rolled requests: the events in (boundary, watermark], read once.
    `later as materialized (
       select x.seq, x.occurred_at, x.action, x.correlation_id from audit_events x
       where x.org_id = $1::uuid and x.seq > ${plan.boundary} and x.seq <= ${WATERMARK_PARAM} and x.correlation_id is not null)`,
    `late_answers as (
       select r.kind, r.seq, min(x.occurred_at) as first from rolled r join later x on x.correlation_id = r.correlation_id
       where ${answers(kinds, 'x', 'r')} group by 1, 2)`,
  ];
  const rows = `select r.kind, r.seq, r.occurred_at, r.deadline, least(r.first, l.first) as first
                from rolled r left join late_answers l on l.kind = r.kind and l.seq = r.seq
                union all ${overEvents(edges)}
                union all ${overEvents(after)}`;
  return { ctes, rows, params: scoped.params };
}

/**
 * The figures of each kind of request in `kinds`, in one query; with `targets`, also how many
 * approvals and holds were answered within the organisation's targets (the score's SLA factor),
 * from the same rows rather than a second read of them.
 */
export async function measureRequests(
  sql: Sql,
  scope: ReportScope,
  plan: RollupPlan | null,
  kinds: readonly RequestKindId[],
  targets?: SlaTargets,
): Promise<Record<RequestKindId, RequestFigures>> {
  const figures = Object.fromEntries(Object.keys(REQUEST_KINDS).map((id) => [id, NO_REQUESTS])) as Record<RequestKindId, RequestFigures>;
  if (!kinds.length) return figures;
  const { ctes, rows, params } = requestRows(scope, plan, kinds);
  // Whole minutes, validated when set: safe to write into the statement.
  const target = targets ? `make_interval(mins => case kind when 'approvals' then ${Number(targets.approvalMinutes)} else ${Number(targets.holdMinutes)} end)` : null;
  const result = await sql.unsafe(
    `with ${[...ctes, `requests as materialized (${rows})`].join(',\n')}
     select kind, count(*)::int as requests, count(first)::int as answered,
            count(*) filter (where first is null or first > deadline)::int as late,
            ${target ? `count(*) filter (where kind in ('approvals', 'holds') and first <= occurred_at + ${target})::int` : '0'} as within,
            avg(t)::float8 as mean,
            percentile_cont(0.5) within group (order by t)::float8 as p50,
            percentile_cont(0.95) within group (order by t)::float8 as p95
     from (select kind, first, deadline, occurred_at, extract(epoch from (first - occurred_at)) as t from requests) s
     group by kind`,
    params as never[],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : round(Number(v), 1));
  for (const row of result) {
    const kind = row.kind as RequestKindId;
    figures[kind] = {
      requests: row.requests,
      answered: row.answered,
      unanswered: row.requests - row.answered,
      late: (REQUEST_KINDS[kind] as { within?: string }).within ? row.late : 0,
      withinTarget: row.within,
      mean: num(row.mean),
      p50: num(row.p50),
      p95: num(row.p95),
    };
  }
  return figures;
}

const ALL_KINDS = Object.keys(REQUEST_KINDS) as RequestKindId[];

/** What the rollups' definition hash covers of the kinds: rows counted by other conditions are rebuilt. */
// A function (hoisted): rollups.ts computes its hash when loaded, maybe before this module ran.
export function requestDefinition() {
  return (Object.keys(REQUEST_KINDS) as RequestKindId[]).map((id) => ({ id, request: REQUEST_KINDS[id].request, answer: answerOf(id, 'x', 'r'), deadline: deadline(id) }));
}

/**
 * Rolls up the requests of the events (newest, target] and the answers among
 * them to requests of older batches. `orgId` is checked by the caller.
 */
export async function refreshRequests(tx: TransactionSql, orgId: string, newest: number, target: number): Promise<void> {
  const org = `'${orgId}'::uuid`;
  if (newest > 0) {
    // Answers in this batch to requests of older batches, when earlier than the first one known.
    await tx.unsafe(
      `insert into event_answer_rollups (org_id, upto, day, kind, seq, first_answer_at)
       select r.org_id, ${target}, r.day, r.kind, r.seq, min(x.occurred_at)
       from audit_events x join event_request_rollups r on r.org_id = ${org} and r.correlation_id = x.correlation_id
       where x.org_id = ${org} and x.seq > ${newest} and x.seq <= ${target} and x.correlation_id is not null
         and ${answers(ALL_KINDS, 'x', 'r')}
       group by r.org_id, r.day, r.kind, r.seq, r.first_answer_at
       having r.first_answer_at is null or min(x.occurred_at) < r.first_answer_at`,
    );
  }
  // This batch's requests with their first answers in the batch (one hash join), then, when older
  // events exist, among those (one probe each: a request is rarely answered before it was sent).
  // The batch's columns are those the kinds' conditions read.
  await tx.unsafe(
    `create temp table rollup_requests on commit drop as
     with batch as materialized (
       select e.seq, e.occurred_at, e.environment, e.agent_id, e.correlation_id, e.action, e.decision, e.category, e.personal, e.ttl_seconds
       from audit_events e
       where e.org_id = ${org} and e.seq > ${newest} and e.seq <= ${target}
         and (e.correlation_id is not null or ${ALL_KINDS.map((id) => `(${REQUEST_KINDS[id].request})`).join(' or ')})),
     requests as (${ALL_KINDS.map((id) => `select '${id}'::text as kind, e.seq, e.occurred_at, e.environment, e.agent_id, e.correlation_id, ${deadline(id)} as deadline from batch e where ${REQUEST_KINDS[id].request}`).join('\n union all ')})
     select r.kind, r.seq, ${DAY('r')} as day, r.environment, r.agent_id, r.correlation_id, r.occurred_at, r.deadline, min(x.occurred_at) as first
     from requests r left join batch x on x.correlation_id = r.correlation_id and ${answers(ALL_KINDS, 'x', 'r')}
     group by r.kind, r.seq, r.environment, r.agent_id, r.correlation_id, r.occurred_at, r.deadline`,
  );
  if (newest > 0) {
    await tx.unsafe(
      // A join rather than a subquery per request: Citus cannot run a subquery over a distributed
      // table that refers to this (local, temporary) table's row.
      `update rollup_requests r set first = least(r.first, a.first)
       from (select r.kind, r.seq, min(x.occurred_at) as first
             from rollup_requests r join audit_events x
               on x.org_id = ${org} and x.correlation_id = r.correlation_id and x.seq <= ${newest} and ${answers(ALL_KINDS, 'x', 'r')}
             where r.correlation_id is not null
             group by r.kind, r.seq) a
       where a.kind = r.kind and a.seq = r.seq`,
    );
  }
  await tx.unsafe(
    `insert into event_request_rollups (org_id, upto, day, kind, seq, environment, agent_id, correlation_id, occurred_at, deadline, first_answer_at)
     select ${org}, ${target}, day, kind, seq, environment, agent_id, correlation_id, occurred_at, deadline, first from rollup_requests`,
  );
  await tx`drop table rollup_requests`;
}

/**
 * Merges batch `older` into `newer` (`below`: the batch under `older`, 0 for
 * none): the requests of both take the earlier answers of both batches;
 * answers to requests of batches below stay, one per request. A request row
 * keeps the batch it was rolled in: it is never combined with another row,
 * so relabelling it would rewrite every request of the older batch for
 * nothing. Readers take the rows up to their boundary, and no boundary falls
 * between `below` and `newer` any more, so the rows in that range are one
 * batch's, whatever their label.
 */
export async function mergeRequests(tx: TransactionSql, orgId: string, below: number, older: number, newer: number): Promise<void> {
  await tx.unsafe(
    `with merged as (delete from event_answer_rollups where org_id = $1::uuid and upto in ($3, $4) returning *),
          best as (select day, kind, seq, min(first_answer_at) as first from merged group by 1, 2, 3),
          folded as (update event_request_rollups r set first_answer_at = least(r.first_answer_at, b.first)
                     from best b where r.org_id = $1::uuid and r.upto > $2 and r.upto <= $4 and r.kind = b.kind and r.seq = b.seq
                     returning r.kind, r.seq)
     insert into event_answer_rollups (org_id, upto, day, kind, seq, first_answer_at)
     select $1::uuid, $4, b.day, b.kind, b.seq, b.first from best b
     where not exists (select 1 from folded f where f.kind = b.kind and f.seq = b.seq)`,
    [orgId, below, older, newer],
  );
}
