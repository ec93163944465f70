/**
 * Administrative actions over the period, by people and by the reporting
 * service itself (reports generated, downloaded, shared; share links used;
 * schedules changed; API keys created and revoked). Ids are our own (AUD-n).
 */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const auditSummary: FrameworkDefinition = {
  type: 'audit_summary',
  name: 'Audit summary',
  description: 'Who changed what: users, permissions, agent configuration, secrets, DLP rules and system configuration, and the reporting service\'s own trail.',
  version: '2026.11.2',
  catalog: 'custom',
  sections: [
    {
      id: 'people',
      title: 'Administrative changes by people',
      description: 'Users created and deleted, permission and role changes, agent and system configuration, secret access and rotation, DLP rule changes.',
      metrics: ['people_admin_changes', 'admin_attribution_rate', 'privileged_role_changes', 'role_change_approval_rate', 'access_removals', 'config_changes', 'config_change_approval_rate', 'secret_events'],
      tables: ['admin_actions', 'admin_actors'],
      controls: [
        { id: 'AUD-1', checks: [shared.adminAttribution()] },
        { id: 'AUD-2', checks: [shared.roleChangesApproved()] },
        { id: 'AUD-3', checks: [shared.configChangesApproved()] },
      ],
    },
    {
      id: 'service',
      title: 'The reporting system\'s own trail',
      description: 'Actions the reporting service recorded about itself (actor type service): reports generated, downloaded and shared, share links used, schedules changed, API keys created and revoked.',
      metrics: ['service_actions'],
      tables: ['service_actions'],
      controls: [],
    },
  ],
};
