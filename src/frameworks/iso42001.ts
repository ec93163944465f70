/**
 * ISO/IEC 42001:2023 Annex A reference controls the agents' trail evidences:
 * event logs and operation (A.6.2), impact on individuals (A.5.4), incident
 * communication (A.8.4) and responsible use (A.9).
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const iso42001: FrameworkDefinition = {
  type: 'iso42001',
  name: 'ISO/IEC 42001:2023 Annex A',
  description: 'AI management system controls evidenced by the agents\' trail: event logs, operation and monitoring, impact on individuals, incident communication and responsible use.',
  version: '2026.11.2',
  catalog: 'iso42001',
  sections: [
    {
      id: 'life-cycle',
      title: 'A.6 AI system life cycle',
      description: 'Recording of event logs, and operation and monitoring of the agents.',
      metrics: ['events', 'attribution_rate', 'time_coverage', 'error_rate', 'injections_detected', 'injection_review_rate'],
      tables: ['decisions_by_day'],
      controls: [
        { id: 'A.6.2.6', checks: [shared.errorRate(), shared.injectionsReviewed({ category: 'monitoring' })] },
        { id: 'A.6.2.8', checks: [shared.attribution(), shared.monitoringCoverage()] },
      ],
    },
    {
      id: 'impact',
      title: 'A.5 Assessing impacts of AI systems',
      description: 'Impact on individuals: agent risk and personal data leaving through the agents.',
      metrics: ['max_agent_risk', 'elevated_risk_agents', 'dlp_personal_data', 'dlp_personal_data_block_rate'],
      tables: ['agent_risk', 'risk_distribution'],
      controls: [{ id: 'A.5.4', checks: [shared.personalDataBlocked(), shared.agentRisk()] }],
    },
    {
      id: 'interested-parties',
      title: 'A.8 Information for interested parties',
      description: 'Communication of incidents.',
      metrics: ['escalations', 'escalation_sla_rate'],
      controls: [{ id: 'A.8.4', checks: [shared.escalationsOnTime()] }],
    },
    {
      id: 'use',
      title: 'A.9 Use of AI systems',
      description: 'Processes for responsible use (explicit policies, human approval) and use within the intended purpose (denials).',
      metrics: ['policy_coverage', 'approval_answer_rate', 'denial_rate'],
      tables: ['policies'],
      controls: [
        { id: 'A.9.2', checks: [shared.policyCoverage(), shared.approvalsAnswered()] },
        { id: 'A.9.4', checks: [shared.denialRate({ title: 'Agents stay within their intended use', category: 'intended_use' })] },
      ],
    },
  ],
};
