/**
 * What each kind of export contains: its columns (name, type, SQL over the
 * event alias `e`) and which events it reads. Every kind is read in
 * (occurred_at, seq) order over the organisation's period index, filtered
 * like a report's scope, up to the watermark fixed when the export started.
 */
import type { ExportFilters } from '../db/schema.ts';
import { CONFIG_CHANGE_ACTIONS } from '../library/selectors.ts';

export const EXPORT_KINDS = ['audit_log', 'decisions', 'escalations', 'config_changes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ColumnType = 'string' | 'int' | 'float' | 'timestamp' | 'json' | 'strings';

export interface ExportColumn {
  name: string;
  type: ColumnType;
  /** SQL giving the value (alias `e` the event, `r` the resolution of an escalation). */
  sql: string;
}

interface KindDefinition {
  title: string;
  description: string;
  /** Which events the kind reads, beside the period and the filters. */
  condition: string;
  /** Extra FROM clause (a lateral join) after `audit_events e`. */
  join?: string;
  columns: ExportColumn[];
}

const col = (name: string, type: ColumnType, sql: string): ExportColumn => ({ name, type, sql });
const EVENT = [col('sequence', 'int', 'e.seq'), col('occurred_at', 'timestamp', 'e.occurred_at'), col('received_at', 'timestamp', 'e.received_at')];
const WHERE_SOURCE = [col('source', 'string', 'e.source'), col('environment', 'string', 'e.environment')];
const ACTOR = [col('actor_type', 'string', 'e.actor_type'), col('actor_id', 'string', 'e.actor_id'), col('actor_email', 'string', 'e.actor_email')];
const CONFIG_CHANGE = `(e.category = 'config_change' or e.action in (${CONFIG_CHANGE_ACTIONS.map((a) => `'${a}'`).join(', ')}))`;

export const KINDS: Record<ExportKind, KindDefinition> = {
  audit_log: {
    title: 'Audit log',
    description: "The service's own actions: reports requested, downloaded and shared, share links used, schedules and keys changed, exports made",
    condition: `e.category = 'admin' and e.actor_type = 'service'`,
    columns: [...EVENT, col('environment', 'string', 'e.environment'), ...ACTOR.slice(0, 2), col('action', 'string', 'e.action'), col('resource', 'string', 'e.resource'), col('outcome', 'string', 'e.outcome'), col('severity', 'string', 'e.severity'), col('attributes', 'json', 'e.attributes')],
  },
  decisions: {
    title: 'Gateway decisions',
    description: 'Every decision a gateway made (allow, deny, alert, hold) with its policy, tool and outcome',
    condition: `e.decision is not null`,
    columns: [
      ...EVENT,
      ...WHERE_SOURCE,
      col('agent_id', 'string', 'e.agent_id'),
      col('session_id', 'string', 'e.session_id'),
      ...ACTOR,
      col('category', 'string', 'e.category'),
      col('action', 'string', 'e.action'),
      col('decision', 'string', 'e.decision'),
      col('policy_id', 'string', 'e.policy_id'),
      col('policy_version', 'string', 'e.policy_version'),
      col('tool_name', 'string', 'e.tool_name'),
      col('tool_tags', 'strings', 'e.tool_tags'),
      col('resource', 'string', 'e.resource'),
      col('severity', 'string', 'e.severity'),
      col('outcome', 'string', 'e.outcome'),
      col('correlation_id', 'string', 'e.correlation_id'),
      col('attributes', 'json', 'e.attributes'),
    ],
  },
  escalations: {
    title: 'Escalation history',
    description: 'Every escalation opened in the period with how and when it was resolved (open when no resolution was recorded up to the watermark)',
    condition: `e.action = 'escalation.opened'`,
    // The first resolution with the same correlation id, however late (up to the watermark).
    join: `left join lateral (
      select x.occurred_at, x.action, x.actor_type, x.actor_id, x.actor_email, x.attributes from audit_events x
      where x.org_id = $1::uuid and x.correlation_id = e.correlation_id and x.action = 'escalation.resolved'
        and x.seq <= :W and x.occurred_at >= e.occurred_at
      order by x.occurred_at, x.seq limit 1) r on true`,
    columns: [
      col('sequence', 'int', 'e.seq'),
      col('opened_at', 'timestamp', 'e.occurred_at'),
      col('correlation_id', 'string', 'e.correlation_id'),
      ...WHERE_SOURCE,
      col('agent_id', 'string', 'e.agent_id'),
      col('opened_by_type', 'string', 'e.actor_type'),
      col('opened_by', 'string', 'e.actor_id'),
      col('severity', 'string', 'e.severity'),
      col('reason', 'string', `e.attributes->>'reason'`),
      col('status', 'string', `case when r.occurred_at is null then 'open' else 'resolved' end`),
      col('resolved_at', 'timestamp', 'r.occurred_at'),
      col('resolved_by', 'string', 'coalesce(r.actor_email, r.actor_id)'),
      col('resolution', 'string', `r.attributes->>'resolution'`),
      col('hours_to_resolve', 'float', 'round((extract(epoch from r.occurred_at - e.occurred_at) / 3600)::numeric, 3)::float8'),
      col('attributes', 'json', 'e.attributes'),
    ],
  },
  config_changes: {
    title: 'Configuration changelog',
    description: 'Policy, DLP-rule, secret and configuration changes: who changed what, and the value before and after',
    condition: CONFIG_CHANGE,
    columns: [
      ...EVENT,
      ...WHERE_SOURCE,
      ...ACTOR,
      col('action', 'string', 'e.action'),
      col('resource', 'string', 'e.resource'),
      col('policy_id', 'string', 'e.policy_id'),
      col('policy_version', 'string', 'e.policy_version'),
      // Gateways send before/after as attributes; policy updates carry versions.
      col('before', 'json', `coalesce(e.attributes->'before', e.attributes->'fromVersion')`),
      col('after', 'json', `coalesce(e.attributes->'after', e.attributes->'toVersion', to_jsonb(e.policy_version))`),
      col('outcome', 'string', 'e.outcome'),
      col('correlation_id', 'string', 'e.correlation_id'),
      col('attributes', 'json', 'e.attributes'),
    ],
  },
};

interface ExportScope {
  orgId: string;
  start: Date;
  end: Date;
  watermark: number;
  filters: ExportFilters;
}

const ISO = (x: string) => `to_char(${x} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A column as the format needs it, so PostgreSQL does the conversions in C:
 * JSON lines are built whole by the database (`line`); CSV gets text, numbers
 * and ISO times; Parquet gets numbers for times (epoch milliseconds).
 */
function selectOf(c: ExportColumn, format: ExportFormat): string {
  if (format === 'parquet') {
    if (c.type === 'timestamp') return `(extract(epoch from ${c.sql}) * 1000)::float8`;
    if (c.type === 'int') return `(${c.sql})::float8`;
    if (c.type === 'json' || c.type === 'strings') return `to_json(${c.sql})::text`;
    return c.sql;
  }
  if (c.type === 'timestamp') return ISO(c.sql);
  if (c.type === 'int') return `(${c.sql})::float8`;
  if (c.type === 'json' || c.type === 'strings') return `to_json(${c.sql})::text`;
  return c.sql;
}

function jsonLine(columns: ExportColumn[]): string {
  // json_build_object takes at most 100 arguments: 50 columns, more than any kind has.
  const pairs = columns.map((c) => `'${c.name}', ${c.type === 'timestamp' ? ISO(c.sql) : c.sql}`).join(', ');
  return `json_build_object(${pairs})::text as line`;
}

/** The kind's query for a format, in (occurred_at, seq) order, with its parameters. `at` is each row's time, for progress. */
export function exportQuery(kind: ExportKind, format: ExportFormat, scope: ExportScope): { text: string; params: unknown[] } {
  const def = KINDS[kind];
  const params: unknown[] = [scope.orgId, scope.start.toISOString(), scope.end.toISOString(), scope.watermark];
  const clauses = ['e.org_id = $1::uuid', 'e.occurred_at >= $2::timestamptz', 'e.occurred_at < $3::timestamptz', 'e.seq <= $4::bigint', `(${def.condition})`];
  const f = scope.filters;
  const add = (column: string, values: string[] | undefined) => {
    if (!values?.length) return;
    params.push(values);
    clauses.push(`${column} = any($${params.length}::text[])`);
  };
  if (f.environment) {
    params.push(f.environment);
    clauses.push(`e.environment = $${params.length}`);
  }
  add('e.agent_id', f.agentIds);
  add('e.severity', f.severities);
  add('e.decision', f.decisions);
  add('e.category', f.categories);
  add('e.source', f.sources);
  const values = format === 'json' || format === 'ndjson' ? jsonLine(def.columns) : def.columns.map((c) => `${selectOf(c, format)} as "${c.name}"`).join(', ');
  const select = `${values}, (extract(epoch from e.occurred_at) * 1000)::float8 as "__at"`;
  const join = def.join ? ` ${def.join.replaceAll(':W', '$4::bigint')}` : '';
  return { text: `select ${select} from audit_events e${join} where ${clauses.join(' and ')} order by e.occurred_at, e.seq`, params };
}
