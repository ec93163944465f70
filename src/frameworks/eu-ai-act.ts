/**
 * EU AI Act (Regulation (EU) 2024/1689) obligations a deployer's agent trail
 * evidences: record-keeping (Art. 12), automatically generated logs kept at
 * least six months (Art. 19, 26(6)), human oversight and monitoring (Art. 26).
 */
import { shared } from './checks.ts';
import type { CheckDefinition, FrameworkDefinition } from './types.ts';

const SIX_MONTHS_DAYS = 183;

const logRetention = (id: string): CheckDefinition => ({
  id,
  title: 'Automatically generated logs are kept at least six months',
  metric: 'log_history_days',
  // A trail younger than six months cannot prove it yet: warn, not fail.
  thresholds: { direction: 'min', pass: SIX_MONTHS_DAYS, warn: 0 },
  severity: 'high',
  category: 'record_keeping',
  description: `The kept audit trail reaches back {value} days before the period end (at least ${SIX_MONTHS_DAYS} days required).`,
  recommendation: 'Keep audit events for at least six months (and longer where sector law requires); do not purge them earlier.',
  population: 'all_events',
});

export const euAiAct: FrameworkDefinition = {
  type: 'eu_ai_act',
  name: 'EU AI Act (Regulation (EU) 2024/1689)',
  description: 'Automatic logging over the system\'s lifetime (Art. 12), retention of automatically generated logs (Art. 19, 26(6)), human oversight (Art. 26(2)) and monitoring by the deployer (Art. 26(5)).',
  version: '2026.11.1',
  catalog: 'eu_ai_act',
  sections: [
    {
      id: 'art-12',
      title: 'Art. 12 Record-keeping',
      description: 'Events recorded automatically over the period, traceable to the agent and session behind them.',
      metrics: ['events', 'time_coverage', 'gateway_disconnects', 'attribution_rate', 'session_attribution_rate', 'high_severity_events'],
      tables: ['decisions_by_day'],
      controls: [
        { id: 'Art. 12.1', checks: [shared.monitoringCoverage({ category: 'record_keeping' })] },
        { id: 'Art. 12.2.a', checks: [shared.sessionAttribution({ category: 'record_keeping' })] },
        { id: 'Art. 12.2.c', checks: [shared.attribution({ category: 'record_keeping' })] },
      ],
    },
    {
      id: 'art-19',
      title: 'Art. 19 Automatically generated logs',
      description: 'How far back the kept logs reach.',
      metrics: ['log_history_days'],
      tables: ['retention'],
      controls: [{ id: 'Art. 19.1', checks: [logRetention('log-retention')] }],
    },
    {
      id: 'art-26',
      title: 'Art. 26 Obligations of deployers',
      description: 'Human oversight through holds and approvals, monitoring of operation and incident reporting, and log keeping.',
      metrics: ['approval_requests', 'approval_answer_rate', 'holds', 'holds_within_sla', 'injections_detected', 'injection_review_rate', 'escalations', 'escalation_sla_rate', 'max_agent_risk'],
      tables: ['agent_risk'],
      controls: [
        { id: 'Art. 26.2', checks: [shared.approvalsAnswered(), shared.holdsResolved()] },
        { id: 'Art. 26.5', checks: [shared.injectionsReviewed({ category: 'monitoring' }), shared.escalationsOnTime()] },
        { id: 'Art. 26.6', checks: [logRetention('log-retention-deployer')] },
      ],
    },
  ],
};
