/**
 * What the score's factors beyond the controls measure (scoring.ts):
 * configuration currency from the activity rollups, and the organisation's
 * security settings in this service as they stand when the report is made.
 */
import type { Sql } from '../db/client.ts';
import { activityPass } from './passes.ts';
import { planParts, rollupPlan } from './rollups.ts';
import { scopeWhere, type ReportScope } from './scope.ts';

export interface SlaCompliance {
  approvals: { requests: number; withinTarget: number };
  holds: { requests: number; withinTarget: number };
}

/**
 * The period's approval requests and held actions answered within the
 * organisation's targets: the requests and their first answers as the
 * report counts them (correlated.ts measureRequests, given the targets). A
 * request never answered missed it.
 */
export function slaCompliance(requests: Record<'approvals' | 'holds', { requests: number; withinTarget: number }>): SlaCompliance {
  const of = (kind: 'approvals' | 'holds') => ({ requests: requests[kind].requests, withinTarget: requests[kind].withinTarget });
  return { approvals: of('approvals'), holds: of('holds') };
}

/** A policy version older than this at the period's end is stale. */
export const POLICY_MAX_AGE_DAYS = 90;
const DAY_MS = 86_400_000;

export interface PolicyCurrency {
  /** Policies used in the period. */
  policies: number;
  /** Of those, the ones whose latest version in the period is at most POLICY_MAX_AGE_DAYS old at its end. */
  current: number;
  /** The stale ones: policy, version and age in days, oldest first. */
  stale: Array<{ policy: string; version: string | null; ageDays: number }>;
}

/**
 * Each policy used in the period (events naming it), by the version it was
 * used with last, aged from the first event of that version the report can
 * read (the whole trail before the period's end, in the report's environment
 * and agents). The plan's days come from the activity rollups, read for the
 * two columns only, the trail for the partial last day (unless the rollups
 * hold only the period's events of it) and the events after the last
 * refresh: the whole history costs its rollup rows, not its events.
 */
export async function policyCurrency(sql: Sql, scope: ReportScope): Promise<PolicyCurrency> {
  const history: ReportScope = { ...scope, start: new Date(0) };
  const scoped = scopeWhere(history);
  const plan = await rollupPlan(sql, history);
  const overEvents = (where: string) =>
    `select e.policy_id as policy, e.policy_version as version, min(e.occurred_at) as first, max(e.occurred_at) as last
     from audit_events e where ${where} and e.policy_id is not null group by 1, 2`;
  let source = overEvents(scoped.where);
  if (plan) {
    const { rolled, edges, after } = planParts(scoped, plan, activityPass.scope);
    source = `select r.policy, r.version, min(r.first) as first, max(r.last) as last
              from ${activityPass.table} r where ${rolled} and r.policy is not null group by 1, 2
              union all ${overEvents(edges)}
              union all ${overEvents(after)}`;
  }
  const rows = await sql.unsafe(
    `select a.policy, a.version, min(a.first) as first, max(a.last) as last from (${source}) a group by 1, 2`,
    scoped.params as never[],
  );
  const latest = new Map<string, { version: string | null; first: Date; last: Date }>();
  for (const r of rows) {
    const version = { version: (r.version as string | null) ?? null, first: new Date(r.first as string), last: new Date(r.last as string) };
    const seen = latest.get(String(r.policy));
    if (!seen || version.last > seen.last || (version.last.getTime() === seen.last.getTime() && version.first > seen.first)) latest.set(String(r.policy), version);
  }
  const inPeriod = [...latest].filter(([, v]) => v.last >= scope.start);
  const aged = inPeriod.map(([policy, v]) => ({ policy, version: v.version, ageDays: Math.floor((scope.end.getTime() - v.first.getTime()) / DAY_MS) }));
  const stale = aged.filter((p) => p.ageDays > POLICY_MAX_AGE_DAYS).sort((a, b) => b.ageDays - a.ageDays || a.policy.localeCompare(b.policy));
  return { policies: aged.length, current: aged.length - stale.length, stale };
}

export interface SecuritySetting {
  id: 'api_keys_rotated' | 'no_dormant_api_keys' | 'share_links_protected' | 'webhooks_https';
  label: string;
  /** Null: nothing of the kind exists, so the setting does not count. */
  met: boolean | null;
}

const KEY_MAX_AGE_DAYS = 90;
const KEY_DORMANT_DAYS = 30;

/** The organisation's security-relevant settings now: keys, share links and webhooks. */
export async function securitySettings(sql: Sql, orgId: string): Promise<SecuritySetting[]> {
  const [row] = await sql`
    select
      (select count(*)::int from api_keys k where k.org_id = ${orgId} and k.revoked_at is null) as keys,
      (select count(*)::int from api_keys k where k.org_id = ${orgId} and k.revoked_at is null
         and k.created_at < now() - make_interval(days => ${KEY_MAX_AGE_DAYS})) as old_keys,
      (select count(*)::int from api_keys k left join api_key_uses u on u.org_id = ${orgId} and u.key_id = k.id
         where k.org_id = ${orgId} and k.revoked_at is null
         and coalesce(u.last_used_at, k.created_at) < now() - make_interval(days => ${KEY_DORMANT_DAYS})) as dormant_keys,
      (select count(*)::int from share_links s where s.org_id = ${orgId} and s.revoked_at is null and s.expires_at > now()) as links,
      (select count(*)::int from share_links s where s.org_id = ${orgId} and s.revoked_at is null and s.expires_at > now()
         and s.password_hash is null) as open_links,
      (select coalesce(array_agg(w), '{}') from (
         select jsonb_array_elements_text(coalesce(o.notify->'webhooks', '[]')) as w from organizations o where o.id = ${orgId}
         union all
         select jsonb_array_elements_text(coalesce(s.notify->'webhooks', '[]')) from schedules s where s.org_id = ${orgId}) x) as webhooks`;
  const webhooks = row!.webhooks as string[];
  return [
    { id: 'api_keys_rotated', label: `API keys are at most ${KEY_MAX_AGE_DAYS} days old`, met: row!.keys ? row!.old_keys === 0 : null },
    { id: 'no_dormant_api_keys', label: `No API key unused for ${KEY_DORMANT_DAYS} days`, met: row!.keys ? row!.dormant_keys === 0 : null },
    { id: 'share_links_protected', label: 'Active share links need a password', met: row!.links ? row!.open_links === 0 : null },
    { id: 'webhooks_https', label: 'Webhooks use https', met: webhooks.length ? webhooks.every((w) => w.startsWith('https://')) : null },
  ];
}
