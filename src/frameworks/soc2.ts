/**
 * SOC 2 — the 2017 Trust Services Criteria (revised points of focus 2022),
 * for what an AI agent governance trail can evidence. Control ids are the
 * AICPA criteria ids, checked against the catalog at load.
 *
 * Checks the shared library has come from it (checks.ts), so their metric,
 * thresholds and evidence live in one place; SOC 2 overrides only its own
 * wording, category or severity. The checks written out here measure
 * something the library does not (a count of unapproved role changes, the
 * DLP block rate at SOC 2's own 90 / 70, confirmed injections, detector
 * precision, gateway disconnections, approval latency).
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const soc2: FrameworkDefinition = {
  type: 'soc2',
  name: 'SOC 2 (Trust Services Criteria 2017)',
  description: 'Security, availability, processing integrity, confidentiality and privacy criteria, evidenced by the AI agents\' governance trail.',
  version: '2026.12.1',
  catalog: 'soc2',
  sections: [
    {
      id: 'control-environment',
      title: 'Control Environment',
      description: 'Accountability for agent actions and human oversight of the agents.',
      metrics: ['events', 'unique_agents', 'unique_sessions', 'attribution_rate', 'approval_requests', 'approval_answer_rate'],
      controls: [
        {
          id: 'CC1.3',
          checks: [
            shared.attribution({ category: 'accountability' }),
          ],
        },
        {
          id: 'CC1.5',
          checks: [
            shared.approvalsAnswered(),
          ],
        },
      ],
    },
    {
      id: 'risk-assessment',
      title: 'Risk Assessment',
      description: "Agent risk, drift of each agent's behaviour from its own baseline, and changes assessed before they take effect.",
      metrics: ['max_agent_risk', 'guardrail_triggers', 'high_severity_events', 'baselined_agents', 'drifting_agents', 'behaviour_drifts', 'config_changes', 'config_change_approval_rate'],
      tables: ['agent_risk', 'risk_distribution', 'agent_drift'],
      controls: [
        {
          id: 'CC3.2',
          checks: [
            shared.agentRisk(),
            shared.agentDrift(),
          ],
        },
        {
          id: 'CC3.4',
          checks: [
            shared.configChangesApproved({ id: 'changes-assessed', title: 'Configuration changes are assessed and approved' }),
          ],
        },
      ],
    },
    {
      id: 'control-activities',
      title: 'Control Activities',
      description: 'Policies deciding agent actions, credentials, access, and defences against injection and data loss.',
      metrics: [
        'decisions', 'decisions_allow', 'decisions_deny', 'decisions_alert', 'decisions_hold', 'denial_rate', 'policy_coverage',
        'credential_leases', 'lease_compliance', 'access_removals', 'privileged_role_changes', 'unapproved_role_changes',
        'injections_detected', 'injections_confirmed', 'injections_false_positive', 'injection_true_positive_rate',
        'injection_false_positive_rate', 'dlp_events', 'dlp_block_rate',
      ],
      tables: ['decisions_by_category', 'decisions_by_day'],
      controls: [
        {
          id: 'CC5.2',
          checks: [
            shared.policyCoverage({
              category: 'policy',
              recommendation: 'Write explicit policies for the tools agents call without one; make the default deny.',
            }),
          ],
        },
        {
          id: 'CC6.1',
          checks: [
            shared.denialRate({ recommendation: 'Investigate the agents and tools behind denials; fix prompts or permissions that invite them.' }),
          ],
        },
        {
          id: 'CC6.2',
          checks: [
            shared.leaseCompliance({
              description: '{value} of credential leases were returned or revoked before their TTL ran out.',
              recommendation: 'Revoke leases automatically at TTL and alert on leases held past it.',
            }),
          ],
        },
        {
          id: 'CC6.3',
          checks: [
            {
              id: 'role-changes-approved',
              title: 'Privileged role changes are approved',
              metric: 'unapproved_role_changes',
              thresholds: { direction: 'max', pass: 0, warn: 2 },
              applicableWhen: 'privileged_role_changes',
              severity: 'high',
              category: 'access_control',
              description: '{value} privileged role changes had no linked approval.',
              recommendation: 'Gate role changes behind an approval and record its correlation id on the change.',
              population: 'privileged_role_changes',
              exceptions: 'unapproved_role_changes',
            },
          ],
        },
        {
          id: 'CC6.6',
          checks: [
            shared.injectionsReviewed({
              description: '{value} of injection detections were labelled confirmed or false positive.',
              recommendation: 'Triage every injection detection; unlabelled detections hide real attacks.',
            }),
          ],
        },
        {
          id: 'CC6.7',
          checks: [
            {
              id: 'dlp-blocking',
              title: 'Data-loss attempts are blocked',
              metric: 'dlp_block_rate',
              thresholds: { direction: 'min', pass: 90, warn: 70 },
              severity: 'high',
              category: 'data_protection',
              description: '{value} of DLP events blocked the transmission.',
              recommendation: 'Switch DLP rules that only detect to blocking for personal and confidential data.',
              population: 'dlp_events',
              exceptions: 'dlp_not_blocked',
            },
          ],
        },
        {
          id: 'CC6.8',
          checks: [
            {
              id: 'confirmed-injections',
              title: 'Confirmed injections are rare',
              metric: 'injections_confirmed',
              thresholds: { direction: 'max', pass: 0, warn: 5 },
              applicableWhen: 'injections_detected',
              severity: 'critical',
              category: 'threat_protection',
              description: '{value} injection attempts were confirmed on review.',
              recommendation: 'Harden the affected agents\' input handling and isolate the tools the injections targeted.',
              population: 'injections_detected',
              exceptions: 'injections_confirmed',
            },
          ],
        },
      ],
    },
    {
      id: 'monitoring-activities',
      title: 'Monitoring Activities',
      description: 'Continuous monitoring, evaluation of security events and incident response.',
      metrics: [
        'time_coverage', 'gateway_disconnects', 'error_rate', 'holds', 'hold_response_mean', 'hold_response_p50', 'hold_response_p95',
        'escalations', 'escalation_sla_rate',
      ],
      controls: [
        {
          id: 'CC4.1',
          checks: [
            shared.monitoringCoverage({
              description: 'Monitoring was active for {value} of the period (see the integrity section for each gap).',
              recommendation: 'Alert on gateway disconnections and on silences in the audit stream.',
            }),
          ],
        },
        {
          id: 'CC7.2',
          checks: [
            shared.errorRate({ recommendation: 'Investigate the tools and agents with the most failures.' }),
          ],
        },
        {
          id: 'CC7.3',
          checks: [
            shared.holdsResolved({
              title: 'Held actions are resolved within 4 hours',
              severity: 'medium',
              description: '{value} of held actions were resolved within 4 hours.',
              recommendation: 'Staff the approval queue so held actions are decided promptly.',
            }),
            {
              id: 'false-positives',
              title: 'Injection detection is precise',
              metric: 'injection_false_positive_rate',
              thresholds: { direction: 'max', pass: 20, warn: 40 },
              severity: 'low',
              category: 'threat_protection',
              description: '{value} of reviewed injection detections were false positives.',
              recommendation: 'Tune the injection detector on the labelled false positives.',
              population: 'injections_detected',
              exceptions: 'injections_false_positive',
            },
          ],
        },
        {
          id: 'CC7.4',
          checks: [
            shared.escalationsOnTime({
              id: 'escalations-sla',
              title: 'Escalations are resolved within 24 hours',
              recommendation: 'Assign an owner to each escalation and track it against the SLA.',
            }),
          ],
        },
        {
          id: 'A1.1',
          checks: [
            {
              id: 'gateway-availability',
              title: 'Gateways stay connected',
              metric: 'gateway_disconnects',
              thresholds: { direction: 'max', pass: 2, warn: 10 },
              severity: 'low',
              category: 'availability',
              description: 'Gateways disconnected {value} times.',
              recommendation: 'Run gateways redundantly and alert on disconnections.',
              population: 'gateway_disconnects',
            },
          ],
        },
      ],
    },
    {
      id: 'information-communication',
      title: 'Information & Communication',
      description: 'Quality of the audit information, and disclosures to third parties.',
      metrics: ['agent_actions', 'session_attribution_rate', 'approval_response_mean', 'approval_response_p50', 'approval_response_p95', 'approvals_within_sla', 'disclosures', 'disclosure_basis_rate', 'cost_usd'],
      controls: [
        {
          id: 'CC2.1',
          checks: [
            shared.sessionAttribution({
              title: 'Agent actions carry their session',
              severity: 'low',
              category: 'audit_quality',
              description: '{value} of agent actions record the session they belong to.',
              recommendation: 'Propagate the session id through every tool call the agent makes.',
            }),
          ],
        },
        {
          id: 'CC2.2',
          checks: [
            {
              id: 'approval-latency',
              title: 'Approvers answer within an hour',
              metric: 'approvals_within_sla',
              thresholds: { direction: 'min', pass: 90, warn: 75 },
              severity: 'medium',
              category: 'human_oversight',
              description: '{value} of approval requests were answered within 1 hour.',
              recommendation: 'Notify approvers in the channel they watch and escalate requests older than an hour.',
              population: 'approval_requests',
              exceptions: 'slow_approvals',
            },
          ],
        },
        {
          id: 'P6.1',
          checks: [
            shared.disclosureBasis({ recommendation: 'Block agent disclosures to recipients without a recorded legal basis.' }),
          ],
        },
      ],
    },
  ],
};
