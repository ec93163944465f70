/**
 * NIST AI RMF 1.0 (NIST AI 100-1): the subcategories of GOVERN, MAP, MEASURE
 * and MANAGE that the agents' trail can evidence, ids as the core spells them.
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const nistAiRmf: FrameworkDefinition = {
  type: 'nist_ai_rmf',
  name: 'NIST AI Risk Management Framework 1.0',
  description: 'GOVERN, MAP, MEASURE and MANAGE outcomes evidenced by the agents\' governance trail.',
  version: '2026.11.3',
  catalog: 'nist_ai_rmf',
  sections: [
    {
      id: 'govern',
      title: 'GOVERN',
      description: 'Policies in force, ongoing monitoring, and the inventory of AI systems.',
      metrics: ['unique_agents', 'policy_coverage', 'time_coverage', 'attribution_rate'],
      tables: ['agents_inventory', 'policies'],
      controls: [
        { id: 'GOVERN 1.4', checks: [shared.policyCoverage()] },
        { id: 'GOVERN 1.5', checks: [shared.monitoringCoverage()] },
        { id: 'GOVERN 1.6', checks: [shared.attribution({ id: 'inventory-attribution', title: 'Every event names an inventoried agent or actor', category: 'inventory' })] },
      ],
    },
    {
      id: 'map',
      title: 'MAP',
      description: 'Human oversight as designed, and the likelihood and magnitude of impacts (agent risk).',
      metrics: ['approval_requests', 'approval_answer_rate', 'max_agent_risk', 'elevated_risk_agents'],
      tables: ['risk_distribution'],
      controls: [
        { id: 'MAP 3.5', checks: [shared.approvalsAnswered()] },
        { id: 'MAP 5.1', checks: [shared.agentRisk()] },
      ],
    },
    {
      id: 'measure',
      title: 'MEASURE',
      description: 'Behaviour in production, security and resilience, transparency and accountability, privacy.',
      metrics: ['error_rate', 'injections_detected', 'injection_review_rate', 'dlp_events', 'dlp_block_rate', 'session_attribution_rate', 'dlp_personal_data_block_rate'],
      tables: ['agent_risk'],
      controls: [
        { id: 'MEASURE 2.4', checks: [shared.errorRate()] },
        { id: 'MEASURE 2.7', checks: [shared.injectionsReviewed(), shared.dlpBlocked()] },
        { id: 'MEASURE 2.8', checks: [shared.sessionAttribution({ category: 'accountability' })] },
        { id: 'MEASURE 2.10', checks: [shared.personalDataBlocked()] },
      ],
    },
    {
      id: 'manage',
      title: 'MANAGE',
      description: 'Humans able to stop agent actions, post-deployment monitoring, and incident communication.',
      metrics: ['holds', 'holds_within_sla', 'gateway_disconnects', 'escalations', 'escalation_sla_rate'],
      controls: [
        { id: 'MANAGE 2.4', checks: [shared.holdsResolved()] },
        { id: 'MANAGE 4.1', checks: [shared.monitoringCoverage({ id: 'post-deployment-monitoring' })] },
        { id: 'MANAGE 4.3', checks: [shared.escalationsOnTime()] },
      ],
    },
  ],
};
