/**
 * A completed SOC 2 report built by the real engine from events written
 * here, for the render, download and verify tests. Agent and tool names
 * carry markup and spreadsheet formulas, which every format must keep as text.
 */
import { randomUUID } from 'node:crypto';
import { auditEvents, reports } from '../../src/db/schema.ts';
import { buildReport } from '../../src/reports/generate.ts';
import type { Services } from '../../src/services.ts';

export const HOSTILE_AGENTS = ['<script>alert(1)</script>', '=HYPERLINK("http://evil.example","click")', '@SUM(A1:A9)', '+cmd|calc', 'agent-plain'];
export const PERIOD = { start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-11-01T00:00:00Z') };

type EventRow = typeof auditEvents.$inferInsert;

export function events(orgId: string, count = 400): EventRow[] {
  const rows: EventRow[] = [];
  const step = Math.floor((PERIOD.end.getTime() - PERIOD.start.getTime()) / count);
  for (let i = 0; i < count; i++) {
    const agent = HOSTILE_AGENTS[i % HOSTILE_AGENTS.length]!;
    rows.push({
      orgId,
      occurredAt: new Date(PERIOD.start.getTime() + i * step),
      environment: 'production',
      agentId: agent,
      sessionId: `s-${i % 7}`,
      category: 'policy_decision',
      action: 'tool.invoke',
      decision: i % 9 === 0 ? 'deny' : i % 13 === 0 ? 'hold' : i % 11 === 0 ? 'alert' : 'allow',
      policyId: i % 5 === 0 ? null : 'default',
      toolName: i % 2 ? '<img src=x onerror=alert(2)>' : '=HYPERLINK("http://evil.example")',
      toolTags: ['pii'],
      outcome: i % 17 === 0 ? 'failure' : 'success',
      actorType: 'agent',
      actorId: agent,
      actorEmail: 'ops@example.com',
    });
  }
  for (let k = 0; k < 6; k++) {
    const at = new Date(PERIOD.start.getTime() + (k + 1) * 3 * 86_400_000);
    rows.push({ orgId, occurredAt: at, environment: 'production', agentId: 'agent-plain', category: 'approval', action: 'approval.requested', correlationId: `a-${k}` });
    if (k < 4) rows.push({ orgId, occurredAt: new Date(at.getTime() + 600_000), environment: 'production', category: 'approval', action: 'approval.granted', correlationId: `a-${k}`, actorType: 'user', actorId: 'alice' });
  }
  return rows;
}

/** Writes the events, creates the report row and runs the engine; returns the report id. */
export async function completedReport(services: Services, orgId: string, options: { title?: string; count?: number } = {}): Promise<string> {
  const rows = events(orgId, options.count);
  for (let i = 0; i < rows.length; i += 500) await services.database.db.insert(auditEvents).values(rows.slice(i, i + 500));
  const id = await generatingReport(services, orgId, options.title);
  await buildReport(services, id, async () => {});
  return id;
}

/** A report row as a worker starts it; `extra` overrides any column (another period, a scope, a fixed watermark). */
export async function generatingReport(
  services: Services,
  orgId: string,
  title = 'SOC 2 <b>October</b> & "Q4"',
  type = 'soc2',
  extra: Partial<typeof reports.$inferInsert> = {},
): Promise<string> {
  const id = randomUUID();
  await services.database.db.insert(reports).values({
    id,
    orgId,
    type,
    title,
    status: 'generating',
    periodStart: PERIOD.start,
    periodEnd: PERIOD.end,
    sampleSeed: 'unset',
    lineageId: id,
    createdBy: 'test',
    ...extra,
  });
  return id;
}
