/**
 * For non-technical readers: the same metrics as the frameworks, few
 * findings, plain words. Not a published standard: ids are our own (EXEC-n).
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const executiveSummary: FrameworkDefinition = {
  type: 'executive_summary',
  name: 'Executive summary',
  description: 'How well the AI agents are governed, in plain words: overview, risk dashboard, key protections and week-over-week trends.',
  version: '2026.12.2',
  catalog: 'custom',
  sections: [
    {
      id: 'overview',
      title: 'Governance overview',
      description: 'How many agents acted, how many of their actions our policies decided, and how the policies enforce (allow, deny, alert, hold).',
      metrics: ['unique_agents', 'events', 'decisions', 'policy_coverage', 'decisions_allow', 'decisions_deny', 'decisions_alert', 'decisions_hold', 'cost_usd'],
      tables: ['decisions_by_category', 'policies'],
      controls: [{ id: 'EXEC-1', checks: [shared.policyCoverage({ title: 'Our policies decide what agents may do', description: '{value} of the agents\' actions were decided by a written policy.', recommendation: 'Ask the platform team to write policies for the tools agents still use without one.' })] }],
    },
    {
      id: 'risk',
      title: 'Risk dashboard',
      description: 'How risky each agent\'s behaviour is (0–100), which agents behave differently from their usual selves, and how many agents need attention.',
      metrics: ['max_agent_risk', 'elevated_risk_agents', 'guardrail_triggers', 'high_severity_events', 'drifting_agents', 'behaviour_drifts'],
      tables: ['risk_distribution', 'agent_risk', 'agent_drift'],
      controls: [
        {
          id: 'EXEC-2',
          checks: [
            {
              id: 'elevated-risk',
              title: 'No agent has an elevated risk score',
              metric: 'elevated_risk_agents',
              thresholds: { direction: 'max', pass: 0, warn: 2 },
              applicableWhen: 'agent_actions',
              severity: 'high',
              category: 'risk',
              description: '{value} agents have elevated risk scores (50 or more out of 100).',
              recommendation: 'Have the owners of the agents with elevated risk scores review why they are denied or failing, and narrow what they may do.',
              population: 'agent_events',
              exceptions: 'guardrail_triggers',
            },
            shared.agentDrift({
              title: 'Agents behave as they usually do',
              description: "No agent's denials, errors, tool use, data access or volume changed markedly from its own last four weeks (largest change {value} on a robust z scale; beyond 3.5 counts).",
              recommendation: "Ask the owners of the agents that changed what changed, and whether it was approved.",
            }),
          ],
        },
      ],
    },
    {
      id: 'protection',
      title: 'Human oversight and protection',
      description: 'Do people answer when agents ask for approval, and are leaks of data stopped.',
      metrics: ['approval_requests', 'approval_answer_rate', 'dlp_events', 'dlp_block_rate', 'injections_detected', 'injection_review_rate'],
      controls: [
        { id: 'EXEC-3', checks: [shared.approvalsAnswered({ description: '{value} of requests for human approval got an answer.', recommendation: 'Make sure someone is on call to answer agents\' approval requests.' })] },
        { id: 'EXEC-4', checks: [shared.dlpBlocked({ description: '{value} of attempts to send out sensitive data were stopped.', recommendation: 'Switch the data-leak rules that only warn to blocking.' })] },
      ],
    },
    {
      id: 'trends',
      title: 'Week over week',
      description: 'Activity, denials, guardrail triggers, leaks and cost per week, with the change in guardrail triggers from the week before; and the live posture\'s score day by day.',
      metrics: [],
      tables: ['weekly_trends', 'decisions_by_day', 'posture_trend'],
      controls: [],
    },
  ],
};
