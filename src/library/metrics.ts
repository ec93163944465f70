/**
 * The one library of metrics every framework draws on. Each is computed from
 * selector counts and scalars that the engine measures over the report's
 * scope (src/reports/counts.ts: the selector counts in ONE pass, then a few
 * targeted queries: response-time percentiles, per-agent risk, the daily
 * timeline). A worker never loads the period's events into memory.
 */
import { selectors, type SelectorId } from './selectors.ts';

/** The targeted queries beside the one pass (src/reports/scalars.ts holds their SQL). */
export type ScalarQueryId = 'data_subjects' | 'retention';

/** `z`: a robust z-score against a baseline (src/reports/drift.ts). */
export type Unit = 'count' | 'percent' | 'seconds' | 'usd' | 'score' | 'z';

export interface MetricValues {
  counts: Partial<Record<SelectorId, number>>;
  scalars: Record<string, number | null>;
}

interface MetricDefinition {
  label: string;
  unit: Unit;
  /** Selectors whose counts the value needs. */
  needs: SelectorId[];
  value: (v: MetricValues) => number | null;
  /** A targeted query (beside the one pass) whose scalars the value reads. */
  query?: ScalarQueryId;
  /** A rate's denominator: what it divides by, named in every format beside the value. */
  per?: { label: string; count: (v: MetricValues) => number | null };
}

const count = (label: string, selector: SelectorId): MetricDefinition => ({
  label,
  unit: 'count',
  needs: [selector],
  value: (v) => v.counts[selector] ?? 0,
});

/** Share of `of` that is `part`, in percent; null when there is nothing to measure. */
const percent = (label: string, part: SelectorId, of: SelectorId): MetricDefinition => ({
  label,
  unit: 'percent',
  needs: [part, of],
  per: { label: selectors[of].label, count: (v) => v.counts[of] ?? 0 },
  value: (v) => {
    const whole = v.counts[of] ?? 0;
    return whole === 0 ? null : round((100 * (v.counts[part] ?? 0)) / whole, 2);
  },
});

const scalar = (label: string, unit: Unit, key: string): MetricDefinition => ({
  label,
  unit,
  needs: [],
  value: (v) => v.scalars[key] ?? null,
});

/** A scalar produced by one of the targeted queries in src/reports/scalars.ts. */
const queried = (label: string, unit: Unit, query: ScalarQueryId, key: string): MetricDefinition => ({ ...scalar(label, unit, key), query });

/** Share of `part` in `whole`, both scalars. */
const scalarPercent = (label: string, part: string, whole: { key: string; label: string }, query?: ScalarQueryId): MetricDefinition => ({
  label,
  unit: 'percent',
  needs: [],
  per: { label: whole.label, count: (v) => v.scalars[whole.key] ?? null },
  ...(query ? { query } : {}),
  value: (v) => {
    const w = v.scalars[whole.key] ?? 0;
    return w ? round((100 * (v.scalars[part] ?? 0)) / w, 2) : null;
  },
});

const LABELLED_INJECTIONS: MetricDefinition['per'] = {
  label: 'Injection detections labelled on review (confirmed or false positive)',
  count: (v) => (v.counts.injections_confirmed ?? 0) + (v.counts.injections_false_positive ?? 0),
};

export const metrics = {
  events: count('Events analysed', 'all_events'),
  agent_actions: count('Agent actions (tool calls and decisions)', 'agent_actions'),
  // Every decision, the detectors' included; the decisions_by_category table tells the sources apart.
  decisions: count('Decisions (tool-call policy and detectors)', 'decisions'),
  decisions_allow: count('Decisions: allow (policy and detectors)', 'allowed_decisions'),
  decisions_deny: count('Decisions: deny (policy and detectors)', 'denied_decisions'),
  decisions_alert: count('Decisions: alert (policy and detectors)', 'alerted_decisions'),
  decisions_hold: count('Decisions: hold (policy and detectors)', 'held_decisions'),
  denial_rate: percent('Denial rate (denials of the policy and detectors)', 'denied_decisions', 'decisions'),
  error_rate: percent('Error rate', 'error_events', 'all_events'),
  guardrail_triggers: count('Guardrail triggers', 'guardrail_triggers'),
  unique_agents: scalar('Unique agents', 'count', 'unique_agents'),
  unique_sessions: scalar('Unique sessions', 'count', 'unique_sessions'),
  attribution_rate: { ...percent('Events attributed to an agent or actor', 'unattributed_events', 'all_events'), value: (v) => complement(v, 'unattributed_events', 'all_events') },
  session_attribution_rate: { ...percent('Agent actions with a session id', 'agent_actions_without_session', 'agent_actions'), value: (v) => complement(v, 'agent_actions_without_session', 'agent_actions') },
  policy_coverage: percent('Policy coverage (agent decisions by an explicit policy)', 'covered_agent_decisions', 'agent_decisions'),
  approval_requests: count('Approval requests', 'approval_requests'),
  approval_answer_rate: percent('Approval requests answered', 'answered_approvals', 'approval_requests'),
  approvals_within_sla: { ...percent('Approvals answered within 1 hour', 'slow_approvals', 'approval_requests'), value: (v) => complement(v, 'slow_approvals', 'approval_requests') },
  approval_response_mean: scalar('Approval response time (mean)', 'seconds', 'approval_mean'),
  approval_response_p50: scalar('Approval response time (p50)', 'seconds', 'approval_p50'),
  approval_response_p95: scalar('Approval response time (p95)', 'seconds', 'approval_p95'),
  holds: count('Held actions', 'held_decisions'),
  holds_within_sla: { ...percent('Holds resolved within 4 hours', 'slow_holds', 'held_decisions'), value: (v) => complement(v, 'slow_holds', 'held_decisions') },
  hold_response_mean: scalar('Hold response time (mean)', 'seconds', 'hold_mean'),
  hold_response_p50: scalar('Hold response time (p50)', 'seconds', 'hold_p50'),
  hold_response_p95: scalar('Hold response time (p95)', 'seconds', 'hold_p95'),
  injections_detected: count('Prompt injections detected', 'injections_detected'),
  injection_review_rate: percent('Injection detections reviewed', 'injections_reviewed', 'injections_detected'),
  injections_confirmed: count('Injections confirmed', 'injections_confirmed'),
  injections_false_positive: count('Injection false positives', 'injections_false_positive'),
  injection_true_positive_rate: {
    label: 'Injection detection true-positive rate',
    unit: 'percent',
    needs: ['injections_confirmed', 'injections_false_positive'],
    per: LABELLED_INJECTIONS,
    value: (v) => labelRate(v, 'injections_confirmed'),
  },
  injection_false_positive_rate: {
    label: 'Injection detection false-positive rate',
    unit: 'percent',
    needs: ['injections_confirmed', 'injections_false_positive'],
    per: LABELLED_INJECTIONS,
    value: (v) => labelRate(v, 'injections_false_positive'),
  },
  credential_leases: count('Credential leases issued', 'leases'),
  lease_compliance: { ...percent('Leases returned within TTL', 'noncompliant_leases', 'leases'), value: (v) => complement(v, 'noncompliant_leases', 'leases') },
  dlp_events: count('DLP events', 'dlp_events'),
  dlp_block_rate: percent('DLP events blocked', 'dlp_blocked', 'dlp_events'),
  access_removals: count('Access removals', 'access_removals'),
  privileged_role_changes: count('Privileged role changes', 'privileged_role_changes'),
  unapproved_role_changes: count('Privileged role changes without approval', 'unapproved_role_changes'),
  config_changes: count('Configuration changes', 'config_changes'),
  config_changes_approved: count('Configuration changes with approval', 'approved_config_changes'),
  config_changes_unapproved: count('Configuration changes without approval', 'unapproved_config_changes'),
  config_change_approval_rate: percent('Configuration changes with approval', 'approved_config_changes', 'config_changes'),
  escalations: count('Escalations', 'escalations'),
  escalation_sla_rate: { ...percent('Escalations resolved within 24 hours', 'late_escalations', 'escalations'), value: (v) => complement(v, 'late_escalations', 'escalations') },
  gateway_disconnects: count('Gateway disconnections', 'gateway_disconnects'),
  disclosures: count('Disclosures of personal data to third parties', 'third_party_disclosures'),
  disclosure_basis_rate: { ...percent('Third-party disclosures with a legal basis', 'disclosures_without_basis', 'third_party_disclosures'), value: (v) => complement(v, 'disclosures_without_basis', 'third_party_disclosures') },
  high_severity_events: count('High and critical severity events', 'high_severity_events'),
  cost_usd: scalar('Processing cost', 'usd', 'cost_usd'),
  max_agent_risk: scalar('Highest agent risk score', 'score', 'max_agent_risk'),
  time_coverage: { ...scalar('Monitoring time coverage', 'percent', 'time_coverage'), per: { label: 'Time of the period observed, from its first to its last event (gaps longer than the threshold excluded)', count: () => null } },
  elevated_risk_agents: scalar('Agents with an elevated risk score (50 or more)', 'count', 'elevated_risk_agents'),

  // Drift of each agent's behaviour from its own baseline (src/reports/drift.ts).
  baselined_agents: scalar('Agents with a behaviour baseline (7 or more active days of the 28 before the period)', 'count', 'baselined_agents'),
  drifting_agents: scalar('Agents whose behaviour moved beyond their baseline', 'count', 'drifting_agents'),
  behaviour_drifts: scalar("Agent metrics beyond their agent's baseline (|robust z| > 3.5)", 'count', 'behaviour_drifts'),
  max_drift_z: scalar("Largest |robust z| of an agent's metric against its baseline", 'z', 'max_drift_z'),

  // Personal data (GDPR, DSAR, HIPAA).
  personal_data_events: count('Processing events with personal data', 'personal_data_events'),
  data_subjects: queried('Data subjects observed', 'count', 'data_subjects', 'data_subjects'),
  events_per_subject: {
    label: 'Events per data subject (mean)',
    unit: 'count',
    needs: [],
    query: 'data_subjects',
    value: (v) => (v.scalars.data_subjects ? round((v.scalars.subject_references ?? 0) / v.scalars.data_subjects, 2) : null),
  },
  personal_data_cost_usd: scalar('Processing cost of personal-data events', 'usd', 'personal_data_cost_usd'),
  pii_agents: scalar('Agents with access to pii-tagged tools', 'count', 'pii_agents'),
  pii_agent_share: scalarPercent('Agents with access to pii-tagged tools (share of agents)', 'pii_agents', { key: 'unique_agents', label: 'Unique agents' }),
  pii_tool_events: count('Events on pii-tagged tools', 'pii_tool_events'),
  pii_tool_denials: count('Denied or held actions on pii-tagged tools', 'pii_tool_denied'),
  pii_policy_coverage: percent('Decisions on pii-tagged tools made by an explicit policy', 'pii_tool_decisions_by_policy', 'pii_tool_decisions'),
  pii_credential_access: count('Credential access to pii-tagged systems', 'pii_credential_access'),
  legal_basis_rate: percent('Processing of personal data with a recorded legal basis', 'personal_data_with_basis', 'personal_data_events'),
  dlp_personal_data: count('DLP events involving personal data', 'dlp_personal_data'),
  dlp_personal_data_blocked: count('Personal-data exfiltration attempts blocked', 'dlp_personal_data_blocked'),
  dlp_personal_data_detected: count('Personal-data exfiltration detected but not blocked', 'dlp_personal_data_not_blocked'),
  dlp_personal_data_block_rate: percent('DLP events with personal data that were blocked', 'dlp_personal_data_blocked', 'dlp_personal_data'),
  breaches_possible: count('Possible personal-data breaches (unblocked DLP detections)', 'personal_data_leaks'),
  breach_response_within_72h: {
    ...percent('Possible breaches responded to within 72 hours', 'late_breach_responses', 'personal_data_leaks'),
    value: (v) => complement(v, 'late_breach_responses', 'personal_data_leaks'),
  },
  breach_response_p50: scalar('Detection to response (p50)', 'seconds', 'breach_p50'),
  breach_response_p95: scalar('Detection to response (p95)', 'seconds', 'breach_p95'),
  cross_border_transfers: count('Personal data sent to a recorded region', 'cross_border_transfers'),
  cross_border_basis_rate: {
    ...percent('Transfers to a recorded region with a legal basis', 'cross_border_without_basis', 'cross_border_transfers'),
    value: (v) => complement(v, 'cross_border_without_basis', 'cross_border_transfers'),
  },
  oldest_personal_data_days: queried('Age of the oldest personal-data event kept (days)', 'count', 'retention', 'oldest_personal_data_days'),
  log_history_days: queried('Audit-log history kept (days before the period end)', 'count', 'retention', 'log_history_days'),
  agent_messages: count('Agent messages carried in events', 'agent_messages'),

  // Authentication.
  auth_events: count('Authentication events', 'auth_events'),
  auth_failures: count('Failed authentications', 'auth_failures'),
  auth_success_rate: { ...percent('Authentications that succeeded', 'auth_failures', 'auth_events'), value: (v) => complement(v, 'auth_failures', 'auth_events') },

  // Administration.
  admin_events: count('Administrative events', 'admin_events'),
  service_actions: count("Reporting service's own actions", 'service_actions'),
  people_admin_changes: count('Administrative and configuration changes by people', 'people_admin_changes'),
  admin_attribution_rate: {
    ...percent('Administrative changes by people or without an actor that name their actor', 'unattributed_admin_changes', 'attributable_admin_changes'),
    value: (v) => complement(v, 'unattributed_admin_changes', 'attributable_admin_changes'),
  },
  role_change_approval_rate: {
    ...percent('Privileged role changes with an approval', 'unapproved_role_changes', 'privileged_role_changes'),
    value: (v) => complement(v, 'unapproved_role_changes', 'privileged_role_changes'),
  },
  secret_events: count('Secret access and rotation events', 'secret_events'),
} as const satisfies Record<string, MetricDefinition>;

export type MetricId = keyof typeof metrics;

export function metricDefinition(id: MetricId): MetricDefinition {
  return metrics[id];
}

/** The metrics read from the drift assessment: a report needs it only when it shows one. */
export const DRIFT_METRIC_IDS: MetricId[] = ['baselined_agents', 'drifting_agents', 'behaviour_drifts', 'max_drift_z'];

export function isMetricId(id: string): id is MetricId {
  return Object.hasOwn(metrics, id);
}

/** 100 − share of `bad` in `of`: "what share met the bar". */
function complement(v: MetricValues, bad: SelectorId, of: SelectorId): number | null {
  const whole = v.counts[of] ?? 0;
  return whole === 0 ? null : round(100 - (100 * (v.counts[bad] ?? 0)) / whole, 2);
}

function labelRate(v: MetricValues, which: 'injections_confirmed' | 'injections_false_positive'): number | null {
  const labelled = (v.counts.injections_confirmed ?? 0) + (v.counts.injections_false_positive ?? 0);
  return labelled === 0 ? null : round((100 * (v.counts[which] ?? 0)) / labelled, 2);
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
