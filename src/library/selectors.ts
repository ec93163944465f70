/**
 * Evidence selectors: named SQL conditions over an event `e` of the report's
 * scope. Metric counts, evidence counts, evidence pages, samples and the
 * reverse link event → findings all use these same conditions, so a
 * finding's numbers and its evidence cannot disagree.
 *
 * `:W` stands for the report's watermark: an event that resolves another
 * (an approval answering a request) only counts if the report read it.
 * `:O` stands for the organisation's parameter: the other event is looked up
 * by it, not by the outer row's `org_id`, so that on Citus the whole
 * statement is routed to that organisation's shard group (a condition on the
 * outer row fans out over every shard).
 */

/** A later event with the same correlation id and one of `actions`, within `within` if given. */
const resolvedBy = (actions: string[], within?: string) =>
  `exists (select 1 from audit_events x where x.org_id = :O and x.correlation_id = e.correlation_id` +
  ` and x.action in (${actions.map((a) => `'${a}'`).join(', ')}) and x.seq <= :W and x.occurred_at >= e.occurred_at` +
  (within ? ` and x.occurred_at <= e.occurred_at + ${within}` : '') +
  ')';

const APPROVAL_ANSWERS = ['approval.granted', 'approval.denied'];
const LEASE_ENDS = ['lease.revoked', 'lease.returned'];
const INJECTION_LABELS = ['injection.confirmed', 'injection.false_positive'];
const AGENT_DECISION = `e.decision is not null and e.agent_id is not null`;
/** Actions that change configuration outside the `config_change` category. */
export const CONFIG_CHANGE_ACTIONS = ['policy.updated', 'dlp_rule.updated', 'secret.rotated'];
const CONFIG_CHANGE = `(e.category = 'config_change' or e.action in (${CONFIG_CHANGE_ACTIONS.map((a) => `'${a}'`).join(', ')}))`;
/**
 * The event names a data subject or a personal-data category (GDPR processing):
 * `cardinality(data_subjects) > 0 or cardinality(personal_data) > 0`, stored
 * with the event (drizzle/0007) because a dozen counts of one pass test it.
 */
export const PERSONAL = `e.personal`;
/** The event's tool is tagged pii: `tool_tags @> '{pii}'`, stored with the event likewise. */
export const PII_TOOL = `e.pii_tool`;
/** A DLP detection that was not blocked: personal data may have left. */
const PERSONAL_LEAK = `e.action = 'dlp.detected' and ${PERSONAL}`;
/** The service's own trail (report generated, downloaded, shared, keys…). */
const SERVICE_ACTION = `e.category = 'admin' and e.actor_type = 'service'`;
const ADMIN_CHANGE = `e.category in ('admin', 'config_change')`;
/**
 * People are actors of type `user`: agents, the service and system actors
 * are machines (DESIGN.md's actor types). The contract requires an actor's
 * type and id together, so a change without an actor has neither.
 */
const PEOPLE_ADMIN = `(${ADMIN_CHANGE} and e.actor_type = 'user')`;
/**
 * A change without an actor may have been a person's: the attribution check
 * looks at people's changes AND unattributed ones (which it flags); a change
 * an agent or system actor made names its actor, so it is none of them.
 */
const UNATTRIBUTED_ADMIN = `(${ADMIN_CHANGE} and e.actor_id is null)`;
export const ADMIN_BY_PEOPLE_OR_NOBODY = `(${ADMIN_CHANGE} and (e.actor_type = 'user' or e.actor_id is null))`;

const APPROVAL_SLA = `interval '1 hour'`;
const HOLD_SLA = `interval '4 hours'`;
const ESCALATION_SLA = `interval '24 hours'`;
const BREACH_RESPONSE_SLA = `interval '72 hours'`;

interface Selector {
  label: string;
  sql: string;
  /**
   * For selectors that look at other events: a cheap condition every match
   * satisfies, answerable from an index, so they are counted in a narrow
   * query instead of inside the parallel full scan (subplans stop parallelism).
   */
  prefilter?: string;
}

export const selectors = {
  all_events: { label: 'All events in scope', sql: 'true' },
  agent_events: { label: 'Events of agents', sql: 'e.agent_id is not null' },
  unattributed_events: { label: 'Events with neither an agent nor an actor', sql: 'e.agent_id is null and e.actor_id is null' },
  agent_decisions: { label: 'Decisions on agent actions (tool-call policy and detectors)', sql: AGENT_DECISION },
  covered_agent_decisions: { label: 'Agent decisions made by an explicit policy', sql: `${AGENT_DECISION} and e.policy_id is not null` },
  uncovered_agent_decisions: { label: 'Agent decisions without an explicit policy', sql: `${AGENT_DECISION} and e.policy_id is null` },
  decisions: { label: 'Decisions (tool-call policy, injection and DLP detectors)', sql: 'e.decision is not null' },
  allowed_decisions: { label: 'Allowed actions', sql: `e.decision = 'allow'` },
  denied_decisions: { label: 'Denied actions', sql: `e.decision = 'deny'` },
  alerted_decisions: { label: 'Actions allowed with an alert', sql: `e.decision = 'alert'` },
  held_decisions: { label: 'Actions held for a human', sql: `e.decision = 'hold'` },
  // Decisions by where they come from: the detectors (category injection, dlp) decide too, and the
  // decision counts above add them to the tool-call policy's. The policy's own are the rest.
  injection_decisions: { label: 'Decisions of the injection detector', sql: `e.decision is not null and e.category = 'injection'` },
  injection_denied: { label: 'Denials of the injection detector', sql: `e.decision = 'deny' and e.category = 'injection'` },
  injection_alerted: { label: 'Alerts of the injection detector', sql: `e.decision = 'alert' and e.category = 'injection'` },
  injection_held: { label: 'Holds of the injection detector', sql: `e.decision = 'hold' and e.category = 'injection'` },
  dlp_decisions: { label: 'Decisions of the DLP detector', sql: `e.decision is not null and e.category = 'dlp'` },
  dlp_denied: { label: 'Denials of the DLP detector', sql: `e.decision = 'deny' and e.category = 'dlp'` },
  dlp_alerted: { label: 'Alerts of the DLP detector', sql: `e.decision = 'alert' and e.category = 'dlp'` },
  dlp_held: { label: 'Holds of the DLP detector', sql: `e.decision = 'hold' and e.category = 'dlp'` },
  guardrail_triggers: {
    label: 'Guardrail triggers (deny, alert, hold, DLP, injection detections)',
    sql: `(e.decision in ('deny', 'alert', 'hold') or e.category = 'dlp' or e.action = 'injection.detected')`,
  },
  error_events: { label: 'Failed actions and errors', sql: `(e.outcome = 'failure' or e.category = 'error')` },
  agent_actions_without_session: { label: 'Agent actions without a session id', sql: `e.agent_id is not null and e.category in ('tool_call', 'policy_decision') and e.session_id is null` },
  agent_actions: { label: 'Agent tool calls and decisions', sql: `e.agent_id is not null and e.category in ('tool_call', 'policy_decision')` },
  approval_requests: { label: 'Approval requests', sql: `e.action = 'approval.requested'` },
  answered_approvals: { label: 'Approval requests answered', prefilter: `e.action = 'approval.requested'`, sql: `e.action = 'approval.requested' and ${resolvedBy(APPROVAL_ANSWERS)}` },
  unanswered_approvals: { label: 'Approval requests never answered', prefilter: `e.action = 'approval.requested'`, sql: `e.action = 'approval.requested' and not ${resolvedBy(APPROVAL_ANSWERS)}` },
  slow_approvals: {
    label: 'Approval requests not answered within 1 hour',
    prefilter: `e.action = 'approval.requested'`,
    sql: `e.action = 'approval.requested' and not ${resolvedBy(APPROVAL_ANSWERS, APPROVAL_SLA)}`,
  },
  slow_holds: { label: 'Held actions not resolved within 4 hours', prefilter: `e.decision = 'hold'`, sql: `e.decision = 'hold' and not ${resolvedBy(APPROVAL_ANSWERS, HOLD_SLA)}` },
  leases: { label: 'Credential leases issued', sql: `e.action = 'lease.issued'` },
  noncompliant_leases: {
    label: 'Credential leases not returned within their TTL',
    prefilter: `e.action = 'lease.issued'`,
    sql: `e.action = 'lease.issued' and not ${resolvedBy(LEASE_ENDS, `make_interval(secs => coalesce(e.ttl_seconds, 0))`)}`,
  },
  dlp_events: { label: 'Data-loss-prevention events', sql: `e.category = 'dlp'` },
  dlp_blocked: { label: 'Exfiltration attempts blocked by DLP', sql: `e.action = 'dlp.blocked'` },
  dlp_not_blocked: { label: 'DLP detections not blocked', sql: `e.category = 'dlp' and e.action <> 'dlp.blocked'` },
  injections_detected: { label: 'Prompt injections detected', sql: `e.action = 'injection.detected'` },
  injections_reviewed: { label: 'Injection detections reviewed', prefilter: `e.action = 'injection.detected'`, sql: `e.action = 'injection.detected' and ${resolvedBy(INJECTION_LABELS)}` },
  injections_unreviewed: { label: 'Injection detections never reviewed', prefilter: `e.action = 'injection.detected'`, sql: `e.action = 'injection.detected' and not ${resolvedBy(INJECTION_LABELS)}` },
  injections_confirmed: { label: 'Injections confirmed on review', sql: `e.action = 'injection.confirmed'` },
  injections_false_positive: { label: 'Injection detections labelled false positive', sql: `e.action = 'injection.false_positive'` },
  access_removals: { label: 'Access removals', sql: `e.action in ('user.deleted', 'access.revoked')` },
  privileged_role_changes: { label: 'Privileged role changes', sql: `e.action = 'role.changed'` },
  unapproved_role_changes: {
    label: 'Privileged role changes without an approval',
    prefilter: `e.action = 'role.changed'`,
    sql: `e.action = 'role.changed' and not ${resolvedByApproval()}`,
  },
  config_changes: { label: 'Configuration changes', sql: CONFIG_CHANGE },
  approved_config_changes: { label: 'Configuration changes with an approval', prefilter: CONFIG_CHANGE, sql: `${CONFIG_CHANGE} and ${resolvedByApproval()}` },
  unapproved_config_changes: { label: 'Configuration changes without an approval', prefilter: CONFIG_CHANGE, sql: `${CONFIG_CHANGE} and not ${resolvedByApproval()}` },
  escalations: { label: 'Escalations opened', sql: `e.action = 'escalation.opened'` },
  late_escalations: { label: 'Escalations not resolved within 24 hours', prefilter: `e.action = 'escalation.opened'`, sql: `e.action = 'escalation.opened' and not ${resolvedBy(['escalation.resolved'], ESCALATION_SLA)}` },
  gateway_disconnects: { label: 'Gateway disconnections', sql: `e.action = 'gateway.disconnected'` },
  admin_events: { label: 'Administrative events', sql: `e.category = 'admin'` },
  // A disclosure is personal data sent to a recipient (GDPR Art. 30.1.d, SOC 2 P6.1): an event with a
  // recipient but no personal data needs no legal basis, as transfers below need personal data too.
  third_party_disclosures: { label: 'Disclosures of personal data to third-party recipients', sql: `e.recipient is not null and ${PERSONAL}` },
  disclosures_without_basis: { label: 'Disclosures of personal data to third parties without a legal basis', sql: `e.recipient is not null and ${PERSONAL} and e.legal_basis is null` },
  high_severity_events: { label: 'High and critical severity events', sql: `e.severity in ('high', 'critical')` },

  // Personal data (GDPR, DSAR, HIPAA PHI).
  personal_data_events: { label: 'Processing of personal data (events naming data subjects or personal-data categories)', sql: PERSONAL },
  personal_data_with_basis: { label: 'Processing of personal data with a recorded legal basis', sql: `${PERSONAL} and e.legal_basis is not null` },
  personal_data_without_basis: { label: 'Processing of personal data without a recorded legal basis', sql: `${PERSONAL} and e.legal_basis is null` },
  pii_tool_events: { label: 'Events on tools tagged pii', sql: PII_TOOL },
  pii_tool_decisions: { label: 'Policy decisions on tools tagged pii', sql: `${PII_TOOL} and e.decision is not null` },
  pii_tool_decisions_by_policy: { label: 'Decisions on pii tools made by an explicit policy', sql: `${PII_TOOL} and e.decision is not null and e.policy_id is not null` },
  pii_tool_decisions_without_policy: { label: 'Decisions on pii tools without an explicit policy', sql: `${PII_TOOL} and e.decision is not null and e.policy_id is null` },
  pii_tool_denied: { label: 'Denied or held actions on tools tagged pii', sql: `${PII_TOOL} and e.decision in ('deny', 'hold')` },
  pii_credential_access: { label: 'Credential events on systems tagged pii', sql: `e.category = 'credential' and ${PII_TOOL}` },
  dlp_personal_data: { label: 'DLP events involving personal data', sql: `e.category = 'dlp' and ${PERSONAL}` },
  dlp_personal_data_blocked: { label: 'DLP events involving personal data that were blocked', sql: `e.action = 'dlp.blocked' and ${PERSONAL}` },
  dlp_personal_data_not_blocked: { label: 'DLP events involving personal data that were not blocked', sql: `e.category = 'dlp' and e.action <> 'dlp.blocked' and ${PERSONAL}` },
  personal_data_leaks: { label: 'Unblocked DLP detections of personal data (possible breaches)', sql: PERSONAL_LEAK },
  late_breach_responses: {
    label: 'Possible personal-data breaches without a response within 72 hours',
    prefilter: `e.action = 'dlp.detected'`,
    sql: `${PERSONAL_LEAK} and not ${respondedTo(BREACH_RESPONSE_SLA)}`,
  },
  cross_border_transfers: { label: 'Personal data sent to a recorded region', sql: `${PERSONAL} and e.region is not null` },
  cross_border_without_basis: { label: 'Personal data sent to a recorded region without a legal basis', sql: `${PERSONAL} and e.region is not null and e.legal_basis is null` },
  agent_messages: { label: 'Agent messages carried in event attributes', sql: `e.agent_id is not null and e.attributes ? 'message'` },

  // Authentication.
  auth_events: { label: 'Authentication events', sql: `e.category = 'auth'` },
  auth_failures: { label: 'Failed authentications', sql: `e.category = 'auth' and e.outcome = 'failure'` },

  // Administration (audit summary).
  service_actions: { label: "The reporting service's own actions (reports, downloads, shares, keys)", sql: SERVICE_ACTION },
  people_admin_changes: { label: 'Administrative and configuration changes by people (actor type user)', sql: PEOPLE_ADMIN },
  attributable_admin_changes: { label: 'Administrative and configuration changes by people or without an actor', sql: ADMIN_BY_PEOPLE_OR_NOBODY },
  unattributed_admin_changes: { label: 'Administrative or configuration changes without an actor', sql: UNATTRIBUTED_ADMIN },
  secret_events: { label: 'Secret access and rotation', sql: `e.action in ('secret.accessed', 'secret.rotated', 'secret.read')` },
} as const satisfies Record<string, Selector>;

/** Any later event with the same correlation id (an escalation, a revocation, a notification…) within `within`. */
// Without a correlation id nothing can match (NULL = NULL is not true), so no
// `correlation_id is not null` guard: a bare (NOT) EXISTS lets PostgreSQL plan
// a semi- or anti-join probing the correlation index instead of a hashed
// subplan that scans every such event of the table.
function respondedTo(within: string) {
  return (
    `exists (select 1 from audit_events x where x.org_id = :O and x.correlation_id = e.correlation_id` +
    ` and x.seq <> e.seq and x.seq <= :W and x.occurred_at >= e.occurred_at and x.occurred_at <= e.occurred_at + ${within})`
  );
}

/** A change counts as approved when an `approval.granted` shares its correlation id (before or after it). */
function resolvedByApproval() {
  return (
    `exists (select 1 from audit_events x where x.org_id = :O` +
    ` and x.correlation_id = e.correlation_id and x.action = 'approval.granted' and x.seq <= :W)`
  );
}

export type SelectorId = keyof typeof selectors;

/**
 * The requests the correlated selectors look at, and what answers each: an
 * event `x` with the request's correlation id, read by the report (seq ≤
 * watermark), meeting `answer` (over `x` and the request `r`), at or after
 * the request when `after`. `within` (over the request event `e`) is its
 * SLA. Each correlated selector above is one outcome of one kind: answered
 * (an answer exists), unanswered, or late (none within the SLA, ⟺ the first
 * answer is missing or after the deadline). Counted from each request's first
 * answer (src/reports/correlated.ts), kept in rollups by the refresh.
 */
interface RequestKind {
  request: string;
  answer: (x: string, r: string) => string;
  after: boolean;
  within?: string;
}

const actionIn = (actions: string[]) => (x: string) => `${x}.action in (${actions.map((a) => `'${a}'`).join(', ')})`;

export const REQUEST_KINDS = {
  approvals: { request: `e.action = 'approval.requested'`, answer: actionIn(APPROVAL_ANSWERS), after: true, within: APPROVAL_SLA },
  holds: { request: `e.decision = 'hold'`, answer: actionIn(APPROVAL_ANSWERS), after: true, within: HOLD_SLA },
  leases: { request: `e.action = 'lease.issued'`, answer: actionIn(LEASE_ENDS), after: true, within: `make_interval(secs => coalesce(e.ttl_seconds, 0))` },
  injections: { request: `e.action = 'injection.detected'`, answer: actionIn(INJECTION_LABELS), after: true },
  role_changes: { request: `e.action = 'role.changed'`, answer: actionIn(['approval.granted']), after: false },
  config_changes: { request: CONFIG_CHANGE, answer: actionIn(['approval.granted']), after: false },
  escalations: { request: `e.action = 'escalation.opened'`, answer: actionIn(['escalation.resolved']), after: true, within: ESCALATION_SLA },
  // Any other event with the detection's correlation id is a response.
  breaches: { request: PERSONAL_LEAK, answer: (x, r) => `${x}.seq <> ${r}.seq`, after: true, within: BREACH_RESPONSE_SLA },
} as const satisfies Record<string, RequestKind>;
export type RequestKindId = keyof typeof REQUEST_KINDS;

type RequestOutcome = 'answered' | 'unanswered' | 'late';

/** Every selector that looks at other events: an outcome of a kind of request, exactly its SQL above. */
export const CORRELATED: Partial<Record<SelectorId, { kind: RequestKindId; outcome: RequestOutcome }>> = {
  answered_approvals: { kind: 'approvals', outcome: 'answered' },
  unanswered_approvals: { kind: 'approvals', outcome: 'unanswered' },
  slow_approvals: { kind: 'approvals', outcome: 'late' },
  slow_holds: { kind: 'holds', outcome: 'late' },
  noncompliant_leases: { kind: 'leases', outcome: 'late' },
  injections_reviewed: { kind: 'injections', outcome: 'answered' },
  injections_unreviewed: { kind: 'injections', outcome: 'unanswered' },
  unapproved_role_changes: { kind: 'role_changes', outcome: 'unanswered' },
  approved_config_changes: { kind: 'config_changes', outcome: 'answered' },
  unapproved_config_changes: { kind: 'config_changes', outcome: 'unanswered' },
  late_escalations: { kind: 'escalations', outcome: 'late' },
  late_breach_responses: { kind: 'breaches', outcome: 'late' },
};

/** The selector's condition over `e`, with the watermark and the organisation as the given SQL references. */
export function selectorSql(id: SelectorId, watermarkRef: string, orgRef: string): string {
  return `(${selectors[id].sql.replaceAll(':W', watermarkRef).replaceAll(':O', orgRef)})`;
}

export function isSelectorId(id: string): id is SelectorId {
  return Object.hasOwn(selectors, id);
}

export function prefilterOf(id: SelectorId): string | undefined {
  return (selectors[id] as Selector).prefilter;
}
