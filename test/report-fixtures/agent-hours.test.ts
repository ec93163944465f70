/**
 * Agent drift by hour of day, against a hand-written trail: night-bot works
 * only at night (6 events a day at 02:00 UTC on ten baseline days,
 * 2026-10-19 … 10-28). In the period, 2026-10-29, it either keeps to its
 * nights or does the same 6 events at 14:00 UTC. Its daily volume is 6 both
 * times (z 0), so only the hour-of-day baseline can tell the move.
 *
 * By hand (z = (x − median) / max(1.4826 · MAD, √max(median, 1))):
 * - at night: hour 02 is 6 against a median of 6 (MAD 0, scale √6): z 0;
 *   every other hour 0 against 0: z 0. Nothing drifts.
 * - moved: hour 14 is 6 against a median of 0 (MAD 0, scale 1): z 6, beyond
 *   3.5, a warning (6 is the warn limit); hour 02 is 0 against 6: z −2.45,
 *   within. One drift, at 14:00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../client/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, ingestFixture, reportOf, rowsOf } from '../support/report-fixture.ts';

const PERIOD = { start: '2026-10-29T00:00:00Z', end: '2026-10-30T00:00:00Z' };
const event = (id: string, day: number, hour: number, minute: number): AuditEventInput => ({
  id,
  occurredAt: `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  agentId: 'night-bot',
  sessionId: `night-${day}`,
  category: 'tool_call',
  action: 'tool.invoke',
  tool: { name: 'batch.reconcile' },
  outcome: 'success',
});
const baseline = Array.from({ length: 10 }, (_, i) => Array.from({ length: 6 }, (_, k) => event(`b-${19 + i}-${k}`, 19 + i, 2, k))).flat();
const atNight = Array.from({ length: 6 }, (_, k) => event(`p-${k}`, 29, 2, k));
const moved = Array.from({ length: 6 }, (_, k) => event(`p-${k}`, 29, 14, k));

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

async function driftOf(name: string, events: AuditEventInput[]) {
  const org = await app.newOrg(name);
  await ingestFixture(app, org.adminKey, events);
  const { content } = await reportOf(app, org, { type: 'soc2', period: PERIOD });
  const rows = rowsOf(content, 'agent_drift');
  return {
    content,
    hour: rows.find((r) => r.metric === 'hour_of_day'),
    volume: rows.find((r) => r.metric === 'volume'),
    drifts: content.findings.filter((f) => f.checkId === 'agent-drift'),
  };
}

describe('agent drift by hour of day', () => {
  it('does not flag an agent that works at night at night', async () => {
    const { content, hour, volume, drifts } = await driftOf('night shift', [...baseline, ...atNight]);
    expect(volume).toMatchObject({ baselineMedian: 6, baselineMad: 0, periodValue: 6, robustZ: 0, drifted: 'no' });
    expect(hour).toMatchObject({ agent: 'night-bot', baselineDays: 10, baselineMedian: 0, baselineMad: 0, periodValue: 0, robustZ: 0, drifted: 'no' });
    expect(findingsOf(content)['CC3.2 agent-drift']).toMatchObject({ status: 'pass' });
    expect(drifts.map((f) => f.status)).toEqual(['pass']);
  });

  it('flags the same agent when its work moves to the afternoon, though its daily volume is unchanged', async () => {
    const { hour, volume, drifts } = await driftOf('day shift', [...baseline, ...moved]);
    expect(volume).toMatchObject({ periodValue: 6, robustZ: 0, drifted: 'no' });
    expect(hour).toMatchObject({ agent: 'night-bot', unit: 'per_day', baselineDays: 10, baselineMedian: 0, baselineMad: 0, periodValue: 6, robustZ: 6, drifted: 'yes', evidenceEvents: 6 });
    expect(drifts.map((f) => ({ title: f.title, status: f.status, value: f.value, evidenceAgent: f.evidenceAgent, evidenceCount: f.evidenceCount }))).toEqual([
      { title: 'night-bot: events per day at 14:00 UTC rose above its baseline', status: 'warn', value: 6, evidenceAgent: 'night-bot', evidenceCount: 6 },
    ]);
    expect(drifts[0]!.description).toBe(
      "night-bot's events per day at 14:00–14:59 UTC were 6 in the period against a median of 0 (MAD 0) for that hour over 10 baseline days: robust z 6, the largest of its 24 hours, above its baseline: its hours of activity moved.",
    );
  });
});
