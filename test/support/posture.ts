/**
 * What the posture tests that drive a real server share: agent decisions
 * to tip the governance framework's policy-coverage check, and NDJSON
 * ingest through the HTTP route (the path that asks for a re-evaluation).
 */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';

export const HOUR = 3_600_000;

/** `count` agent decisions of agent-1 an hour ago, a second apart; `covered` ones name the policy that decided them. */
export function decisions(prefix: string, count: number, covered: boolean) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    occurredAt: new Date(Date.now() - HOUR + i * 1000).toISOString(),
    agentId: 'agent-1',
    sessionId: 's-1',
    category: 'policy_decision',
    action: 'tool.invoke',
    decision: 'allow',
    ...(covered ? { policyId: 'default' } : {}),
  }));
}

/** POSTs `events` to /ingest as NDJSON with `key`; fails unless answered 200. */
export async function ingestNdjson(app: TestApp, key: string, events: unknown[]): Promise<unknown> {
  const response = await app.fetch('/ingest', { method: 'POST', key, body: events.map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  expect(response.status).toBe(200);
  return response.json();
}

/** The organisation's policy-coverage control as posture last wrote it (undefined before any evaluation). */
export async function policyCoverage(app: TestApp, orgId: string): Promise<{ status: string; value: number | null } | undefined> {
  const [row] = await app.services.database.sql`select status, value from posture_controls where org_id = ${orgId} and check_id = 'policy-coverage'`;
  return row as { status: string; value: number | null } | undefined;
}
