/**
 * Every table a framework section can show. Most are ONE grouped SQL query
 * over the report's scope (cheap-column filter first, groups capped, the
 * total kept), run only when a section names it. Grouping happens in SQL: a
 * table never holds more than its row cap in memory. Some are finished in
 * memory from what the engine measured anyway (agent risk, drift, the daily
 * decisions, scalar retention figures, the statement of applicability).
 */
import type { Sql } from '../db/client.ts';
import type { FrameworkDefinition } from '../frameworks/types.ts';
import { statementOfApplicability } from './applicability.ts';
import { DRIFT_METHOD } from './drift.ts';
import type { FindingContent } from './evaluate.ts';
import type { Measurements } from './measure.ts';
import type { AgentRisk, WeekCounts } from './counts.ts';
import { scopeWhere, subjectReferences, type ReportScope, type ScopeSql } from './scope.ts';
import { passes, passOverEvents, type PassId } from './passes.ts';
import { passOverRollups, rollupPlan, type RollupPlan } from './rollups.ts';
import type { SqlTableId } from '../library/tables.ts';
import { ADMIN_BY_PEOPLE_OR_NOBODY, PERSONAL, PII_TOOL, type SelectorId } from '../library/selectors.ts';

export type Cell = string | number | null;

export interface Table {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  truncated: { shown: number; total: number } | null;
}

/** What the engine measured anyway, for tables finished in memory. */
export interface TableContext {
  risks: AgentRisk[];
  weeks: WeekCounts[];
  scalars: Record<string, number | null>;
  counts: Partial<Record<SelectorId, number>>;
}

/** Makes a SQL table's rows once the engine's own counts are known. */
export type TableFinisher = (ctx: TableContext) => Table;
type Finish = TableFinisher;

interface SqlTable {
  title: string;
  columns: string[];
  /** Scalar queries (scalars.ts) the table reads when finished. */
  scalarQueries?: Array<'retention'>;
  /** The selector whose count is the table's total rows (lists of events: the engine counts it anyway). */
  totalOf?: SelectorId;
  /** Selectors whose counts (from the engine's one pass) the table is finished from. */
  counts?: SelectorId[];
  build(sql: Sql, scope: ReportScope): Promise<Finish>;
}

const ROWS = 100;
/** Decisions, denials, alerts and holds of the injection and the DLP detector. */
const DETECTOR_COUNTS = [
  ['injection_decisions', 'injection_denied', 'injection_alerted', 'injection_held'],
  ['dlp_decisions', 'dlp_denied', 'dlp_alerted', 'dlp_held'],
] as const satisfies ReadonlyArray<readonly SelectorId[]>;
const EVENT_ROWS = 500;

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Runs `inner` (a grouped select over `e` in scope, `where` appended) and
 * keeps the first `limit` rows in `order`, with the number of groups.
 */
async function grouped(sql: Sql, scope: ReportScope, inner: (where: string) => string, order: string) {
  const { where, params } = scopeWhere(scope);
  const rows = await sql.unsafe(`select g.*, count(*) over () as total_groups from (${inner(where)}) g order by ${order} limit ${ROWS}`, params as never[]);
  return { rows: rows as Array<Record<string, unknown>>, truncated: truncation(rows.length, rows.length ? Number(rows[0]!.total_groups) : 0) };
}

/**
 * The first `limit` events of the scope matching `condition`, in time order:
 * an index scan that stops at the limit. How many there are in all is the
 * count of the selector with the same condition, which the engine's one pass
 * counts anyway, instead of numbering every match of the period here.
 */
const eventList = (id: string, def: { title: string; columns: string[] }, totalOf: SelectorId, select: string | ((scoped: ScopeSql) => string), condition: string, row: (r: Record<string, unknown>) => Cell[]): SqlTable => ({
  ...def,
  totalOf,
  async build(sql, scope) {
    const scoped = scopeWhere(scope);
    const { where, params } = scoped;
    const rows = await sql.unsafe(`select ${typeof select === 'string' ? select : select(scoped)} from audit_events e where ${where} and ${condition} order by e.occurred_at, e.seq limit ${EVENT_ROWS}`, params as never[]);
    return (ctx) => {
      return table(id, def, rows.map(row), truncation(rows.length, ctx.counts[totalOf] ?? rows.length));
    };
  },
});

/** What a table says of rows it left out: null when it shows all `total`. */
const truncation = (shown: number, total: number): Table['truncated'] => (total > shown ? { shown, total } : null);

function table(id: string, def: { title: string; columns: string[] }, rows: Cell[][], truncated: Table['truncated']): Table {
  return { id, title: def.title, columns: def.columns, rows, truncated };
}

const sqlTable = (id: string, def: Omit<SqlTable, 'build'>, query: (sql: Sql, scope: ReportScope) => ReturnType<typeof grouped>, row: (r: Record<string, unknown>) => Cell[]): SqlTable => ({
  ...def,
  async build(sql, scope) {
    const result = await query(sql, scope);
    return () => table(id, def, result.rows.map(row), result.truncated);
  },
});

/**
 * A table built from one of the passes several tables of a report share
 * (`passes`): a grouped CTE named after the pass, read by `inner(from)`,
 * where `from` is that CTE aliased `e` followed by a WHERE clause to extend
 * with `and`. Its rows are GROUPS of events: sum `e.n` to count events. The
 * tables of one pass run as ONE query (`buildSharedTables`) instead of each
 * scanning the period.
 */
interface SharedTable extends SqlTable {
  shared: {
    pass: PassId;
    inner: (from: string) => string;
    order: string;
    row: (r: Record<string, unknown>, ctx: TableContext, scope: ReportScope) => Cell[];
    /** The events the table reads at most: a pass for such tables alone reads only those. */
    prefilter?: string;
  };
}

const sharedTable = (
  id: string,
  pass: PassId,
  def: { title: string; columns: string[] },
  inner: (from: string) => string,
  order: string,
  row: SharedTable['shared']['row'],
  prefilter?: string,
): SharedTable => ({
  ...def,
  shared: { pass, inner, order, row, ...(prefilter ? { prefilter } : {}) },
  async build(sql, scope) {
    return (await buildSharedTables(sql, scope, pass, [id], await rollupPlan(sql, scope))).get(id)!;
  },
});

/** A table over the scope's personal-data events (GDPR Art. 30 and DSAR). */
const personalTable = (id: string, def: { title: string; columns: string[] }, inner: (from: string) => string, order: string, row: (r: Record<string, unknown>) => Cell[]) =>
  sharedTable(id, 'personal', def, inner, order, row);

const isShared = (t: SqlTable): t is SharedTable => 'shared' in t;

async function buildSharedTables(sql: Sql, scope: ReportScope, pass: PassId, ids: string[], plan: RollupPlan | null): Promise<Map<string, Finish>> {
  const scoped = scopeWhere(scope);
  const defs = ids.map((id) => sqlTables[id] as SharedTable);
  const ctes = defs.map((t, i) =>
    `t${i} as (select g.*, count(*) over () as total_groups, row_number() over (order by ${t.shared.order}) as rn
               from (${t.shared.inner(`${pass} e where true`)}) g order by ${t.shared.order} limit ${ROWS})`);
  const prefilters = defs.map((t) => t.shared.prefilter);
  const where = prefilters.every((f) => f !== undefined) ? `${scoped.where} and (${[...new Set(prefilters)].join(' or ')})` : scoped.where;
  // Over the plan's days, the pass comes from its rollups (the tables' prefilters only narrow a read of events).
  const source = plan ? passOverRollups(passes[pass], scoped, plan) : passOverEvents(passes[pass], where, subjectReferences(scoped));
  const text = `with ${pass} as materialized (${source}),
     ${ctes.join(',\n     ')}
     ${defs.map((_, i) => `select ${i} as t, to_jsonb(t${i}) as r from t${i}`).join(' union all ')}`;
  // PostgreSQL multiplies the keys' distinct counts and expects about a group per event: it planned
  // one process at 1M events, and at 10M a sort of the whole period instead of a hash table. The
  // passes make about a thousand groups, for which a parallel hash aggregate is right (1.8 → 1.0 s
  // at 1M events; 9 s at 10M). Free parallelism and no sorts (the few result rows still sort) let
  // it choose that plan; extended statistics over the eight keys would tell it the truth but cost
  // ANALYZE ten seconds more.
  const rows = await sql.begin(async (tx) => {
    await tx`select set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true), set_config('enable_sort', 'off', true)`;
    return tx.unsafe(text, scoped.params as never[]);
  });
  return new Map(ids.map((id, i) => {
    const def = defs[i]!;
    const mine = rows.filter((x) => x.t === i).map((x) => x.r as Record<string, unknown>).sort((a, b) => Number(a.rn) - Number(b.rn));
    const finish: Finish = (ctx) => table(id, def, mine.map((r) => def.shared.row(r, ctx, scope)), truncation(mine.length, mine.length ? Number(mine[0]!.total_groups) : 0));
    return [id, finish];
  }));
}

/**
 * Tools' activity groups summed by (tool, agent, tags as sent), from which
 * the per-tool figures and the tags are summed. The tags are those the events the report read carry, not the
 * tools registry's, which merges in the tags of every event ever received,
 * later ones too: regenerating at the same watermark must show the same tags.
 */
const toolGroups = (from: string) =>
  `select e.tool, e.agent, e.tags, min(e.tags[1]) as first_tag, sum(e.n) as n, sum(e.deny + e.hold) as denied,
          min(e.first) as first, max(e.last) as last
   from ${from} and e.tool is not null group by 1, 2, 3`;

/** Each tool's distinct tags over `groups` (toolGroups), sorted as the registry sorts them. */
const toolTags = (groups: string) =>
  `select g.tool, string_agg(distinct tag, ', ' order by tag) as tags from ${groups} g cross join unnest(g.tags) tag group by g.tool`;

// Exactly the library's SQL tables (src/library/tables.ts), looked up by any id.
export const sqlTables: Record<string, SqlTable> = {
  personal_data_agents: personalTable(
    'personal_data_agents',
    { title: 'Agents processing personal data', columns: ['agent', 'events', 'legalBases', 'recipients', 'firstSeen', 'lastSeen'] },
    // (agent, basis, recipient) first, a hash aggregate; the distinct lists are
    // then built from those few rows instead of sorting every event of every agent.
    (from) => `select agent, sum(n)::int as events, string_agg(distinct basis, ', ') as bases, string_agg(distinct recipient, ', ') as recipients,
                 min(first) as first, max(last) as last
               from (select e.agent_id as agent, e.legal_basis as basis, e.recipient as recipient, sum(e.n) as n,
                            min(e.first) as first, max(e.last) as last
                     from ${from} and e.agent_id is not null group by 1, 2, 3) a
               group by agent`,
    'events desc, agent',
    (r) => [str(r.agent), num(r.events), str(r.bases), str(r.recipients), iso(r.first), iso(r.last)],
  ),
  pii_tools: sharedTable(
    'pii_tools',
    'activity',
    { title: 'Tools tagged pii', columns: ['tool', 'tags', 'events', 'agents', 'deniedOrHeld', 'firstSeen', 'lastSeen'] },
    (from) => `with x as (${toolGroups(`${from} and e.pii`)})
               select a.tool, coalesce(t.tags, '') as tags, a.events, a.agents, a.denied, a.first, a.last
               from (select tool, sum(n)::int as events, count(distinct agent)::int as agents, sum(denied)::int as denied, min(first) as first, max(last) as last
                     from x group by tool) a
               left join (${toolTags('x')}) t using (tool)`,
    'events desc, tool',
    (r) => [str(r.tool), str(r.tags), num(r.events), num(r.agents), num(r.denied), iso(r.first), iso(r.last)],
    PII_TOOL,
  ),
  processing_purposes: personalTable(
    'processing_purposes',
    { title: 'Purposes and legal bases of processing', columns: ['legalBasis', 'purpose', 'events', 'agents'] },
    (from) => `select basis, purpose, sum(n)::int as events, count(agent)::int as agents from (
                 select coalesce(e.legal_basis, '(none recorded)') as basis, coalesce(e.purpose, '(not recorded)') as purpose,
                        e.agent_id as agent, sum(e.n) as n
                 from ${from} group by 1, 2, 3) a group by basis, purpose`,
    'events desc, basis, purpose',
    (r) => [str(r.basis), str(r.purpose), num(r.events), num(r.agents)],
  ),
  personal_data_categories: personalTable(
    'personal_data_categories',
    { title: 'Categories of personal data', columns: ['category', 'events', 'oldestInPeriod', 'newestInPeriod'] },
    (from) => `select c as category, sum(e.n)::int as events, min(e.first) as first, max(e.last) as last
               from (select e.n, e.first, e.last, e.personal_data from ${from} and cardinality(e.personal_data) > 0) e
               cross join lateral unnest(e.personal_data) c group by c`,
    'events desc, category',
    (r) => [str(r.category), num(r.events), iso(r.first), iso(r.last)],
  ),
  data_subject_categories: personalTable(
    'data_subject_categories',
    { title: 'Categories of data subjects', columns: ['subjectCategory', 'events', 'subjectReferences'] },
    (from) => `select coalesce(e.subject_category, '(not recorded)') as category, sum(e.n)::int as events, sum(e.refs)::int as refs
               from ${from} and e.has_subjects group by 1`,
    'events desc, category',
    (r) => [str(r.category), num(r.events), num(r.refs)],
  ),
  recipients: personalTable(
    'recipients',
    { title: 'Recipients of personal data', columns: ['recipient', 'region', 'legalBasis', 'events'] },
    (from) => `select e.recipient as recipient, e.region as region, coalesce(e.legal_basis, '(none recorded)') as basis, sum(e.n)::int as events
               from ${from} and e.recipient is not null group by 1, 2, 3`,
    'events desc, recipient, region, basis',
    (r) => [str(r.recipient), str(r.region), str(r.basis), num(r.events)],
  ),
  transfers_by_region: personalTable(
    'transfers_by_region',
    { title: 'Personal data by destination region', columns: ['region', 'events', 'recipients', 'withoutLegalBasis'] },
    (from) => `select region, sum(n)::int as events, count(recipient)::int as recipients, sum(nobasis)::int as nobasis from (
                 select e.region as region, e.recipient as recipient, sum(e.n) as n, coalesce(sum(e.n) filter (where e.legal_basis is null), 0) as nobasis
                 from ${from} and e.region is not null group by 1, 2) a group by region`,
    'events desc, region',
    (r) => [str(r.region), num(r.events), num(r.recipients), num(r.nobasis)],
  ),
  retention: {
    title: 'Retention of the trail',
    columns: ['kind', 'oldestKeptDays'],
    scalarQueries: ['retention'],
    async build() {
      return (ctx) =>
        table('retention', this, [
          ['audit events', ctx.scalars.log_history_days ?? null],
          ['events with personal data', ctx.scalars.oldest_personal_data_days ?? null],
        ], null);
    },
  },
  policies: sharedTable(
    'policies',
    'activity',
    { title: 'Policies deciding agent actions', columns: ['policy', 'versions', 'decisions', 'allow', 'deny', 'alert', 'hold'] },
    (from) => `select policy, string_agg(version, ', ' order by version) as versions, sum(n)::int as decisions, sum(allow)::int as allow,
                      sum(deny)::int as deny, sum(alert)::int as alert, sum(hold)::int as hold from (
                 select coalesce(e.policy, '(no explicit policy)') as policy, e.version, sum(e.decisions) as n,
                        sum(e.allow) as allow, sum(e.deny) as deny, sum(e.alert) as alert, sum(e.hold) as hold
                 from ${from} and e.decisions > 0 group by 1, 2) a group by policy`,
    'decisions desc, policy',
    (r) => [str(r.policy), str(r.versions), num(r.decisions), num(r.allow), num(r.deny), num(r.alert), num(r.hold)],
    'e.decision is not null',
  ),
  decisions_by_category: {
    title: 'Decisions by source: the tool-call policy and the two detectors (each decision counted once)',
    columns: ['source', 'decisions', 'allow', 'deny', 'alert', 'hold'],
    counts: ['decisions', 'allowed_decisions', 'denied_decisions', 'alerted_decisions', 'held_decisions', ...DETECTOR_COUNTS.flat()],
    async build() {
      return (ctx) => {
        const n = (id: SelectorId) => ctx.counts[id] ?? 0;
        const detector = ([decisions, deny, alert, hold]: readonly SelectorId[]) => {
          const d = [n(decisions!), n(deny!), n(alert!), n(hold!)];
          return [d[0]!, d[0]! - d[1]! - d[2]! - d[3]!, d[1]!, d[2]!, d[3]!];
        };
        const injection = detector(DETECTOR_COUNTS[0]);
        const dlp = detector(DETECTOR_COUNTS[1]);
        const all = [n('decisions'), n('allowed_decisions'), n('denied_decisions'), n('alerted_decisions'), n('held_decisions')];
        const policy = all.map((v, i) => v - injection[i]! - dlp[i]!);
        return table('decisions_by_category', this, [
          ['policy on tool calls', ...policy],
          ['injection detector', ...injection],
          ['DLP detector', ...dlp],
          ['all decisions', ...all],
        ], null);
      };
    },
  },
  subject_events: eventList(
    'subject_events',
    { title: 'Processing events (first 500; the evidence connection pages through all)', columns: ['occurredAt', 'seq', 'dataSubjects', 'agent', 'category', 'action', 'tool', 'personalData', 'legalBasis', 'recipient', 'region'] },
    'personal_data_events',
    // The subject each row concerns: in a subject's export that subject alone (the others an event
    // names are third parties, Art. 15(4)); in an agent's export every subject the event names.
    (scoped) => `e.occurred_at, e.seq, ${scoped.dataSubjectRef ?? `array_to_string(e.data_subjects, ', ')`} as subjects, e.agent_id, e.category, e.action, e.tool_name,
                 array_to_string(e.personal_data, ', ') as pd, e.legal_basis, e.recipient, e.region`,
    PERSONAL,
    (r) => [iso(r.occurred_at), num(r.seq), str(r.subjects), str(r.agent_id), str(r.category), str(r.action), str(r.tool_name), str(r.pd), str(r.legal_basis), str(r.recipient), str(r.region)],
  ),
  agent_messages: eventList(
    'agent_messages',
    { title: 'Messages sent and received by agents (first 500)', columns: ['occurredAt', 'seq', 'agent', 'session', 'direction', 'message'] },
    'agent_messages',
    `e.occurred_at, e.seq, e.agent_id, e.session_id, e.attributes->>'direction' as direction, left(e.attributes->>'message', 2000) as message`,
    `e.agent_id is not null and e.attributes ? 'message'`,
    (r) => [iso(r.occurred_at), num(r.seq), str(r.agent_id), str(r.session_id), str(r.direction), str(r.message)],
  ),
  agents_inventory: sharedTable(
    'agents_inventory',
    'activity',
    { title: 'Agents', columns: ['agent', 'status', 'riskScore', 'enforcement', 'environments', 'events', 'sessions', 'firstSeen', 'lastSeen'] },
    // First seen: the agent's earliest event the report read (seq ≤ watermark), not the registry's
    // first_seen_at, which an event received later with an older time lowers. The registry is a lower
    // bound of it: when it is no earlier than the agent's first event in the period, that event is the
    // earliest; otherwise the earliest read event lies in [registry, first in period), found by one
    // probe of the time index from the registry's time (usually its first entry).
    (from) => `select h.agent, h.first, h.last, h.events, h.environments, h.enforced, h.alerts,
                      case when h.registry is null or h.registry >= h.first then h.first
                           else coalesce((select x.occurred_at from audit_events x
                                          where x.org_id = $1::uuid and x.occurred_at >= h.registry and x.occurred_at < h.first
                                            and x.agent_id = h.agent and x.seq <= $4::bigint
                                          order by x.occurred_at limit 1), h.first) end as registered
               from (select agent, (select a.first_seen_at from agents a where a.org_id = $1::uuid and a.agent_id = g2.agent) as registry,
                            min(first) as first, max(last) as last, sum(n)::int as events, string_agg(env, ', ' order by env) as environments,
                            sum(enforced)::int as enforced, sum(alerts)::int as alerts
                     from (select e.agent, e.env, sum(e.n) as n, min(e.first) as first, max(e.last) as last,
                                  sum(e.deny + e.hold) as enforced, sum(e.alert) as alerts
                           from ${from} and e.agent is not null group by 1, 2) g2
                     group by agent) h`,
    'events desc, agent',
    (r, ctx, scope) => {
      const risk = ctx.risks.find((x) => x.agentId === String(r.agent));
      const last = iso(r.last);
      const activeSince = scope.end.getTime() - 7 * 86_400_000;
      return [
        String(r.agent),
        last && Date.parse(last) >= activeSince ? 'active' : 'inactive',
        risk?.risk ?? null,
        Number(r.enforced) > 0 ? 'enforcing (deny/hold)' : Number(r.alerts) > 0 ? 'monitoring (alert only)' : 'allow only',
        str(r.environments),
        num(r.events),
        risk?.sessions ?? null,
        iso(r.registered),
        last,
      ];
    },
    'e.agent_id is not null',
  ),
  tools_inventory: sharedTable(
    'tools_inventory',
    'activity',
    { title: 'Tools by category (first tag) with usage', columns: ['category', 'tool', 'tags', 'events', 'agents', 'deniedOrHeld', 'firstSeen', 'lastSeen'] },
    // The category is the first tag as the events carry it (`storage` in ['storage', 'pii']), not the
    // alphabetically first of the merged tags.
    (from) => `with x as (${toolGroups(from)})
               select coalesce(a.first_tag, '(untagged)') as category, a.tool, coalesce(t.tags, '') as tags, a.events, a.agents, a.denied, a.first, a.last
               from (select tool, min(first_tag) as first_tag, sum(n)::int as events, count(distinct agent)::int as agents, sum(denied)::int as denied,
                            min(first) as first, max(last) as last
                     from x group by tool) a
               left join (${toolTags('x')}) t using (tool)`,
    'category, events desc, tool',
    (r) => [str(r.category), str(r.tool), str(r.tags), num(r.events), num(r.agents), num(r.denied), iso(r.first), iso(r.last)],
    'e.tool_name is not null',
  ),
  credentials_inventory: sharedTable(
    'credentials_inventory',
    'activity',
    { title: 'Credentials (never their values)', columns: ['credential', 'leasesIssued', 'leasesEnded', 'openLeases', 'grants', 'lastRotated', 'agents'] },
    (from) => `select credential, sum(issued)::int as issued, sum(ended)::int as ended, sum(grants)::int as grants, max(rotated) as rotated, count(agent)::int as agents from (
                 select e.credential, e.agent, sum(e.issued) as issued, sum(e.ended) as ended, sum(e.grants) as grants, max(e.rotated) as rotated
                 from ${from} and e.credential is not null group by 1, 2) a group by credential`,
    'issued desc, credential',
    (r) => [str(r.credential), num(r.issued), num(r.ended), Math.max(0, Number(r.issued) - Number(r.ended)), num(r.grants), iso(r.rotated), num(r.agents)],
    "(e.category = 'credential' or e.action like 'secret.%')",
  ),
  environments_inventory: sharedTable(
    'environments_inventory',
    'activity',
    { title: 'Environments', columns: ['environment', 'agents', 'policies', 'events', 'firstSeen', 'lastSeen'] },
    (from) => `select env, count(distinct agent)::int as agents, count(distinct policy)::int as policies, sum(n)::int as events, min(first) as first, max(last) as last from (
                 select e.env, e.agent, e.policy, sum(e.n) as n, min(e.first) as first, max(e.last) as last
                 from ${from} group by 1, 2, 3) a group by env`,
    'events desc, env',
    (r) => [str(r.env), num(r.agents), num(r.policies), num(r.events), iso(r.first), iso(r.last)],
  ),
  admin_actions: sqlTable(
    'admin_actions',
    { title: 'Administrative actions', columns: ['category', 'action', 'actorType', 'events', 'actors', 'first', 'last'] },
    (sql, scope) =>
      grouped(
        sql,
        scope,
        (w) => `select category, action, actor_type, sum(n)::int as events, count(actor)::int as actors, min(first) as first, max(last) as last from (
                  select e.category, e.action, coalesce(e.actor_type, '(none)') as actor_type, e.actor_id as actor, count(*) as n,
                         min(e.occurred_at) as first, max(e.occurred_at) as last
                  from audit_events e where ${w} and (e.category in ('admin', 'config_change') or e.action like 'secret.%') group by 1, 2, 3, 4) a
                group by 1, 2, 3`,
        'events desc, category, action, actor_type',
      ),
    (r) => [str(r.category), str(r.action), str(r.actor_type), num(r.events), num(r.actors), iso(r.first), iso(r.last)],
  ),
  admin_actors: sqlTable(
    'admin_actors',
    { title: 'People who made administrative changes, and changes without an actor', columns: ['actor', 'actorType', 'changes', 'actions', 'first', 'last'] },
    (sql, scope) =>
      grouped(
        sql,
        scope,
        (w) => `select coalesce(e.actor_email, e.actor_id, '(unknown)') as actor, coalesce(e.actor_type, '(none)') as actor_type, count(*)::int as changes,
                       string_agg(distinct e.action, ', ') as actions, min(e.occurred_at) as first, max(e.occurred_at) as last
                from audit_events e where ${w} and ${ADMIN_BY_PEOPLE_OR_NOBODY} group by 1, 2`,
        'changes desc, actor',
      ),
    (r) => [str(r.actor), str(r.actor_type), num(r.changes), str(r.actions), iso(r.first), iso(r.last)],
  ),
  service_actions: sqlTable(
    'service_actions',
    { title: "The reporting service's own actions", columns: ['action', 'events', 'first', 'last'] },
    (sql, scope) =>
      grouped(
        sql,
        scope,
        (w) => `select e.action, count(*)::int as events, min(e.occurred_at) as first, max(e.occurred_at) as last
                from audit_events e where ${w} and e.category = 'admin' and e.actor_type = 'service' group by 1`,
        'events desc, action',
      ),
    (r) => [str(r.action), num(r.events), iso(r.first), iso(r.last)],
  ),
  posture_trend: {
    title: 'Live posture by day (UTC): each followed framework at its last evaluation of the day',
    columns: ['day', 'framework', 'score', 'grade', 'fail', 'warn', 'pass', 'notApplicable'],
    // The daily snapshots of live posture (posture.ts). Finished days only, inside the period: a
    // finished day's snapshot no longer changes, so the report reads the same when made again.
    async build(sql, scope) {
      const rows = await sql`
        select day::text as day, framework, score, grade, fail, warn, pass, not_applicable
        from posture_snapshots
        where org_id = ${scope.orgId} and day >= (${scope.start.toISOString()}::timestamptz at time zone 'UTC')::date
          and day < least((${scope.end.toISOString()}::timestamptz at time zone 'UTC')::date, (now() at time zone 'UTC')::date)
        order by day, framework limit ${ROWS + 1}`;
      const [count] = rows.length > ROWS
        ? await sql`select count(*)::int as n from posture_snapshots where org_id = ${scope.orgId} and day >= (${scope.start.toISOString()}::timestamptz at time zone 'UTC')::date
                    and day < least((${scope.end.toISOString()}::timestamptz at time zone 'UTC')::date, (now() at time zone 'UTC')::date)`
        : [{ n: rows.length }];
      return () =>
        table('posture_trend', this, rows.slice(0, ROWS).map((r) => [str(r.day), str(r.framework), num(r.score), str(r.grade), num(r.fail), num(r.warn), num(r.pass), num(r.not_applicable)]), truncation(ROWS, Number(count!.n)));
    },
  },
  weekly_trends: {
    title: 'Week over week (weeks start Monday, UTC)',
    columns: ['week', 'events', 'decisions', 'denied', 'guardrailTriggers', 'guardrailChangePercent', 'dlpEvents', 'injections', 'costUsd'],
    // Sums over the weeks of the engine's one pass (measureEvents). Every week of the period gets a
    // row, those without events too: the change is always from the calendar week before, never from
    // an older week that happened to have events.
    async build(_sql, scope) {
      const weekOf = (ms: number) => (ms / 86_400_000 + 3) / 7;
      const firstWeek = Math.floor(weekOf(scope.start.getTime()));
      const lastWeek = Math.ceil(weekOf(scope.end.getTime())) - 1; // the end is exclusive
      return (ctx) => {
        const byWeek = new Map(ctx.weeks.map((w) => [w.week, w]));
        const rows: Cell[][] = [];
        let previous: number | null = null;
        for (let w = firstWeek; w <= lastWeek; w++) {
          const week = byWeek.get(w);
          const triggers = week?.triggers ?? 0;
          const change = previous ? Math.round((1000 * (triggers - previous)) / previous) / 10 : null;
          const monday = new Date((w * 7 - 3) * 86_400_000).toISOString().slice(0, 10);
          rows.push([monday, week?.events ?? 0, week?.decisions ?? 0, week?.denied ?? 0, triggers, change, week?.dlp ?? 0, week?.injections ?? 0, Math.round((week?.costUsd ?? 0) * 100) / 100]);
          previous = triggers;
        }
        return table('weekly_trends', this, rows, null);
      };
    },
  },
} satisfies Record<SqlTableId, SqlTable>;

/** Starts every SQL table a report needs, concurrently (one query per shared pass); each resolves to a finisher. */
/** `plan`: the report's rollup plan (rollups.ts), shared with its one pass. */
export async function buildSqlTables(sql: Sql, scope: ReportScope, ids: Iterable<string>, plan: RollupPlan | null): Promise<Map<string, Finish>> {
  const wanted = [...new Set(ids)].filter((id) => Object.hasOwn(sqlTables, id));
  const byPass = new Map<PassId, string[]>();
  const alone: string[] = [];
  for (const id of wanted) {
    const t = sqlTables[id]!;
    if (isShared(t)) byPass.set(t.shared.pass, [...(byPass.get(t.shared.pass) ?? []), id]);
    else alone.push(id);
  }
  const built = await Promise.all([
    ...[...byPass].map(([pass, passIds]) => buildSharedTables(sql, scope, pass, passIds, plan)),
    ...alone.map(async (id) => new Map([[id, await sqlTables[id]!.build(sql, scope)]])),
  ]);
  return new Map(built.flatMap((m) => [...m]));
}

/** The selectors whose counts the tables read (as their totals, or to be finished from). */
export function selectorsOfTables(ids: Iterable<string>): SelectorId[] {
  return [...new Set(ids)].flatMap((id) => {
    if (!Object.hasOwn(sqlTables, id)) return [];
    const t = sqlTables[id]!;
    return [...(t.totalOf ? [t.totalOf] : []), ...(t.counts ?? [])];
  });
}

export function scalarQueriesOfTables(ids: Iterable<string>): Array<'retention'> {
  return [...new Set(ids)].flatMap((id) => (Object.hasOwn(sqlTables, id) ? (sqlTables[id]!.scalarQueries ?? []) : []));
}

const AGENT_TABLE_ROWS = 25;
const DRIFT_TABLE_ROWS = 100;

/** The tables of one section, in its order: the engine's own from the measurements, the rest finished from their SQL. */
export function sectionTables(ids: string[], framework: FrameworkDefinition, findings: FindingContent[], m: Measurements): Table[] {
  return ids.map((id) => engineTable(id, m) ?? otherTable(id, framework, findings, m));
}

function otherTable(id: string, framework: FrameworkDefinition, findings: FindingContent[], m: Measurements): Table {
  if (id === 'statement_of_applicability') return statementOfApplicability(framework, findings, m.statements);
  const finish = m.sqlTables.get(id);
  if (!finish) throw new Error(`unknown table ${id}`);
  return finish({ risks: m.risks, weeks: m.weeks, scalars: m.values.scalars, counts: m.values.counts });
}

/** The tables made from the one pass and the drift assessment alone; null for any other. */
function engineTable(id: string, m: Measurements): Table | null {
  const { risks, days, drift } = m;
  switch (id) {
    case 'agent_drift': {
      const assessed = drift?.assessed ?? [];
      return {
        id,
        title: `Agent behaviour against its baseline (${DRIFT_METHOD})`,
        columns: ['agent', 'metric', 'unit', 'baselineDays', 'baselineMedian', 'baselineMad', 'periodValue', 'robustZ', 'drifted', 'evidenceEvents'],
        rows: assessed.slice(0, DRIFT_TABLE_ROWS).map((a) => [a.agentId, a.metric, a.unit, a.baselineDays, a.median, a.mad, a.value, a.z, a.drifted ? 'yes' : 'no', a.evidenceCount]),
        truncated: assessed.length > DRIFT_TABLE_ROWS ? { shown: DRIFT_TABLE_ROWS, total: assessed.length } : null,
      };
    }
    case 'agent_risk':
      return {
        id,
        title: 'Agent risk scores',
        columns: ['agent', 'events', 'sessions', 'denyRatePercent', 'errorRatePercent', 'injections', 'dlpEvents', 'risk', 'explanation'],
        rows: risks.slice(0, AGENT_TABLE_ROWS).map((r) => [r.agentId, r.events, r.sessions, r.denyRate, r.errorRate, r.injections, r.dlpEvents, r.risk, r.explanation]),
        truncated: risks.length > AGENT_TABLE_ROWS ? { shown: AGENT_TABLE_ROWS, total: risks.length } : null,
      };
    case 'risk_distribution': {
      const buckets = [
        { label: 'low (0–24)', min: 0, max: 24 },
        { label: 'medium (25–49)', min: 25, max: 49 },
        { label: 'high (50–74)', min: 50, max: 74 },
        { label: 'critical (75–100)', min: 75, max: 100 },
      ];
      return {
        id,
        title: 'Risk distribution of agents',
        columns: ['band', 'agents'],
        rows: buckets.map((b) => [b.label, risks.filter((r) => r.risk >= b.min && r.risk <= b.max).length]),
        truncated: null,
      };
    }
    case 'decisions_by_day':
      return {
        id,
        title: 'Decisions per day (UTC)',
        columns: ['day', 'allow', 'deny', 'alert', 'hold', 'events'],
        rows: days.map((d) => [d.day, d.allow, d.deny, d.alert, d.hold, d.events]),
        truncated: null,
      };
    default:
      return null;
  }
}
