/** Agents, tools, credentials and environments seen, from the registries and the events. Ids are our own (INV-n). */
import { shared } from './checks.ts';
import type { FrameworkDefinition } from './types.ts';

export const assetInventory: FrameworkDefinition = {
  type: 'asset_inventory',
  name: 'Asset inventory',
  description: 'Agents (status, risk score, enforcement, last seen), tools by category with usage and tags, credentials without values (leases, grants, rotation), and environments.',
  version: '2026.11.3',
  catalog: 'custom',
  sections: [
    {
      id: 'agents',
      title: 'Agents',
      description: 'Every agent seen in the period: active when seen in the last 7 days of the period; enforcement as observed from its decisions.',
      metrics: ['unique_agents', 'unique_sessions', 'elevated_risk_agents'],
      tables: ['agents_inventory'],
      controls: [{ id: 'INV-1', checks: [shared.attribution({ id: 'inventory-complete', title: 'Every event names an agent or actor', category: 'inventory' })] }],
    },
    {
      id: 'tools',
      title: 'Tools',
      description: 'Tools agents called, grouped by their first tag, with their tags and usage.',
      metrics: ['pii_tool_events'],
      tables: ['tools_inventory'],
      controls: [],
    },
    {
      id: 'credentials',
      title: 'Credentials',
      description: 'Credentials by name (never their values): leases issued and ended, grants, last rotation.',
      metrics: ['credential_leases', 'lease_compliance', 'secret_events'],
      tables: ['credentials_inventory'],
      controls: [{ id: 'INV-2', checks: [shared.leaseCompliance()] }],
    },
    {
      id: 'environments',
      title: 'Environments',
      description: 'Environments with their agents, policies and activity.',
      metrics: ['events'],
      tables: ['environments_inventory'],
      controls: [],
    },
  ],
};
