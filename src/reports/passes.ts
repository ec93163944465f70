/**
 * The grouped passes several tables of a report share (tables.ts): the
 * scope's events grouped by everything those tables tell apart, each
 * measure with how two groups' values combine. Declared as data, so the
 * same definition gives the pass over events and its rollups by day
 * (rollups.ts), and a regrouping of both that equals the pass.
 */
import { PERSONAL } from '../library/selectors.ts';

type Merge = 'sum' | 'min' | 'max';

export interface GroupedPass {
  id: 'personal' | 'activity' | 'agentHours';
  /** Its rollups by day (drizzle/0010). */
  table: string;
  /** The events the pass reads besides the scope's. */
  where?: string;
  keys: Array<[name: string, sql: string]>;
  /** `refs`: how many of an event's data-subject references count (scope.ts subjectReferences). */
  measures: (refs: string) => Array<[name: string, aggregate: string, merge: Merge]>;
  /** The columns a scope filters on: a key of the pass, or (environment) a column of the rollups only. */
  scope: { environment: string; agent: string };
}

/**
 * The personal-data events grouped by everything the personal tables tell
 * apart: a few hundred groups where a third of the trail can be personal.
 * (Materializing the events themselves, attributes and all, took 1 s of a
 * single process at 1M events.)
 */
const personalPass: GroupedPass = {
  id: 'personal',
  table: 'event_personal_rollups',
  where: PERSONAL,
  keys: [
    ['agent_id', 'e.agent_id'],
    ['legal_basis', 'e.legal_basis'],
    ['recipient', 'e.recipient'],
    ['region', 'e.region'],
    ['purpose', `e.attributes->>'purpose'`],
    ['subject_category', `e.attributes->>'subjectCategory'`],
    ['personal_data', 'e.personal_data'],
    ['has_subjects', 'cardinality(e.data_subjects) > 0'],
  ],
  measures: (refs) => [
    ['n', 'count(*)', 'sum'],
    ['refs', `sum(${refs})`, 'sum'],
    ['first', 'min(e.occurred_at)', 'min'],
    ['last', 'max(e.occurred_at)', 'max'],
  ],
  scope: { environment: 'environment', agent: 'agent_id' },
};

/**
 * Every event in scope grouped by what the inventory tables tell apart
 * (environment, agent, tool and its tags as sent, policy and version, and
 * for credential events the credential): about a thousand groups at 1M
 * events, where the agents, tools, credentials, environments and policies
 * tables each scanned the period.
 */
export const activityPass: GroupedPass = {
  id: 'activity',
  table: 'event_activity_rollups',
  keys: [
    ['env', 'e.environment'],
    ['agent', 'e.agent_id'],
    ['tool', 'e.tool_name'],
    ['tags', 'e.tool_tags'],
    ['pii', 'e.pii_tool'],
    ['policy', 'e.policy_id'],
    ['version', 'e.policy_version'],
    ['credential', `case when e.category = 'credential' or e.action like 'secret.%' then coalesce(e.resource, e.tool_name, '(unnamed)') end`],
  ],
  measures: () => [
    ['n', 'count(*)', 'sum'],
    ['decisions', 'count(*) filter (where e.decision is not null)', 'sum'],
    ['allow', `count(*) filter (where e.decision = 'allow')`, 'sum'],
    ['deny', `count(*) filter (where e.decision = 'deny')`, 'sum'],
    ['alert', `count(*) filter (where e.decision = 'alert')`, 'sum'],
    ['hold', `count(*) filter (where e.decision = 'hold')`, 'sum'],
    ['issued', `count(*) filter (where e.action = 'lease.issued')`, 'sum'],
    ['ended', `count(*) filter (where e.action in ('lease.returned', 'lease.revoked'))`, 'sum'],
    ['grants', `count(*) filter (where e.action in ('credential.granted', 'grant.created'))`, 'sum'],
    ['rotated', `max(e.occurred_at) filter (where e.action = 'secret.rotated')`, 'max'],
    ['first', 'min(e.occurred_at)', 'min'],
    ['last', 'max(e.occurred_at)', 'max'],
  ],
  scope: { environment: 'env', agent: 'agent' },
};

/**
 * Each agent's events by UTC day and hour of day: the hour-of-day profile
 * drift compares an agent with (drift.ts). 24 rows per agent and active day
 * at most.
 */
export const agentHoursPass: GroupedPass = {
  id: 'agentHours',
  table: 'event_agent_hour_rollups',
  where: 'e.agent_id is not null',
  keys: [
    ['agent_id', 'e.agent_id'],
    ['d', `floor(date_part('epoch', e.occurred_at) / 86400)::int`],
    ['hour', `extract(hour from e.occurred_at at time zone 'UTC')::int`],
  ],
  measures: () => [['n', 'count(*)', 'sum']],
  scope: { environment: 'environment', agent: 'agent_id' },
};

export const passes = { personal: personalPass, activity: activityPass, agentHours: agentHoursPass } as const;
export type PassId = keyof typeof passes;

/** The pass over the events matching `where` (alias `e`). */
export function passOverEvents(pass: GroupedPass, where: string, refs: string): string {
  const measures = pass.measures(refs);
  return `select ${[...pass.keys.map(([name, sql]) => `${sql} as ${name}`), ...measures.map(([name, sql]) => `${sql} as ${name}`)].join(', ')}
   from audit_events e where ${where}${pass.where ? ` and ${pass.where}` : ''}
   group by ${pass.keys.map((_, i) => i + 1).join(', ')}`;
}
