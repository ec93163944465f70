/**
 * Monitoring coverage at the end of the observed window: the silence after
 * the last event counts as a gap when longer than the threshold (60 minutes),
 * both when the window ends at the period end and when it ends at the time
 * the watermark event arrived (a period that has not ended yet). Expected
 * values by hand from the events below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../client/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { reportFromFixture } from '../support/report-fixture.ts';

const MIN = 60_000;
const gapsOf = (c: Awaited<ReturnType<typeof reportFromFixture>>['content']) => ({
  timeCoverage: c.integrity.timeCoverage, observedFrom: c.integrity.observedFrom, observedUntil: c.integrity.observedUntil,
  gaps: c.integrity.gaps, gapCount: c.integrity.gapCount, gapSeconds: c.integrity.gapSeconds,
});
const at = (time: string, id: string): AuditEventInput => ({ id, occurredAt: time, agentId: 'a', sessionId: 's', category: 'tool_call', action: 'tool.invoke' });

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('coverage after the last event', () => {
  it('a period with events only at its very start: the rest of it is one silence', async () => {
    // 4 hours; events in the first 5 minutes only.
    const { content } = await reportFromFixture(app, [at('2026-10-01T00:00:00Z', 'e1'), at('2026-10-01T00:05:00Z', 'e2')], {
      type: 'audit_summary', period: { start: '2026-10-01T00:00:00Z', end: '2026-10-01T04:00:00Z' },
    });
    expect(gapsOf(content)).toEqual({
      // 100·(1 − 14,100/14,400)
      timeCoverage: 2.08, observedFrom: '2026-10-01T00:00:00.000Z', observedUntil: '2026-10-01T04:00:00.000Z',
      gaps: [{ start: '2026-10-01T00:05:00.000Z', end: '2026-10-01T04:00:00.000Z', seconds: 14_100, reason: 'silence' }],
      gapCount: 1, gapSeconds: 14_100,
    });
  });

  it('a period not yet over: the window ends when the watermark event arrived, and the silence before it counts', async () => {
    // Started 3 hours ago (to the minute), ends tomorrow; events in its first minute only, received now.
    const start = Math.floor((Date.now() - 180 * MIN) / MIN) * MIN;
    const iso = (ms: number) => new Date(ms).toISOString();
    const report = await reportFromFixture(app, [at(iso(start), 'e1'), at(iso(start + MIN), 'e2')], {
      type: 'audit_summary', period: { start: iso(start), end: iso(start + 27 * 60 * MIN) },
    });
    const [watermark] = await app.services.database.sql`select received_at from audit_events where org_id = ${report.orgId} and seq = ${report.content.watermark}`;
    const until = new Date(watermark!.received_at as string).getTime();
    expect(until).toBeGreaterThan(start + 179 * MIN);
    const silence = until - (start + MIN);
    expect(gapsOf(report.content)).toEqual({
      timeCoverage: Math.round(100 * (1 - silence / (until - start)) * 100) / 100, // as integrity.ts rounds
      observedFrom: iso(start), observedUntil: iso(until),
      gaps: [{ start: iso(start + MIN), end: iso(until), seconds: Math.round(silence / 1000), reason: 'silence' }],
      gapCount: 1, gapSeconds: Math.round(silence / 1000),
    });
  });

  it('a silence after the last event of exactly the threshold is no gap', async () => {
    const { content } = await reportFromFixture(app, [at('2026-10-01T00:00:00Z', 'e1'), at('2026-10-01T00:30:00Z', 'e2'), at('2026-10-01T01:00:00Z', 'e3')], {
      type: 'audit_summary', period: { start: '2026-10-01T00:00:00Z', end: '2026-10-01T02:00:00Z' },
    });
    expect(gapsOf(content)).toMatchObject({ timeCoverage: 100, gaps: [], gapCount: 0, gapSeconds: 0 });
  });
});
