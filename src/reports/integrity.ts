/**
 * The data-integrity section: how much of the period was watched, where
 * monitoring had gaps, and the hash that lets an auditor check the report.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Sql } from '../db/client.ts';
import { round } from '../library/metrics.ts';
import { scopeWhere, WATERMARK_PARAM, type ReportScope } from './scope.ts';

export interface Gap {
  start: string;
  end: string;
  seconds: number;
  reason: 'gateway_disconnected' | 'silence';
}

export interface Coverage {
  /** Share of the observed period with monitoring active, in percent; null for an empty period. */
  timeCoverage: number | null;
  observedFrom: string;
  observedUntil: string;
  gaps: Gap[];
  gapCount: number;
  gapSeconds: number;
}

const MAX_LISTED_GAPS = 100;

/**
 * Gaps are gateway disconnections (until the next connection, including one
 * still open when the period starts) and silences longer than the threshold
 * between consecutive events, including before the first and after the last
 * event. The observed period ends at the period's end or at the time the
 * watermark event arrived, whichever is earlier, so the same watermark
 * always yields the same coverage.
 */
export async function measureCoverage(sql: Sql, scope: ReportScope, gapMinutes: number): Promise<Coverage> {
  // Monitoring is a property of the gateway, not of one agent or data subject: coverage ignores those filters.
  const { where, params } = scopeWhere({ ...scope, dataSubject: null }, { ignoreAgents: true });
  const [bounds] = await sql`select received_at from audit_events where org_id = ${scope.orgId} and seq = ${scope.watermark}`;
  const from = scope.start;
  const watermarkTime = bounds?.received_at ? new Date(bounds.received_at as string) : scope.end;
  const until = new Date(Math.max(from.getTime(), Math.min(scope.end.getTime(), watermarkTime.getTime())));

  // Silences from the earliest and latest event of each time bucket no wider
  // than half the threshold: a silence inside a bucket is shorter than the
  // threshold, so every longer one lies between consecutive non-empty buckets,
  // from one's latest event to the next one's earliest. Exactly the gaps of a
  // window over every event in time order, without sorting the period.
  const bucketSeconds = Math.max(1, Math.floor((gapMinutes * 60) / 2));
  const silenceRows = await sql.unsafe(
    `with buckets as (${bucketsSql(scope, where, bucketSeconds)})
     select 'gap' as kind, prev as start, lo as end from (
       select lo, lag(hi) over (order by k) as prev from buckets
     ) t where prev is not null and lo - prev > make_interval(mins => ${Number(gapMinutes)})
     union all
     select 'edges', min(lo), max(hi) from buckets`,
    params as never[],
  );
  const edges = silenceRows.find((r) => r.kind === 'edges')!;
  const intervals: Array<{ start: number; end: number; reason: Gap['reason'] }> = silenceRows.filter((r) => r.kind === 'gap').map((r) => ({
    start: new Date(r.start as string).getTime(),
    end: new Date(r.end as string).getTime(),
    reason: 'silence' as const,
  }));
  const threshold = gapMinutes * 60_000;
  const first = edges.start ? new Date(edges.start as string).getTime() : null;
  const last = edges.end ? new Date(edges.end as string).getTime() : null;
  if (first === null || last === null) {
    intervals.push({ start: from.getTime(), end: until.getTime(), reason: 'silence' });
  } else {
    if (first - from.getTime() > threshold) intervals.push({ start: from.getTime(), end: first, reason: 'silence' });
    if (until.getTime() - last > threshold) intervals.push({ start: last, end: until.getTime(), reason: 'silence' });
  }

  const [disconnects, carried] = await Promise.all([sql.unsafe(
    `select e.occurred_at as start, ${reconnection('$1::uuid', 'e.environment', 'e.occurred_at', WATERMARK_PARAM)} as end
     from audit_events e where ${where} and e.action = 'gateway.disconnected'`,
    params as never[],
  ), disconnectedAtStart(sql, scope)]);
  for (const d of [...disconnects, ...carried]) {
    const start = new Date(d.start as string).getTime();
    const end = d.end ? Math.min(new Date(d.end as string).getTime(), until.getTime()) : until.getTime();
    if (end > start) intervals.push({ start, end, reason: 'gateway_disconnected' });
  }

  const merged = mergeIntervals(intervals, from.getTime(), until.getTime());
  const gapMs = merged.reduce((s, g) => s + (g.end - g.start), 0);
  const observedMs = until.getTime() - from.getTime();
  return {
    timeCoverage: observedMs > 0 && first !== null ? round(100 * (1 - gapMs / observedMs), 2) : null,
    observedFrom: from.toISOString(),
    observedUntil: until.toISOString(),
    gaps: merged.slice(0, MAX_LISTED_GAPS).map((g) => ({
      start: new Date(g.start).toISOString(),
      end: new Date(g.end).toISOString(),
      seconds: Math.round((g.end - g.start) / 1000),
      reason: g.reason,
    })),
    gapCount: merged.length,
    gapSeconds: Math.round(gapMs / 1000),
  };
}

/** Beyond this many buckets in a period, one scan of it is cheaper than probing each bucket. */
const MAX_PROBED_BUCKETS = 20_000;

/**
 * Each non-empty bucket `k` with its earliest (`lo`) and latest (`hi`) event.
 * Organisation-wide, two index probes per bucket (org, time), however many
 * events the period holds: 0.2 s where a scan of 1M events took 0.5 s, and
 * the same at 10M. An environment's events are interleaved with the others'
 * in that index, so a scoped report (or a very fine threshold) groups one
 * scan of the period instead. `seq + 0`: the watermark as a filter, not an
 * index condition, with which the backward probe cost three times as much.
 */
function bucketsSql(scope: ReportScope, where: string, bucketSeconds: number): string {
  const buckets = (scope.end.getTime() - scope.start.getTime()) / 1000 / bucketSeconds;
  if (scope.environment || buckets > MAX_PROBED_BUCKETS) {
    return `select floor(date_part('epoch', e.occurred_at) / ${bucketSeconds})::bigint as k, min(e.occurred_at) as lo, max(e.occurred_at) as hi
            from audit_events e where ${where} group by 1`;
  }
  const probe = (aggregate: 'min' | 'max') =>
    `(select ${aggregate}(e.occurred_at) from audit_events e
      where e.org_id = $1::uuid and e.seq + 0 <= $4::bigint
        and e.occurred_at >= greatest($2::timestamptz, to_timestamp(k * ${bucketSeconds}))
        and e.occurred_at < least($3::timestamptz, to_timestamp((k + 1) * ${bucketSeconds})))`;
  return `select k, lo, hi from (
            select k, ${probe('min')} as lo, ${probe('max')} as hi
            from generate_series(floor(date_part('epoch', $2::timestamptz) / ${bucketSeconds})::bigint,
                                 floor(date_part('epoch', $3::timestamptz) / ${bucketSeconds})::bigint) k
          ) b where lo is not null`;
}

/** When the gateway of `environment` next connected at or after `since`, among the events a report read (null: never). `orgId` is the parameter, not the outer row's column, so Citus sends the query to one shard. */
const reconnection = (orgId: string, environment: string, since: string, watermark: string) =>
  `(select min(x.occurred_at) from audit_events x
    where x.org_id = ${orgId} and x.action = 'gateway.connected' and x.environment = ${environment}
      and x.occurred_at >= ${since} and x.seq <= ${watermark})`;

/**
 * Per environment, the last gateway disconnection before the period start and
 * its reconnection. A gateway still disconnected when the period starts left
 * it unwatched until it reconnected, though no disconnection in the period
 * shows it, nor a silence shorter than the gap threshold. (A reconnection
 * before the start is clipped away with the rest of the interval.) One index
 * probe per environment of the registry seen before the start.
 */
async function disconnectedAtStart(sql: Sql, scope: ReportScope) {
  const params: unknown[] = [scope.orgId, scope.start.toISOString(), scope.watermark];
  let environment = '';
  if (scope.environment) {
    params.push(scope.environment);
    environment = ' and g.name = $4';
  }
  return sql.unsafe(
    // The organisation as the parameter in every table's condition: Citus then plans it for one shard.
    `select d.occurred_at as start, ${reconnection('$1::uuid', 'g.name', 'd.occurred_at', '$3::bigint')} as end
     from environments g cross join lateral (
       select e.occurred_at from audit_events e
       where e.org_id = $1::uuid and e.action = 'gateway.disconnected' and e.environment = g.name
         and e.occurred_at < $2::timestamptz and e.seq <= $3::bigint
       order by e.occurred_at desc limit 1
     ) d
     where g.org_id = $1::uuid and g.first_seen_at < $2::timestamptz${environment}`,
    params as never[],
  );
}

/** Clips to [from, until], sorts, and merges overlaps; a merged gap keeps the reason of its first part. */
function mergeIntervals(intervals: Array<{ start: number; end: number; reason: Gap['reason'] }>, from: number, until: number) {
  const clipped = intervals
    .map((i) => ({ ...i, start: Math.max(i.start, from), end: Math.min(i.end, until) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: typeof clipped = [];
  for (const i of clipped) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** RFC 8785 canonical JSON: the exact bytes the content hash covers. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('report content cannot be canonicalised');
  return text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
