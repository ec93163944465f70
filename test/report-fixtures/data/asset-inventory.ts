/** The hand-written trail of `asset-inventory.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const P = 'production';
export const FETCH = { name: 'web.fetch', tags: ['external', 'read'] };
// The tool's category is its first tag as sent: `storage`, though `pii` sorts first.
export const STORAGE = { name: 'storage.put', tags: ['storage', 'pii'] };
export const MAIL = { name: 'email.send', tags: ['pii', 'external'] };
export const VAULT = { name: 'vault', tags: ['secrets'] };

export const events: AuditEventInput[] = [
  // --- planner: two environments, a deny (enforcing), a failure; risk 40 + 20 = 60 (elevated).
  // Before the period: only the registry's first-seen time shows it.
  { id: 'a0', occurredAt: '2026-09-15T00:00:00Z', environment: P, agentId: 'planner', sessionId: 'p-0', category: 'tool_call', action: 'tool.invoke', tool: FETCH },
  { id: 'a1', occurredAt: '2026-10-02T10:00:00Z', environment: P, agentId: 'planner', sessionId: 'p-1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'default', tool: FETCH },
  { id: 'a2', occurredAt: '2026-10-03T10:00:00Z', environment: P, agentId: 'planner', sessionId: 'p-1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'default',
    tool: { name: 'files.delete', tags: ['files', 'write'] } },
  { id: 'a3', occurredAt: '2026-10-20T10:00:00Z', environment: 'staging', agentId: 'planner', sessionId: 'p-2', category: 'tool_call', action: 'tool.invoke', tool: FETCH, outcome: 'failure' },
  // Last seen exactly 7 days before the period end: still active.
  { id: 'a4', occurredAt: '2026-10-25T00:00:00Z', environment: P, agentId: 'planner', sessionId: 'p-2', category: 'tool_call', action: 'tool.invoke', tool: STORAGE },

  // --- scraper: allows only; a failure (risk 20); last seen one second before the active window: inactive.
  { id: 'b1', occurredAt: '2026-10-05T10:00:00Z', environment: P, agentId: 'scraper', sessionId: 's-1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'default', tool: FETCH },
  { id: 'b2', occurredAt: '2026-10-24T23:59:59Z', environment: P, agentId: 'scraper', sessionId: 's-1', category: 'tool_call', action: 'tool.invoke', tool: FETCH, outcome: 'failure' },
  // After the period: does not make it active.
  { id: 'b3', occurredAt: '2026-11-02T00:00:00Z', environment: P, agentId: 'scraper', sessionId: 's-1', category: 'tool_call', action: 'tool.invoke', tool: FETCH },

  // --- watcher: alerts only (monitoring); a tool without tags.
  { id: 'c1', occurredAt: '2026-10-26T10:00:00Z', environment: P, agentId: 'watcher', sessionId: 'w-1', category: 'policy_decision', action: 'tool.invoke', decision: 'alert', policyId: 'exfil-watch', tool: MAIL },
  { id: 'c2', occurredAt: '2026-10-27T10:00:00Z', environment: P, agentId: 'watcher', sessionId: 'w-1', category: 'policy_decision', action: 'tool.invoke', decision: 'alert', policyId: 'exfil-watch', tool: MAIL },
  { id: 'c3', occurredAt: '2026-10-28T10:00:00Z', environment: P, agentId: 'watcher', sessionId: 'w-1', category: 'tool_call', action: 'notify', tool: { name: 'pager' } },

  // --- vault-bot: credentials. Lease 1 revoked exactly at its TTL, lease 2 well within it.
  { id: 'v1', occurredAt: '2026-10-10T09:00:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'lease.issued', resource: 'db-prod', ttlSeconds: 900, correlationId: 'lease-1' },
  { id: 'v2', occurredAt: '2026-10-10T09:15:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'lease.revoked', resource: 'db-prod', correlationId: 'lease-1' },
  { id: 'v3', occurredAt: '2026-10-12T09:00:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'lease.issued', resource: 'db-prod', ttlSeconds: 3600, correlationId: 'lease-2' },
  { id: 'v4', occurredAt: '2026-10-12T09:30:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'lease.returned', resource: 'db-prod', correlationId: 'lease-2' },
  { id: 'v6', occurredAt: '2026-10-15T09:00:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'credential.granted', resource: 'db-prod' },
  // Rotated by a person (no agent): last rotation of db-prod; a secret event.
  { id: 'v7', occurredAt: '2026-10-16T09:00:00Z', environment: P, actor: { type: 'user', id: 'ops-admin' }, category: 'credential', action: 'secret.rotated', resource: 'db-prod' },
  { id: 'v8', occurredAt: '2026-10-17T09:00:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'secret.accessed', resource: 'api-key-stripe' },
  // No resource: the credential is named by its tool.
  { id: 'v9', occurredAt: '2026-10-18T09:00:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'secret.read', tool: VAULT },
  // A hold: enforcing.
  { id: 'v10', occurredAt: '2026-10-19T09:00:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'policy_decision', action: 'vault.read', decision: 'hold', policyId: 'secrets-guard', tool: VAULT },
  // Lease 3: issued 5 minutes before the period end, returned after it within its TTL: compliant, but open within the period.
  { id: 'v5', occurredAt: '2026-10-31T23:55:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'lease.issued', resource: 'api-key-stripe', ttlSeconds: 600, correlationId: 'lease-3' },
  { id: 'v11', occurredAt: '2026-11-01T00:04:00Z', environment: P, agentId: 'vault-bot', sessionId: 'v-1', category: 'credential', action: 'lease.returned', resource: 'api-key-stripe', correlationId: 'lease-3' },

  // --- Neither agent nor actor: the one unattributed event (attribution 20/21).
  { id: 'u1', occurredAt: '2026-10-21T12:00:00Z', environment: P, category: 'monitoring', action: 'gateway.heartbeat' },
  // An environment without agents.
  { id: 'u2', occurredAt: '2026-10-22T12:00:00Z', environment: 'edge', actor: { type: 'system', id: 'gw-edge' }, category: 'monitoring', action: 'gateway.connected' },
];
