/**
 * HIPAA Security Rule (45 CFR Part 164 Subpart C), administrative and
 * technical safeguards the agents' trail can evidence. Tools tagged `pii`
 * are treated as systems holding ePHI; DLP events with personal data as PHI.
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const hipaa: FrameworkDefinition = {
  type: 'hipaa',
  name: 'HIPAA Security Rule',
  description: 'Information system activity review, access control, audit controls, integrity, authentication and transmission security (PHI detection and blocking by DLP), evidenced by the agents\' trail.',
  version: '2026.11.3',
  catalog: 'hipaa',
  sections: [
    {
      id: 'administrative',
      title: '164.308 Administrative safeguards',
      description: 'Activity review, risk management, access establishment and incident response.',
      metrics: ['events', 'injections_detected', 'injection_review_rate', 'max_agent_risk', 'privileged_role_changes', 'role_change_approval_rate', 'escalations', 'escalation_sla_rate'],
      tables: ['agent_risk'],
      controls: [
        { id: '164.308(a)(1)(ii)(B)', checks: [shared.agentRisk()] },
        { id: '164.308(a)(1)(ii)(D)', checks: [shared.injectionsReviewed({ id: 'activity-review', title: 'Security detections in the activity records are reviewed', category: 'activity_review' })] },
        { id: '164.308(a)(4)(ii)(C)', checks: [shared.roleChangesApproved()] },
        { id: '164.308(a)(6)(ii)', checks: [shared.escalationsOnTime()] },
      ],
    },
    {
      id: 'technical',
      title: '164.312 Technical safeguards',
      description: 'Access control, unique identification, audit controls, integrity, authentication and transmission security.',
      metrics: [
        'policy_coverage', 'denial_rate', 'attribution_rate', 'session_attribution_rate', 'time_coverage', 'pii_tool_events', 'pii_policy_coverage',
        'pii_credential_access', 'auth_success_rate', 'dlp_personal_data', 'dlp_personal_data_blocked', 'dlp_personal_data_block_rate',
      ],
      tables: ['pii_tools'],
      controls: [
        { id: '164.312(a)(1)', checks: [shared.policyCoverage()] },
        { id: '164.312(a)(2)(i)', checks: [shared.attribution({ category: 'identification' })] },
        { id: '164.312(b)', checks: [shared.sessionAttribution({ category: 'audit_controls' }), shared.monitoringCoverage({ category: 'audit_controls' })] },
        { id: '164.312(c)(1)', checks: [shared.piiPolicyCoverage({ title: 'Actions on ePHI systems are decided by explicit policies', category: 'integrity' })] },
        { id: '164.312(d)', checks: [shared.authentication()] },
        { id: '164.312(e)(1)', checks: [shared.personalDataBlocked({ title: 'PHI detected by DLP is blocked before transmission', category: 'transmission_security' })] },
      ],
    },
  ],
};
