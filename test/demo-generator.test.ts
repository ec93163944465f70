/** The demo generator: deterministic, exact, valid, realistic — counted here from its own events. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, validateEvent } from '../src/events/contract.ts';
import { generateDemoEvents } from '../src/demo/generator.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const END = new Date('2026-11-01T00:00:00Z');
const events = [...generateDemoEvents({ events: 20_000, seed: 7, end: END })];

describe('generateDemoEvents', () => {
  it('is deterministic and exact', () => {
    expect(events).toHaveLength(20_000);
    expect([...generateDemoEvents({ events: 20_000, seed: 7, end: END })]).toEqual(events);
    expect([...generateDemoEvents({ events: 100, seed: 8, end: END })]).not.toEqual(events.slice(0, 100));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('yields only valid events, in time order, inside the period', () => {
    const start = END.getTime() - 90 * 86_400_000;
    let previous = 0;
    for (const e of events) {
      expect(validateEvent(e).ok).toBe(true);
      const t = Date.parse(e.occurredAt);
      expect(t).toBeGreaterThanOrEqual(previous);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(END.getTime());
      previous = t;
    }
  });

  it('covers every category and the governance patterns reports look for', () => {
    const categories = new Set(events.map((e) => e.category));
    for (const c of CATEGORIES) if (!['admin', 'config_change'].includes(c)) expect(categories).toContain(c);
    expect(categories).toContain('admin');
    const byCorrelation = new Map<string, typeof events>();
    for (const e of events) if (e.correlationId) byCorrelation.set(e.correlationId, [...(byCorrelation.get(e.correlationId) ?? []), e]);
    const leases = events.filter((e) => e.action === 'lease.issued');
    const late = leases.filter((l) => {
      const end = byCorrelation.get(l.correlationId!)!.find((x) => x.action === 'lease.returned' || x.action === 'lease.revoked');
      return !end || Date.parse(end.occurredAt) - Date.parse(l.occurredAt) > l.ttlSeconds! * 1000;
    });
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(leases.length / 4);
    const requests = events.filter((e) => e.action === 'approval.requested');
    const unanswered = requests.filter((r) => byCorrelation.get(r.correlationId!)!.length === 1);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.action === 'injection.false_positive').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.action === 'gateway.disconnected').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.decision === 'deny').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.dataSubjects?.length).length).toBeGreaterThan(0);
    // Every pair is ordered: the answer never precedes the request.
    for (const group of byCorrelation.values()) {
      const times = group.map((e) => Date.parse(e.occurredAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});

describe('seedDemoData', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ jobs: 'none' });
  });
  afterAll(() => app.close());

  it('stores every event through the ingestion pipeline, and a re-seed stores nothing twice', async () => {
    const { orgId } = await app.newOrg();
    const first = await seedDemoData(app.services, orgId, { events: 5_000, seed: 3, end: END });
    expect(first).toEqual({ accepted: 5_000, duplicates: 0 });
    const again = await seedDemoData(app.services, orgId, { events: 5_000, seed: 3, end: END });
    expect(again).toEqual({ accepted: 0, duplicates: 5_000 });
    const [row] = await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${orgId}`;
    expect(row!.n).toBe(5_000);
  });
});
