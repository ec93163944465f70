/**
 * The AI governance report: policy coverage, approval gates, agent risk and
 * behaviour. Not a published standard, so its control ids are our own (GOV-n).
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const governance: FrameworkDefinition = {
  type: 'governance',
  name: 'AI Agent Governance',
  description: 'How well policies, approval gates and guardrails govern the agents, and which agents carry the most risk.',
  version: '2026.11.2',
  catalog: 'custom',
  sections: [
    {
      id: 'policy-coverage',
      title: 'Policy Coverage',
      description: 'Share of agent actions decided by explicit policies, and the decisions they made.',
      metrics: ['agent_actions', 'decisions', 'policy_coverage', 'decisions_allow', 'decisions_deny', 'decisions_alert', 'decisions_hold', 'denial_rate'],
      tables: ['decisions_by_category', 'decisions_by_day'],
      controls: [
        {
          id: 'GOV-1',
          checks: [
            {
              id: 'policy-coverage',
              title: 'Explicit policies decide agent actions',
              metric: 'policy_coverage',
              thresholds: { direction: 'min', pass: 95, warn: 80 },
              severity: 'high',
              category: 'policy',
              description: '{value} of agent decisions were made by an explicit policy.',
              recommendation: 'Cover the remaining tools with explicit policies and make the default deny.',
              population: 'agent_decisions',
              exceptions: 'uncovered_agent_decisions',
            },
          ],
        },
      ],
    },
    {
      id: 'approval-gates',
      title: 'Approval Gates',
      description: 'Use of human approval for sensitive actions, and how fast approvers answer.',
      metrics: ['approval_requests', 'approval_answer_rate', 'approval_response_mean', 'approval_response_p50', 'approval_response_p95', 'holds', 'hold_response_p95'],
      controls: [
        {
          id: 'GOV-2',
          checks: [
            {
              id: 'approvals-answered',
              title: 'Approval requests are answered',
              metric: 'approval_answer_rate',
              thresholds: { direction: 'min', pass: 98, warn: 90 },
              severity: 'high',
              category: 'human_oversight',
              description: '{value} of approval requests were answered.',
              recommendation: 'Give every approval gate an on-call approver and an explicit expiry.',
              population: 'approval_requests',
              exceptions: 'unanswered_approvals',
            },
            {
              id: 'approval-latency',
              title: 'Approvers answer within an hour',
              metric: 'approvals_within_sla',
              thresholds: { direction: 'min', pass: 90, warn: 75 },
              severity: 'medium',
              category: 'human_oversight',
              description: '{value} of approval requests were answered within 1 hour.',
              recommendation: 'Escalate approval requests older than an hour.',
              population: 'approval_requests',
              exceptions: 'slow_approvals',
            },
          ],
        },
      ],
    },
    {
      id: 'risk-distribution',
      title: 'Risk Distribution',
      description: 'Per-agent risk scores with their explanation.',
      metrics: ['unique_agents', 'max_agent_risk', 'guardrail_triggers', 'high_severity_events'],
      tables: ['agent_risk', 'risk_distribution'],
      controls: [
        {
          id: 'GOV-3',
          checks: [
            {
              id: 'agent-risk',
              title: 'No agent shows a high risk score',
              metric: 'max_agent_risk',
              thresholds: { direction: 'max', pass: 50, warn: 75 },
              applicableWhen: 'agent_actions',
              severity: 'high',
              category: 'risk',
              description: 'The riskiest agent scores {value} out of 100.',
              recommendation: 'Review the riskiest agents first; their explanation names the signals behind the score.',
              population: 'agent_events',
              exceptions: 'guardrail_triggers',
            },
          ],
        },
      ],
    },
    {
      id: 'agent-behaviour',
      title: 'Agent Behaviour',
      description: 'Errors, guardrail triggers, injections and data-loss attempts by the agents.',
      metrics: ['error_rate', 'injections_detected', 'injection_review_rate', 'dlp_events', 'dlp_block_rate', 'credential_leases', 'lease_compliance'],
      controls: [
        {
          id: 'GOV-4',
          checks: [
            shared.errorRate(),
            {
              id: 'injections-reviewed',
              title: 'Injection detections are reviewed',
              metric: 'injection_review_rate',
              thresholds: { direction: 'min', pass: 95, warn: 80 },
              severity: 'high',
              category: 'threat_protection',
              description: '{value} of injection detections were reviewed.',
              recommendation: 'Triage every detection.',
              population: 'injections_detected',
              exceptions: 'injections_unreviewed',
            },
            {
              id: 'lease-compliance',
              title: 'Credential leases are returned within their TTL',
              metric: 'lease_compliance',
              thresholds: { direction: 'min', pass: 98, warn: 90 },
              severity: 'high',
              category: 'credential_management',
              description: '{value} of credential leases were returned within their TTL.',
              recommendation: 'Revoke leases automatically at TTL.',
              population: 'leases',
              exceptions: 'noncompliant_leases',
            },
          ],
        },
      ],
    },
  ],
};
