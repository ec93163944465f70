/**
 * ISO/IEC 27001:2022 Annex A (2022 numbering), for the controls the agents'
 * governance trail can evidence; the Statement of Applicability lists all
 * 93 with the reason for each one this report does not evidence.
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const iso27001: FrameworkDefinition = {
  type: 'iso27001',
  name: 'ISO/IEC 27001:2022 Annex A',
  description: 'Organisational (A.5) and technological (A.8) controls evidenced by the AI agents\' governance trail, the asset view, and a Statement of Applicability of all 93 Annex A controls.',
  version: '2026.11.3',
  catalog: 'iso27001',
  sections: [
    {
      id: 'organisational',
      title: 'A.5 Organisational controls',
      description: 'Access control and access rights, incident management, collection of evidence, and privacy.',
      metrics: [
        'policy_coverage', 'privileged_role_changes', 'role_change_approval_rate', 'access_removals', 'credential_leases', 'lease_compliance',
        'escalations', 'escalation_sla_rate', 'injections_detected', 'injection_review_rate', 'breaches_possible', 'breach_response_within_72h',
        'attribution_rate', 'legal_basis_rate',
      ],
      controls: [
        { id: 'A.5.15', checks: [shared.policyCoverage()] },
        { id: 'A.5.17', checks: [shared.leaseCompliance()] },
        { id: 'A.5.18', checks: [shared.roleChangesApproved()] },
        { id: 'A.5.24', checks: [shared.escalationsOnTime()] },
        { id: 'A.5.25', checks: [shared.injectionsReviewed({ title: 'Security events (injection detections) are assessed and decided' })] },
        { id: 'A.5.26', checks: [shared.breachResponse({ severity: 'high', title: 'Personal-data leak detections get a response within 72 hours' })] },
        { id: 'A.5.28', checks: [shared.attribution({ category: 'evidence' })] },
        { id: 'A.5.34', checks: [shared.legalBasis()] },
      ],
    },
    {
      id: 'technological',
      title: 'A.8 Technological controls',
      description: 'Privileged access, access restriction, authentication, configuration and change management, data leakage prevention, logging and monitoring.',
      metrics: [
        'decisions', 'denial_rate', 'unapproved_role_changes', 'auth_events', 'auth_success_rate', 'config_changes', 'config_change_approval_rate',
        'people_admin_changes', 'admin_attribution_rate', 'dlp_events', 'dlp_block_rate', 'session_attribution_rate', 'time_coverage', 'gateway_disconnects',
      ],
      tables: ['decisions_by_category', 'decisions_by_day'],
      controls: [
        {
          id: 'A.8.2',
          checks: [
            {
              id: 'privileged-changes',
              title: 'No privileged role change without an approval',
              metric: 'unapproved_role_changes',
              thresholds: { direction: 'max', pass: 0, warn: 1 },
              applicableWhen: 'privileged_role_changes',
              severity: 'high',
              category: 'access_control',
              description: '{value} privileged role changes had no granted approval.',
              recommendation: 'Require a granted approval (same correlation id) for every role change.',
              population: 'privileged_role_changes',
              exceptions: 'unapproved_role_changes',
            },
          ],
        },
        { id: 'A.8.3', checks: [shared.denialRate()] },
        { id: 'A.8.5', checks: [shared.authentication()] },
        { id: 'A.8.9', checks: [shared.adminAttribution({ category: 'configuration_management' })] },
        { id: 'A.8.12', checks: [shared.dlpBlocked()] },
        { id: 'A.8.15', checks: [shared.attribution(), shared.sessionAttribution()] },
        { id: 'A.8.16', checks: [shared.monitoringCoverage()] },
        { id: 'A.8.32', checks: [shared.configChangesApproved()] },
      ],
    },
    {
      id: 'assets',
      title: 'Assets (A.5.9 inventory)',
      description: 'Agents, tools and credentials seen in the period: the inventory the other controls rely on.',
      metrics: ['unique_agents', 'unique_sessions', 'pii_tool_events'],
      tables: ['agents_inventory', 'tools_inventory', 'credentials_inventory', 'agent_risk'],
      controls: [{ id: 'A.5.9', checks: [shared.attribution({ id: 'inventory-attribution', title: 'Every event names an inventoried agent or actor', category: 'asset_management' })] }],
    },
    {
      id: 'soa',
      title: 'Statement of Applicability',
      description: 'All 93 Annex A controls: whether this report evidences each, why, and the findings behind it.',
      metrics: [],
      tables: ['statement_of_applicability'],
      controls: [],
    },
  ],
};
