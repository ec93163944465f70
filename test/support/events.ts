/** Small deterministic contract-shaped events for the ingestion and query tests. */
import type { TestApp } from './app.ts';

const CATEGORIES = ['tool_call', 'policy_decision', 'approval', 'dlp', 'admin'] as const;
const DECISIONS = ['allow', 'deny', 'alert', 'hold'] as const;
const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;

export const BASE_TIME = Date.parse('2026-01-01T00:00:00Z');

/** Event `i`: one second apart from 2026-01-01, fields cycling so filters have something to select. */
export function testEvent(i: number, prefix = 'evt') {
  return {
    id: `${prefix}-${i}`,
    occurredAt: new Date(BASE_TIME + i * 1000).toISOString(),
    environment: i % 2 ? 'production' : 'staging',
    agentId: `agent-${i % 3}`,
    sessionId: `session-${i % 17}`,
    actor: { type: 'agent', id: `agent-${i % 3}` },
    category: CATEGORIES[i % CATEGORIES.length],
    action: `${CATEGORIES[i % CATEGORIES.length]}.done`,
    decision: DECISIONS[i % DECISIONS.length],
    tool: { name: `tool-${i % 4}`, tags: i % 4 === 0 ? ['pii', `t${i % 8}`] : [] },
    severity: SEVERITIES[i % SEVERITIES.length],
    outcome: 'success',
    dataSubjects: i % 10 === 0 ? [`subject-${i % 7}`] : (undefined as string[] | undefined),
    costUsd: 0.001 * (i % 5),
    attributes: { n: i },
  };
}

/** What `POST /ingest` answers, in full or refused (503 and the like). */
export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  confirmedThroughLine?: number;
  error?: { code: string; message: string };
}

/** Sends `events` as one NDJSON body; the status and `Retry-After` with the answer, whatever the status. */
export async function postNdjson(app: TestApp, key: string, events: unknown[]) {
  const body = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const response = await app.fetch('/ingest', { method: 'POST', key, body, headers: { 'content-type': 'application/x-ndjson' } });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as IngestAnswer };
}
