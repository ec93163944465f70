/**
 * Rollups of the one pass (metrics.ts): every per-event count a report can
 * need, summed ahead of time by UTC day, environment and agent, with each
 * day's sessions apart; and of the passes the tables share (passes.ts), by
 * day. A report then reads a few rows per agent-day instead of every event:
 * only the events after the rollups' last boundary, and those of a partial
 * first or last day whose rollups hold events outside the period too (see
 * rollupPlan), come from `audit_events`.
 *
 * The trail is append-only, so the rollups are exact: each refresh adds the
 * counts of one range of sequence numbers as a batch, (the previous batch's
 * `upto`, `upto`], and a report at watermark W sums the batches up to the
 * last boundary B ≤ W plus the events in (B, W]. Refreshes run after ingest
 * (a debounced job), when a report starts and when live posture evaluates,
 * under one lock per organisation; afterwards, except for posture's, batches
 * of like size are merged, one pair per transaction.
 */
import { createHash } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import type { Sql } from '../db/client.ts';
import { awaitIngestInFlight } from '../events/store.ts';
import { mergeRequests, refreshRequests, requestDefinition } from './correlated.ts';
import { passes, passOverEvents, type GroupedPass } from './passes.ts';
import { ALL_SUBJECT_REFERENCES, type ReportScope, type ScopeSql } from './scope.ts';
import { PERSONAL, PII_TOOL, prefilterOf, selectors, selectorSql, type SelectorId } from '../library/selectors.ts';

/** Agents' reach into personal data: events on pii-tagged tools that were not denied. */
export const PII_REACH = 'pii_reach';
export type CounterId = SelectorId | typeof PII_REACH;

/** Every count a rollup holds: each selector that looks at no other event, and the agents' pii reach. */
const COUNTERS: Array<{ id: CounterId; sql: string }> = [
  ...(Object.keys(selectors) as SelectorId[]).filter((id) => !prefilterOf(id)).map((id) => ({ id, sql: selectorSql(id, '$W', '$O') })),
  { id: PII_REACH, sql: `(${PII_TOOL} and e.decision is distinct from 'deny')` },
];
const COUNTER_INDEX = new Map(COUNTERS.map((c, i) => [c.id, i + 1]));
/** The element-wise sum of the grouped rows' `counts`. */
const SUMMED_COUNTS = `array[${COUNTERS.map((_, i) => `sum(counts[${i + 1}])`).join(', ')}]::int8[]`;

/** The counters the one pass needs, by name: a count of events or a sum of costs. */
export type PassColumn = { name: string; counter: CounterId } | { name: string; cost: 'all' | 'personal' };

/** UTC day number of an event, as the pass and the rollups group by it. */
const DAY = `floor(date_part('epoch', e.occurred_at) / 86400)::int`;
const DAY_MS = 86_400_000;
const COST = { all: 'sum(e.cost_usd)', personal: `sum(e.cost_usd) filter (where ${PERSONAL})` };

/** Rows counted by other code (a counter added, a selector changed) are rebuilt, never mixed. */
const DEFINITION = createHash('sha256')
  .update(
    JSON.stringify({
      version: 5,
      day: DAY,
      cost: COST,
      counters: COUNTERS,
      passes: Object.values(passes).map((p) => ({ ...p, measures: p.measures(ALL_SUBJECT_REFERENCES) })),
      requests: requestDefinition(),
    }),
  )
  .digest('hex')
  .slice(0, 16);

/**
 * The organisation's rollup lock (pg_advisory_xact_lock's first key): a
 * refresh or a merge holds it exclusively.
 */
export const ROLLUP_LOCK = 7_343;

/**
 * The organisation's merge lock: a merge (or a rebuild) holds it
 * exclusively. A reader that is no report (live posture) holds it shared
 * while it measures, so no merge takes away the batch its boundary names
 * (merges spare only reports being generated). A new batch does not disturb
 * such a reader: it lies above the reader's boundary, whose queries read
 * those events from the trail.
 */
export const ROLLUP_MERGE_LOCK = 7_345;

/** Events from which a refresh that adds a fifth of an organisation's rolled-up events analyzes the rollups. */
const LARGE_REFRESH = 500_000;

/**
 * Every rollup table, batches last: per organisation (`org_id` leads every
 * index), cleared together when the definition changes.
 */
export const ROLLUP_TABLES = [
  'event_rollups',
  'event_session_rollups',
  'event_session_counts',
  'event_shared_sessions',
  'event_subject_rollups',
  'event_request_rollups',
  'event_answer_rollups',
  'event_request_days',
  ...Object.values(passes).map((p) => p.table),
  'event_rollup_batches',
] as const;

/** The count of events meeting a counter's condition. */
const countOf = (condition: string) => (condition === '(true)' ? 'count(*)' : `count(*) filter (where ${condition})`);
const rawAggregate = (c: PassColumn) => ('cost' in c ? COST[c.cost] : `${countOf(COUNTERS[COUNTER_INDEX.get(c.counter)! - 1]!.sql)}::float8`);
// Counts as float8 (exact below 2^53): summing a few dozen numeric columns over the rows of every grouping set cost more than reading them.
const rolledValue = (c: PassColumn) => ('cost' in c ? (c.cost === 'all' ? 'r.cost' : 'r.personal_cost') : `r.counts[${COUNTER_INDEX.get(c.counter)}]::float8`);

/** Which days a report reads from rollups, and up to which boundary: null when none apply. */
export interface RollupPlan {
  boundary: number;
  /**
   * UTC days [firstDay, endDay) read from the rollups: the whole days inside
   * the period, and a partial first or last day whose rollup rows hold only
   * events of the period (see rollupPlan).
   */
  firstDay: number;
  endDay: number;
}

/**
 * The plan of a scope. A rollup row of day D up to boundary B counts every
 * event of D with seq ≤ B, so a partial first or last day is read from the
 * rollups like a whole day when none of the organisation's events with
 * seq ≤ B falls on that day outside the period: then its rows count exactly
 * the period's events of the day up to B (environment and agent filters
 * apply to both alike), and its events after B are read with those of the
 * whole days. One index probe on (org_id, occurred_at, seq) per partial day
 * tells; B is committed, so no event at or below it can still appear. A
 * period within one day is read from the rollups when both its sides are
 * clear, else from the trail.
 */
export async function rollupPlan(sql: Sql, scope: ReportScope): Promise<RollupPlan | null> {
  // A DSAR reads one subject's events through the subjects index: rollups do not tell subjects apart.
  if (scope.dataSubject) return null;
  const start = scope.start.getTime();
  const end = scope.end.getTime();
  if (start >= end) return null;
  // Whole days [wholeFirst, wholeEnd); the partial days, if any, are the ones just outside them.
  const wholeFirst = Math.ceil(start / DAY_MS);
  const wholeEnd = Math.floor(end / DAY_MS);
  const partialFirst = start % DAY_MS !== 0;
  const partialLast = end % DAY_MS !== 0;
  // The events of a partial day outside the period: before its start, after its end.
  const outside = (from: number, to: number) => sql`exists (
      select 1 from audit_events e
      where e.org_id = ${scope.orgId} and e.occurred_at >= ${new Date(from).toISOString()}::timestamptz
        and e.occurred_at < ${new Date(to).toISOString()}::timestamptz and e.seq <= b.boundary)`;
  const [row] = await sql`
    with b as (
      select coalesce(max(upto), 0)::bigint as boundary, coalesce(bool_and(definition = ${DEFINITION}), true) as current
      from event_rollup_batches where org_id = ${scope.orgId} and upto <= ${scope.watermark})
    select b.boundary, b.current,
           ${partialFirst ? outside(Math.floor(start / DAY_MS) * DAY_MS, start) : sql`true`} as before_start,
           ${partialLast ? outside(end, Math.ceil(end / DAY_MS) * DAY_MS) : sql`true`} as after_end
    from b`;
  const boundary = Number(row!.boundary);
  if (!row!.current || boundary === 0) return null;
  const firstDay = partialFirst && !row!.before_start ? wholeFirst - 1 : wholeFirst;
  const endDay = partialLast && !row!.after_end ? wholeEnd + 1 : wholeEnd;
  // A period within one day whose one side is not clear leaves firstDay ≥ endDay: nothing to roll.
  return firstDay < endDay ? { boundary, firstDay, endDay } : null;
}

/**
 * How a plan splits a read: the rollup rows (alias `r`, whose environment
 * and agent columns are named by `columns`) of the plan's days up to the
 * boundary, the scope's events outside those days (its partial days not
 * rolled), and the scope's events of those days after the boundary.
 */
export function planParts(scoped: ScopeSql, plan: RollupPlan, columns: { environment: string; agent: string }) {
  const from = `to_timestamp(${plan.firstDay * 86_400})`;
  const to = `to_timestamp(${plan.endDay * 86_400})`;
  const rolled = [
    `r.org_id = $1::uuid`,
    `r.upto <= ${plan.boundary}`,
    `r.day >= ${plan.firstDay}`,
    `r.day < ${plan.endDay}`,
    ...(scoped.environmentRef ? [`r.${columns.environment} = ${scoped.environmentRef}`] : []),
    ...(scoped.agentIdsRef ? [`r.${columns.agent} = any(${scoped.agentIdsRef})`] : []),
  ].join(' and ');
  return {
    rolled,
    edges: `${scoped.where} and (e.occurred_at < ${from} or e.occurred_at >= ${to})`,
    after: `${scoped.where} and e.occurred_at >= ${from} and e.occurred_at < ${to} and e.seq > ${plan.boundary}`,
  };
}

/**
 * The one pass's rows to sum, as two selects: `rows` (d, agent_id, one
 * column per `columns`) and `sessions` (total, agent_id, n: the distinct
 * sessions of each agent, and in the row with `total` of the scope). Over
 * events, rows are grouped by day, agent and session and the sessions are
 * counted over them; with a plan, rows come from the rollups of the plan's
 * days up to the boundary (by day, environment and agent) and the events
 * around them, sessions as `sessionCounts` says. A day and agent may come
 * in several rows: sums over them are the same.
 */
export function passSource(scoped: ScopeSql, plan: RollupPlan | null, columns: PassColumn[], rowsName: string): { rows: string; sessions: string } {
  const raw = (where: string) =>
    `select ${DAY} as d, e.agent_id, ${columns.map((c) => `${rawAggregate(c)} as ${c.name}`).join(', ')}
     from audit_events e where ${where} group by 1, 2`;
  if (!plan) {
    return {
      rows: `select ${DAY} as d, e.agent_id, e.session_id, ${columns.map((c) => `${rawAggregate(c)} as ${c.name}`).join(', ')}
             from audit_events e where ${scoped.where} group by 1, 2, 3`,
      // Distinct by GROUP BY (hashed) rather than count(distinct), which sorts.
      sessions: `select true as total, null::text as agent_id, (select count(session_id) from (select session_id from ${rowsName} group by 1) x)::int as n
        union all
        select false, agent_id, count(session_id)::int from (select agent_id, session_id from ${rowsName} group by 1, 2) s group by agent_id`,
    };
  }
  const { rolled, edges, after } = planParts(scoped, plan, { environment: 'environment', agent: 'agent_id' });
  return {
    rows: `select r.day as d, r.agent_id, ${columns.map((c) => `${rolledValue(c)} as ${c.name}`).join(', ')} from event_rollups r where ${rolled}
      union all ${raw(edges)}
      union all ${raw(after)}`,
    sessions: sessionCounts(plan, rolled, edges, after),
  };
}

/**
 * Distinct sessions with a plan, of the scope and of each agent, without
 * reading a row per session of the plan's days. Counting each session under
 * its environment and agent, the session counts (schema.ts
 * eventSessionCounts) give the sessions active in the days [firstDay,
 * endDay) by summing the rows whose previous day lies before them. That is
 * the answer for every session but the special ones: those the events
 * around the plan's days name (the partial days not rolled, the events after
 * the boundary), which may be counted there too, and those seen under more
 * than one environment or agent, which are one session, not one per pair.
 * Their pairs are taken out of the sum, and they are counted distinct over
 * their session rows of the plan's days (read by session id) and those
 * events. A partial day in the plan holds only the period's events up to the
 * boundary (rollupPlan), so its session rows are the scope's as a whole
 * day's are.
 */
function sessionCounts(plan: RollupPlan, rolled: string, edges: string, after: string): string {
  const around = (where: string) => `select e.environment, e.agent_id, e.session_id from audit_events e where ${where} and e.session_id is not null group by 1, 2, 3`;
  return `with around as materialized (${around(edges)} union ${around(after)}),
    special as materialized (select session_id from around union select s.session_id from event_shared_sessions s where s.org_id = $1::uuid),
    special_rolled as materialized (
      select distinct r.environment, r.agent_id, r.session_id from event_session_rollups r
      where ${rolled} and r.session_id in (select session_id from special)),
    special_sessions as materialized (select agent_id, session_id from special_rolled union select agent_id, session_id from around),
    summed as materialized (
      select r.agent_id, sum(r.n) as n from event_session_counts r
      where ${rolled} and (r.prev_day is null or r.prev_day < ${plan.firstDay}) group by 1),
    per_agent as (
      select agent_id, sum(n)::int as n from (
        select agent_id, n from summed
        union all select agent_id, -count(*) from special_rolled group by 1
        union all select agent_id, count(*) from special_sessions group by 1) u
      group by 1)
    select true as total, null::text as agent_id,
           ((select coalesce(sum(n), 0) from summed) - (select count(*) from special_rolled)
            + (select count(*) from (select session_id from special_sessions group by 1) s))::int as n
    union all
    select false, agent_id, n from per_agent`;
}

/** A pass's rollup columns: its keys and measures, and the environment where the pass has no such key. */
function passColumns(pass: GroupedPass) {
  const keys = pass.keys.map(([name]) => name);
  const extra = keys.includes(pass.scope.environment) ? [] : [pass.scope.environment];
  return { keys, extra, measures: pass.measures(ALL_SUBJECT_REFERENCES) };
}

/**
 * A shared pass (passes.ts) with a plan: its rollups of the plan's days and
 * the events around them, regrouped by its keys, so the rows are those of
 * the pass over the events.
 */
export function passOverRollups(pass: GroupedPass, scoped: ScopeSql, plan: RollupPlan): string {
  const { keys, measures } = passColumns(pass);
  const { rolled, edges, after } = planParts(scoped, plan, pass.scope);
  const refs = ALL_SUBJECT_REFERENCES;
  return `select ${[...keys, ...measures.map(([name, , merge]) => `${merge}(${name}) as ${name}`)].join(', ')} from (
      select ${[...keys, ...measures.map(([name]) => name)].join(', ')} from ${pass.table} r where ${rolled}
      union all
      ${passOverEvents(pass, edges, refs)}
      union all
      ${passOverEvents(pass, after, refs)}
    ) u group by ${keys.map((_, i) => i + 1).join(', ')}`;
}

/**
 * The batch's change to the session counts (schema.ts eventSessionCounts),
 * before its session rows are added: each session of the batch with the
 * days it was active before (read by session through its index) and after,
 * each day with its previous one; the batch adds the new chain's rows and
 * takes away the old one's, which cancel where nothing changed. Sessions now
 * seen under a second environment or agent are kept apart
 * (event_shared_sessions). Joins of the batch's temporary tables only, no
 * subquery per row: Citus plans those. `orgId` is checked by the caller.
 */
async function refreshSessionCounts(tx: TransactionSql, orgId: string, target: number): Promise<void> {
  await tx.unsafe(
    `create temp table rollup_session_days on commit drop as
     select distinct r.day, r.environment, r.agent_id, r.session_id
     from event_session_rollups r join (select distinct session_id from rollup_batch where session_id is not null) b
       on r.org_id = '${orgId}'::uuid and r.session_id = b.session_id`,
  );
  const chain = (rows: string) =>
    `select day, environment, agent_id, lag(day) over (partition by environment, agent_id, session_id order by day) as prev from (${rows}) c`;
  await tx.unsafe(
    `insert into event_session_counts (org_id, upto, day, environment, agent_id, prev_day, n)
     select $1::uuid, ${target}, day, environment, agent_id, prev, sum(n) from (
       select *, -1 as n from (${chain('select * from rollup_session_days')}) o
       union all
       select *, 1 from (${chain(`select * from rollup_session_days union select day, environment, agent_id, session_id from rollup_batch where session_id is not null`)}) c
     ) d group by day, environment, agent_id, prev having sum(n) <> 0`,
    [orgId],
  );
  await tx.unsafe(
    `insert into event_shared_sessions (org_id, session_id)
     select $1::uuid, session_id from (
       select environment, agent_id, session_id from rollup_session_days
       union select environment, agent_id, session_id from rollup_batch where session_id is not null) s
     group by session_id having count(*) > 1
     on conflict do nothing`,
    [orgId],
  );
  await tx`drop table rollup_session_days`;
}

interface RefreshResult {
  /** The newest boundary after the refresh. */
  upto: number;
  /** Events added by this refresh. */
  events: number;
}

/**
 * Rolls up the organisation's events after the newest boundary, up to `upto`
 * (default: every event stored). Every event at or below `upto` must be
 * committed: a report's watermark, or the highest sequence once the batches
 * in flight are done, as here. `wait: false` skips when another refresh of
 * the organisation is running (it will have done the work). Then merges
 * batches (mergeRollups), unless `merge: false`: live posture leaves the
 * merges, whose cost grows with the trail, to the job after ingest.
 */
export async function refreshRollups(sql: Sql, orgId: string, options: { upto?: number; wait?: boolean; merge?: boolean } = {}): Promise<RefreshResult | null> {
  let upto = options.upto;
  if (upto === undefined) {
    const [max] = await sql`select coalesce(max(seq), 0)::bigint as seq from audit_events where org_id = ${orgId}`;
    await awaitIngestInFlight(sql, orgId);
    upto = Number(max!.seq);
  }
  const target = upto;
  const result = await sql.begin(async (tx): Promise<(RefreshResult & { rolled?: number }) | null> => {
    if (options.wait === false) {
      const [lock] = await tx`select pg_try_advisory_xact_lock(${ROLLUP_LOCK}, hashtext(${orgId})) as got`;
      if (!lock!.got) return null;
    } else {
      await tx`select pg_advisory_xact_lock(${ROLLUP_LOCK}, hashtext(${orgId}))`;
    }
    const batches = await tx`select upto::bigint as upto, definition from event_rollup_batches where org_id = ${orgId} order by upto desc`;
    let newest = batches.length ? Number(batches[0]!.upto) : 0;
    if (batches.some((b) => b.definition !== DEFINITION)) {
      // A rebuild takes away every batch: no posture reader may be measuring.
      await tx`select pg_advisory_xact_lock(${ROLLUP_MERGE_LOCK}, hashtext(${orgId}))`;
      for (const table of ROLLUP_TABLES) await tx.unsafe(`delete from ${table} where org_id = $1::uuid`, [orgId]);
      newest = 0;
    }
    if (target <= newest) return { upto: newest, events: 0 };
    // CREATE TABLE AS may run in parallel where INSERT … SELECT may not: count into a temporary table,
    // in parallel and by hash even though PostgreSQL expects a group per event (sorting for the
    // groups made the refresh of 1.1M events 3.1 s instead of 1.9 s).
    await tx`select set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true), set_config('enable_sort', 'off', true)`;
    // A utility statement takes no parameters; the organisation is a uuid we read, the bounds are numbers.
    if (!/^[0-9a-f-]{36}$/i.test(orgId)) throw new Error(`not an organisation id: ${orgId}`);
    await tx.unsafe(
      `create temp table rollup_batch on commit drop as
       select ${DAY} as day, e.environment, e.agent_id, e.session_id,
              array[${COUNTERS.map((c) => countOf(c.sql)).join(', ')}]::int8[] as counts,
              ${COST.all} as cost, ${COST.personal} as personal_cost
       from audit_events e where e.org_id = '${orgId}'::uuid and e.seq > ${newest} and e.seq <= ${target}
       group by 1, 2, 3, 4`,
    );
    // Counted by session once, kept by agent: the sessions go to their own narrow rows.
    const [added] = await tx.unsafe(
      `with rows as (
         insert into event_rollups (org_id, upto, day, environment, agent_id, counts, cost, personal_cost)
         select $1::uuid, ${target}, day, environment, agent_id, ${SUMMED_COUNTS}, sum(cost), sum(personal_cost)
         from rollup_batch group by day, environment, agent_id
         returning counts[${COUNTER_INDEX.get('all_events')}] as n)
       select coalesce(sum(n), 0)::bigint as events from rows`,
      [orgId],
    );
    await refreshSessionCounts(tx, orgId, target);
    await tx.unsafe(
      `insert into event_session_rollups (org_id, upto, day, environment, agent_id, session_id)
       select $1::uuid, ${target}, day, environment, agent_id, session_id from rollup_batch`,
      [orgId],
    );
    const events = Number(added!.events);
    for (const pass of Object.values(passes)) {
      const { keys, extra, measures } = passColumns(pass);
      const columns = [...extra, ...keys, ...measures.map(([name]) => name)];
      await tx.unsafe(
        `create temp table rollup_pass on commit drop as
         select ${[`${DAY} as day`, ...extra.map((c) => `e.${c} as ${c}`), ...pass.keys.map(([name, sql]) => `${sql} as ${name}`), ...measures.map(([name, sql]) => `${sql} as ${name}`)].join(', ')}
         from audit_events e where e.org_id = '${orgId}'::uuid and e.seq > ${newest} and e.seq <= ${target}${pass.where ? ` and ${pass.where}` : ''}
         group by ${Array.from({ length: 1 + extra.length + keys.length }, (_, i) => i + 1).join(', ')}`,
      );
      await tx.unsafe(`insert into ${pass.table} (org_id, upto, day, ${columns.join(', ')}) select $1::uuid, ${target}, day, ${columns.join(', ')} from rollup_pass`, [orgId]);
      await tx`drop table rollup_pass`;
    }
    // The data subjects each agent named per day: distinct subjects are counted over these rows
    // (counted into a temporary table like the rest, in parallel).
    await tx.unsafe(
      `create temp table rollup_subjects on commit drop as
       select ${DAY} as day, e.environment, e.agent_id, s as subject, count(*) as n
       from audit_events e cross join lateral unnest(e.data_subjects) s
       where e.org_id = '${orgId}'::uuid and e.seq > ${newest} and e.seq <= ${target} and cardinality(e.data_subjects) > 0
       group by 1, 2, 3, 4`,
    );
    await tx.unsafe(
      `insert into event_subject_rollups (org_id, upto, day, environment, agent_id, subject, n)
       select $1::uuid, ${target}, day, environment, agent_id, subject, n from rollup_subjects`,
      [orgId],
    );
    await tx`drop table rollup_subjects`;
    await refreshRequests(tx, orgId, newest, target);
    await tx`insert into event_rollup_batches (org_id, upto, definition, events) values (${orgId}, ${target}, ${DEFINITION}, ${events})`;
    await tx`drop table rollup_batch`;
    const [rolled] = await tx`select coalesce(sum(events), 0)::float8 as events from event_rollup_batches where org_id = ${orgId}`;
    return { upto: target, events, rolled: Number(rolled!.events) };
  });
  if (options.merge !== false) await mergeRollups(sql, orgId);
  if (result && result.events >= LARGE_REFRESH && result.events * 5 >= (result.rolled ?? 0)) {
    // A refresh this large (a first roll-up, a bulk import) rewrote a good part of the rollups, merges
    // included, before autovacuum analyzed any of it: without statistics PostgreSQL expects a few rows
    // and sorts a million where it would hash them. ANALYZE reads a fixed sample, whatever the size of
    // the tables (all organisations'); the dead rows of merges are left to autovacuum.
    await sql.unsafe(`analyze ${ROLLUP_TABLES.join(', ')}`);
  }
  return result && { upto: result.upto, events: result.events };
}

/**
 * Whether more than `limit` of the organisation's events up to `upto` lie
 * after its newest boundary (at most `limit` + 1 rows read, by primary key).
 */
export async function unrolledExceeds(sql: Sql, orgId: string, upto: number, limit: number): Promise<boolean> {
  const [row] = await sql`
    select count(*)::int as n from (
      select 1 from audit_events
      where org_id = ${orgId} and seq <= ${upto}
        and seq > (select coalesce(max(upto), 0) from event_rollup_batches where org_id = ${orgId} and upto <= ${upto})
      limit ${limit + 1}) tail`;
  return row!.n > limit;
}

/**
 * Merges adjacent batches, the newest pair first, while a batch holds at
 * most twice the events of the one above it, so an organisation keeps a few
 * batches, each larger than twice the next (each event is merged a
 * logarithmic number of times). Each pair in its own transaction: a posture
 * reader waits for one pair's merge at most. Never past a report being
 * generated: it sums the batches up to its own boundary, which must stay.
 */
export async function mergeRollups(sql: Sql, orgId: string): Promise<void> {
  for (;;) {
    const merged = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${ROLLUP_LOCK}, hashtext(${orgId}))`;
      await tx`select pg_advisory_xact_lock(${ROLLUP_MERGE_LOCK}, hashtext(${orgId}))`;
      const batches: Batch[] = (await tx`select upto::bigint as upto, events::bigint as events from event_rollup_batches where org_id = ${orgId} order by upto desc`).map((b) => ({ upto: Number(b.upto), events: Number(b.events) }));
      for (let i = 0; i + 1 < batches.length; i++) {
        const [newer, older, below] = [batches[i]!, batches[i + 1]!, batches[i + 2]];
        if (older.events > 2 * newer.events) continue;
        const [pinned] = await tx`
          select exists (select 1 from reports where org_id = ${orgId} and status = 'generating' and watermark >= ${older.upto} and watermark < ${newer.upto}) as pinned`;
        if (pinned!.pinned) continue;
        await mergePair(tx, orgId, below?.upto ?? 0, older, newer);
        return true;
      }
      return false;
    });
    if (!merged) return;
  }
}

interface Batch {
  upto: number;
  events: number;
}

/** Merges batch `older` into `newer`, the next one up (`below`: the batch under `older`, 0 for none). */
async function mergePair(tx: TransactionSql, orgId: string, below: number, older: Batch, newer: Batch): Promise<void> {
  await tx.unsafe(
    `with merged as (delete from event_rollups where org_id = $1::uuid and upto in ($2, $3) returning *)
     insert into event_rollups (org_id, upto, day, environment, agent_id, counts, cost, personal_cost)
     select org_id, $3, day, environment, agent_id, ${SUMMED_COUNTS}, sum(cost), sum(personal_cost)
     from merged group by org_id, day, environment, agent_id`,
    [orgId, older.upto, newer.upto],
  );
  await tx.unsafe(
    `with merged as (delete from event_session_rollups where org_id = $1::uuid and upto in ($2, $3) returning *)
     insert into event_session_rollups (org_id, upto, day, environment, agent_id, session_id)
     select distinct org_id, $3::bigint, day, environment, agent_id, session_id from merged`,
    [orgId, older.upto, newer.upto],
  );
  await tx.unsafe(
    `with merged as (delete from event_session_counts where org_id = $1::uuid and upto in ($2, $3) returning *)
     insert into event_session_counts (org_id, upto, day, environment, agent_id, prev_day, n)
     select org_id, $3, day, environment, agent_id, prev_day, sum(n) from merged
     group by org_id, day, environment, agent_id, prev_day having sum(n) <> 0`,
    [orgId, older.upto, newer.upto],
  );
  for (const pass of Object.values(passes)) {
    const { keys, extra, measures } = passColumns(pass);
    const group = ['org_id', 'day', ...extra, ...keys];
    await tx.unsafe(
      `with merged as (delete from ${pass.table} where org_id = $1::uuid and upto in ($2, $3) returning *)
       insert into ${pass.table} (org_id, upto, day, ${[...extra, ...keys, ...measures.map(([name]) => name)].join(', ')})
       select org_id, $3, day, ${[...extra, ...keys, ...measures.map(([name, , merge]) => `${merge}(${name})`)].join(', ')}
       from merged group by ${group.join(', ')}`,
      [orgId, older.upto, newer.upto],
    );
  }
  await tx.unsafe(
    `with merged as (delete from event_subject_rollups where org_id = $1::uuid and upto in ($2, $3) returning *)
     insert into event_subject_rollups (org_id, upto, day, environment, agent_id, subject, n)
     select org_id, $3, day, environment, agent_id, subject, sum(n) from merged group by org_id, day, environment, agent_id, subject`,
    [orgId, older.upto, newer.upto],
  );
  await mergeRequests(tx, orgId, below, older.upto, newer.upto);
  await tx`update event_rollup_batches set events = events + ${older.events} where org_id = ${orgId} and upto = ${newer.upto}`;
  await tx`delete from event_rollup_batches where org_id = ${orgId} and upto = ${older.upto}`;
}
