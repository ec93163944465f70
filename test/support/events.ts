/** Small deterministic contract-shaped events for the ingestion and query tests. */
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
