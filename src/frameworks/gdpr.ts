/**
 * GDPR (Regulation (EU) 2016/679): the organisation-wide record of
 * processing (Art. 30) and the articles the agents' trail can evidence.
 * Control ids are the catalog's provision ids, e.g. `Art. 30.1.b`.
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const gdpr: FrameworkDefinition = {
  type: 'gdpr',
  name: 'GDPR (Regulation (EU) 2016/679)',
  description: 'Records of processing by AI agents (Art. 30), data protection by design (Art. 25), security (Art. 32), breach detection (Art. 33), impact assessment (Art. 35) and the principles (Art. 5).',
  version: '2026.11.3',
  catalog: 'gdpr',
  sections: [
    {
      id: 'art-30',
      title: 'Art. 30 Records of processing activities',
      description: 'Which agents and tools process personal data, for which purposes and on which legal bases, about whom, shared with whom, where, and for how long it is kept.',
      metrics: [
        'personal_data_events', 'data_subjects', 'events_per_subject', 'personal_data_cost_usd', 'pii_agents', 'pii_tool_events',
        'pii_credential_access', 'disclosures', 'cross_border_transfers', 'oldest_personal_data_days',
      ],
      tables: ['personal_data_agents', 'pii_tools', 'processing_purposes', 'data_subject_categories', 'personal_data_categories', 'recipients', 'transfers_by_region', 'retention'],
      controls: [
        { id: 'Art. 30.1.b', checks: [shared.legalBasis({ id: 'purpose-and-basis', title: 'Processing records name the purpose and legal basis' })] },
        { id: 'Art. 30.1.d', checks: [shared.disclosureBasis()] },
        { id: 'Art. 30.1.e', checks: [shared.transferBasis()] },
      ],
    },
    {
      id: 'art-25',
      title: 'Art. 25 Data protection by design and by default',
      description: 'Default-deny policies deciding agent actions, permission boundaries on tools that touch personal data, and how far access to personal data is restricted.',
      metrics: ['policy_coverage', 'pii_policy_coverage', 'pii_tool_denials', 'denial_rate', 'pii_agent_share'],
      tables: ['policies'],
      controls: [
        { id: 'Art. 25.1', checks: [shared.policyCoverage({ category: 'privacy' })] },
        { id: 'Art. 25.2', checks: [shared.piiPolicyCoverage()] },
      ],
    },
    {
      id: 'art-32',
      title: 'Art. 32 Security of processing',
      description: 'Access control, credential management and prompt-injection detection around the agents.',
      metrics: ['decisions', 'denial_rate', 'credential_leases', 'lease_compliance', 'pii_credential_access', 'injections_detected', 'injection_review_rate', 'auth_success_rate'],
      controls: [
        { id: 'Art. 32.1.b', checks: [shared.denialRate(), shared.leaseCompliance()] },
        { id: 'Art. 32.1.d', checks: [shared.injectionsReviewed()] },
      ],
    },
    {
      id: 'art-33',
      title: 'Art. 33 Breach detection and notification',
      description: 'DLP events with personal data, exfiltration attempts blocked and detected, and the time from detection to response against the 72-hour clock.',
      metrics: [
        'dlp_personal_data', 'dlp_personal_data_blocked', 'dlp_personal_data_detected', 'breaches_possible', 'breach_response_within_72h',
        'breach_response_p50', 'breach_response_p95',
      ],
      controls: [{ id: 'Art. 33.1', checks: [shared.breachResponse()] }],
    },
    {
      id: 'art-35',
      title: 'Art. 35 Data protection impact assessment',
      description: 'Agent risk scores, which agents reach personal data, and cross-border flows: inputs to the impact assessment.',
      metrics: ['unique_agents', 'max_agent_risk', 'elevated_risk_agents', 'pii_agents', 'cross_border_transfers'],
      tables: ['agent_risk', 'risk_distribution'],
      controls: [{ id: 'Art. 35.7.c', checks: [shared.agentRisk({ category: 'privacy_risk' })] }],
    },
    {
      id: 'art-5',
      title: 'Art. 5 Principles',
      description: 'Lawfulness, data minimisation (how many agents reach personal data), storage limitation (the oldest personal data kept) and confidentiality.',
      metrics: ['legal_basis_rate', 'pii_agent_share', 'oldest_personal_data_days', 'dlp_personal_data_block_rate'],
      controls: [
        { id: 'Art. 5.1.a', checks: [shared.legalBasis()] },
        {
          id: 'Art. 5.1.c',
          checks: [
            {
              id: 'data-minimisation',
              title: 'Only some agents can reach personal data',
              metric: 'pii_agent_share',
              thresholds: { direction: 'max', pass: 50, warn: 80 },
              applicableWhen: 'pii_tool_events',
              severity: 'medium',
              category: 'privacy',
              description: '{value} of agents used a pii-tagged tool without being denied.',
              recommendation: 'Remove pii-tagged tools from agents whose purpose does not need personal data.',
              population: 'pii_tool_events',
            },
          ],
        },
        {
          id: 'Art. 5.1.e',
          checks: [
            {
              id: 'storage-limitation',
              title: 'Personal data is not kept longer than a year',
              metric: 'oldest_personal_data_days',
              thresholds: { direction: 'max', pass: 365, warn: 400 },
              applicableWhen: 'personal_data_events',
              severity: 'medium',
              category: 'privacy',
              description: 'The oldest event with personal data still kept is {value} days older than the period end (retention limit 365 days).',
              recommendation: 'Purge or pseudonymise audit events with personal data older than the retention period.',
              population: 'personal_data_events',
            },
          ],
        },
        { id: 'Art. 5.1.f', checks: [shared.personalDataBlocked()] },
      ],
    },
  ],
};

/**
 * Data-subject access export: the same engine scoped to one data subject
 * (every event naming them) or to one agent (all personal data it processed).
 */
export const gdprDsar: FrameworkDefinition = {
  type: 'gdpr_dsar',
  name: 'GDPR data-subject access export',
  description: 'Everything the agents recorded about one data subject (or everything one agent processed): the events, personal-data categories, processing purposes with legal basis, recipients, agents and messages.',
  version: '2026.11.3',
  catalog: 'gdpr',
  requires: 'subject_or_agent',
  sections: [
    {
      id: 'personal-data',
      title: 'Personal data processed',
      description: 'Every event in scope that processed personal data, and the categories of personal data involved.',
      metrics: ['personal_data_events', 'data_subjects', 'events_per_subject', 'personal_data_cost_usd'],
      tables: ['subject_events', 'personal_data_categories', 'data_subject_categories'],
      controls: [],
    },
    {
      id: 'processing',
      title: 'Processing activities and legal bases',
      description: 'Purposes and legal bases of the processing, and the agents that did it.',
      metrics: ['legal_basis_rate'],
      tables: ['processing_purposes', 'personal_data_agents'],
      controls: [{ id: 'Art. 5.1.a', checks: [shared.legalBasis()] }],
    },
    {
      id: 'recipients',
      title: 'Recipients and transfers',
      description: 'Third parties the data was disclosed to, and the regions it went to.',
      metrics: ['disclosures', 'cross_border_transfers'],
      tables: ['recipients', 'transfers_by_region'],
      controls: [
        { id: 'Art. 30.1.d', checks: [shared.disclosureBasis()] },
        { id: 'Art. 30.1.e', checks: [shared.transferBasis()] },
      ],
    },
    {
      id: 'messages',
      title: 'Messages sent and received',
      description: "Agent messages carried in the events' attributes (`attributes.message`, `attributes.direction`).",
      metrics: ['agent_messages'],
      tables: ['agent_messages'],
      controls: [],
    },
  ],
};
