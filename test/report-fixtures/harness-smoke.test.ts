import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture } from '../support/report-fixture.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

it('smoke', async () => {
  const r = await reportFromFixture(app, [
    { id: 'e1', occurredAt: '2026-10-01T10:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'a' },
  ], { type: 'soc2', period: { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' } });
  expect(metricsOf(r.content).events).toBe(1);
});
