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
 * answer is the least of its rows up to B. Those rows serve the refresh;
 * a report reads, for its plan's days, what each batch changed of them per
 * day, kind, environment and agent (`event_request_days`: requests and late
 * ones added, sorted response times added and taken away), a row per group
 * and batch instead of one per request. From the trail it reads only the
 * partial days outside the plan's and the events after B, whose answers to
 * rolled requests are found by correlation id and change their groups'
 * figures.
 * Without a plan (a DSAR, a period within a day the rollups cannot serve)
 * every request is read from the trail with one probe for its first answer:
 * the same numbers, the way they were always counted.
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

/** Microseconds from a request (alias columns `occurred_at`) to its answer `first`: exact, as the times are kept. */
const micros = (first: string) => `(extract(epoch from (${first} - occurred_at)) * 1000000)::int8`;
/**
 * The first answer to the rolled-up request `r` as the batches up to `upto` know it: its row's,
 * or an earlier one a later batch found (`org`: the organisation as SQL).
 */
const firstAnswerUpTo = (r: string, org: string, upto: string) =>
  `least(${r}.first_answer_at, (select min(a.first_answer_at) from event_answer_rollups a
                                where a.org_id = ${org} and a.kind = ${r}.kind and a.seq = ${r}.seq and a.upto <= ${upto}))`;
/** Whether a request answered at `first` (null: not yet) is late: not answered by its deadline. */
const lateAt = (first: string) => `((${first} is null or ${first} > deadline) is true)`;

/**
 * The requests of `kinds` in the scope as two selects: `counted` (kind,
 * requests, late, answered) and `timed` (kind, t: microseconds from request
 * to first answer, one row per answered request of the `timedKinds`), whose
 * sums and percentiles are the figures. With a plan, the plan's days come from the day rows of the
 * requests up to the boundary (in the groups where some times were taken
 * away, the times added less those), corrected for the answers after the
 * boundary to requests rolled up (read by correlation id: their old times
 * taken away, the new ones added), and the events around them from the
 * trail; without, every request from the trail.
 */
function requestSources(
  scope: ReportScope,
  plan: RollupPlan | null,
  kinds: readonly RequestKindId[],
  timedKinds: readonly RequestKindId[],
): { ctes: string[]; counted: string; timed: string; params: unknown[] } {
  const scoped = scopeWhere(scope);
  const overEvents = (where: string) => kinds.map((id) => requestsOverEvents(id, where, WATERMARK_PARAM)).join('\n union all ');
  // Only the kinds whose times are wanted are read time by time; the others' answers are counted from how many times they have.
  const isTimed = (kind: string) => `${kind} in (${timedKinds.map((id) => `'${id}'`).join(', ') || 'null'})`;
  const fromTrail = (rows: string) => ({
    cte: `trail as materialized (${rows})`,
    counted: `select kind, count(*) as requests, count(*) filter (where ${lateAt('first')}) as late, count(first) as answered from trail group by kind`,
    timed: `select kind, ${micros('first')} as t from trail where first is not null and ${isTimed('kind')}`,
  });
  if (!plan) {
    const trail = fromTrail(overEvents(scoped.where));
    return { ctes: [trail.cte], counted: trail.counted, timed: trail.timed, params: scoped.params };
  }
  const { rolled, edges, after } = planParts(scoped, plan, { environment: 'environment', agent: 'agent_id' });
  const kindList = kinds.map((id) => `'${id}'`).join(', ');
  const trail = fromTrail(`${overEvents(edges)}\n union all ${overEvents(after)}`);
  const sameGroup = (a: string, b: string) =>
    `${a}.kind = ${b}.kind and ${a}.day = ${b}.day and ${a}.environment = ${b}.environment and ${a}.agent_id is not distinct from ${b}.agent_id`;
  const ctes = [
    `days as materialized (
       select r.day, r.environment, r.agent_id, r.kind, r.requests, r.late, r.times, r.removed
       from event_request_days r where ${rolled} and r.kind in (${kindList}))`,
    // The events in (boundary, watermark] that may answer a rolled-up request, read once.
    `later as materialized (
       select x.seq, x.occurred_at, x.action, x.correlation_id from audit_events x
       where x.org_id = ${ORG_PARAM} and x.seq > ${plan.boundary} and x.seq <= ${WATERMARK_PARAM} and x.correlation_id is not null)`,
    // Rolled-up requests those events answer earlier than known at the boundary: `old_first` → `new_first`.
    `changed as materialized (
       select r.day, r.environment, r.agent_id, r.kind, r.occurred_at, r.deadline, r.first as old_first, min(x.occurred_at) as new_first
       from (select r.day, r.environment, r.agent_id, r.kind, r.seq, r.correlation_id, r.occurred_at, r.deadline,
                    ${firstAnswerUpTo('r', ORG_PARAM, String(plan.boundary))} as first
             from event_request_rollups r
             where ${rolled} and r.kind in (${kindList}) and r.correlation_id in (select correlation_id from later)) r
       join later x on x.correlation_id = r.correlation_id
       where ${answers(kinds, 'x', 'r')}
       group by 1, 2, 3, 4, r.seq, 5, 6, 7
       having r.first is null or min(x.occurred_at) < r.first)`,
    // The groups whose times lose some: by an earlier answer in a batch or after the boundary.
    `replaced as materialized (
       select distinct day, environment, agent_id, kind from days where cardinality(removed) > 0
       union select day, environment, agent_id, kind from changed)`,
    trail.cte,
  ];
  // Every time taken away was added before, so a group's answered requests are its times added less those taken away.
  const counted = `select kind, requests, late, cardinality(times) - cardinality(removed) as answered from days
    union all select kind, 0, ${lateAt('new_first')}::int - ${lateAt('old_first')}::int, (old_first is null)::int from changed
    union all ${trail.counted}`;
  const inReplaced = `join replaced c on ${sameGroup('c', 'd')}`;
  const timed = `select d.kind, t from days d cross join unnest(d.times) t
      where ${isTimed('d.kind')} and not exists (select 1 from replaced c where ${sameGroup('c', 'd')})
    union all (select d.kind, t from days d ${inReplaced} cross join unnest(d.times) t where ${isTimed('d.kind')}
               except all (select d.kind, t from days d ${inReplaced} cross join unnest(d.removed) t where ${isTimed('d.kind')}
                           union all select kind, ${micros('old_first')} from changed where old_first is not null and ${isTimed('kind')}))
    union all select kind, ${micros('new_first')} from changed where ${isTimed('kind')}
    union all ${trail.timed}`;
  return { ctes, counted, timed, params: scoped.params };
}

/**
 * The figures of each kind of request in `kinds`, in one query; with `targets`, also how many
 * approvals and holds were answered within the organisation's targets (the score's SLA factor),
 * from the same rows rather than a second read of them. Response times (mean, percentiles,
 * within target) are measured for the kinds in `timed` (default: all), null for the others,
 * whose times need not be read one by one: their counts are the same.
 */
export async function measureRequests(
  sql: Sql,
  scope: ReportScope,
  plan: RollupPlan | null,
  kinds: readonly RequestKindId[],
  targets?: SlaTargets,
  timed: readonly RequestKindId[] = kinds,
): Promise<Record<RequestKindId, RequestFigures>> {
  const figures = Object.fromEntries(Object.keys(REQUEST_KINDS).map((id) => [id, NO_REQUESTS])) as Record<RequestKindId, RequestFigures>;
  if (!kinds.length) return figures;
  const { ctes, counted, timed: times, params } = requestSources(scope, plan, kinds, timed);
  // Whole minutes, validated when set: safe to write into the statement.
  const within = targets
    ? `count(*) filter (where kind in ('approvals', 'holds') and t <= 60000000::int8 * case kind when 'approvals' then ${Number(targets.approvalMinutes)} else ${Number(targets.holdMinutes)} end)::int`
    : '0';
  const result = await sql.unsafe(
    `with ${ctes.join(',\n')}
     select c.kind, c.requests, c.late, c.answered, coalesce(t.within, 0) as within, t.mean, t.p50, t.p95
     from (select kind, sum(requests)::int as requests, sum(late)::int as late, sum(answered)::int as answered from (${counted}) c group by kind) c
     left join (select kind, ${within} as within,
                       (avg(t) / 1000000)::float8 as mean,
                       percentile_cont(0.5) within group (order by t::float8 / 1000000) as p50,
                       percentile_cont(0.95) within group (order by t::float8 / 1000000) as p95
                from (${times}) t group by kind) t on t.kind = c.kind`,
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
  // What the batch changed of each group's figures: its new requests, and the older requests it
  // answered earlier than known (their first answer up to the batch before: the request row's
  // and the answer rows of earlier batches). Only the batch's rows are read, not the group's.
  // Into a temporary table first, as the other steps.
  await tx.unsafe(
    `create temp table rollup_request_days on commit drop as
     with answered as (
       select r.day, r.kind, r.environment, r.agent_id, r.occurred_at, r.deadline, a.first_answer_at as batch_first,
              ${firstAnswerUpTo('r', org, String(newest))} as old_first
       from event_answer_rollups a join event_request_rollups r on r.org_id = ${org} and r.kind = a.kind and r.seq = a.seq
       where a.org_id = ${org} and a.upto = ${target}),
     changes as (
       select day, kind, environment, agent_id, 1 as requests, ${lateAt('first')}::int as late, ${micros('first')} as added, null::int8 as removed
       from rollup_requests
       union all
       select day, kind, environment, agent_id, 0, ${lateAt('batch_first')}::int - ${lateAt('old_first')}::int, ${micros('batch_first')}, ${micros('old_first')}
       from answered where old_first is null or batch_first < old_first)
     select day, kind, environment, agent_id, sum(requests) as requests, sum(late) as late,
            coalesce(array_agg(added order by added) filter (where added is not null), '{}') as times,
            coalesce(array_agg(removed order by removed) filter (where removed is not null), '{}') as removed
     from changes group by 1, 2, 3, 4`,
  );
  await tx.unsafe(
    `insert into event_request_days (org_id, upto, day, kind, environment, agent_id, requests, late, times, removed)
     select ${org}, ${target}, day, kind, environment, agent_id, requests, late, times, removed from rollup_request_days`,
  );
  await tx`drop table rollup_requests`;
  await tx`drop table rollup_request_days`;
}

/**
 * Merges batch `older` into `newer` (`below`: the batch under `older`, 0 for
 * none): the requests of both take the earlier answers of both batches;
 * answers to requests of batches below stay, one per request. A request row
 * keeps the batch it was rolled in: it is never combined with another row,
 * so relabelling it would rewrite every request of the older batch for
 * nothing. Readers take the rows up to their boundary, and no boundary falls
 * between `below` and `newer` any more, so the rows in that range are one
 * batch's, whatever their label. The day rows of both become one per group.
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
  // One row per group for both batches: requests and late ones summed, the times added less those
  // taken away (a time taken away whose adding lies in a batch below stays taken away).
  await tx.unsafe(
    `with merged as (delete from event_request_days where org_id = $1::uuid and upto > $2 and upto <= $3 returning *),
     signed as (
       select day, kind, environment, agent_id, t, 1 as n from merged cross join unnest(times) t
       union all select day, kind, environment, agent_id, t, -1 from merged cross join unnest(removed) t),
     net as (select day, kind, environment, agent_id, t, sum(n) as n from signed group by 1, 2, 3, 4, 5 having sum(n) <> 0),
     parts as (
       select day, kind, environment, agent_id, requests, late, null::int8 as t, 0 as n from merged
       union all select day, kind, environment, agent_id, 0, 0, t, sign(n) from net cross join generate_series(1, abs(n)))
     insert into event_request_days (org_id, upto, day, kind, environment, agent_id, requests, late, times, removed)
     select $1::uuid, $3, day, kind, environment, agent_id, sum(requests), sum(late),
            coalesce(array_agg(t order by t) filter (where n > 0), '{}'), coalesce(array_agg(t order by t) filter (where n < 0), '{}')
     from parts group by day, kind, environment, agent_id`,
    [orgId, below, newer],
  );
}
