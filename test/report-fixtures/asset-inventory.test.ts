/**
 * Asset inventory over a hand-written trail (October 2026, every
 * environment): agents, tools, credentials and environments. Metrics,
 * findings, every table row, score and grade were counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../client/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, ingestFixture, metricsOf, rebuiltAtWatermark, reportFromFixture, reportOf, rowsOf, type FixtureReport, scoreFactorsOf } from '../support/report-fixture.ts';
import { P, FETCH, events } from './data/asset-inventory.ts';

let app: TestApp;
let report: FixtureReport;
beforeAll(async () => {
  app = await startTestApp();
  report = await reportFromFixture(app, events, { type: 'asset_inventory', period: { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } });
});
afterAll(() => app.close());

describe('asset_inventory fixture', () => {
  it('every metric', () => {
    expect(metricsOf(report.content)).toEqual({
      unique_agents: 4,
      // p-1 p-2 s-1 w-1 v-1
      unique_sessions: 5,
      // planner (60)
      elevated_risk_agents: 1,
      // a4 c1 c2
      pii_tool_events: 3,
      // v1 v3 v5, all ended within their TTL
      credential_leases: 3,
      lease_compliance: 100,
      // v7 v8 v9
      secret_events: 3,
      // a1..a4, b1 b2, c1..c3, v1..v10, u1 u2
      events: 21,
    });
  });

  it('every finding, score and grade', () => {
    expect(findingsOf(report.content)).toEqual({
      'INV-1 inventory-complete': { status: 'warn', evidenceCount: 1 }, // 95.24%: u1
      'INV-2 lease-compliance': { status: 'pass', evidenceCount: 3 },
    });
    // Controls: medium warn 1.5 of 3 + high pass 6 of 6 = 7.5 / 9 = 83.33. Policy coverage 6/6; SLA: the one hold
    // (v10) never answered, 0/1; the 3 policies in use are weeks old; security 2 of 2 settings met.
    // (50·83.33 + 15·100 + 15·0 + 10·100 + 10·100)/100 = 76.67 → 77 (C+).
    expect(scoreFactorsOf(report.content)).toEqual({ controls: 83.33, policy_coverage: 100, sla_compliance: 0, configuration_currency: 100, security_settings: 100 });
    expect({ score: report.content.score, grade: report.content.grade }).toEqual({ score: 77, grade: 'C+' });
  });

  it('agents', () => {
    expect(rowsOf(report.content, 'agents_inventory')).toEqual([
      { agent: 'vault-bot', status: 'active', riskScore: 0, enforcement: 'enforcing (deny/hold)', environments: 'production', events: 9, sessions: 1,
        firstSeen: '2026-10-10T09:00:00.000Z', lastSeen: '2026-10-31T23:55:00.000Z' },
      // First seen before the period (the registry); 1 deny of 2 decisions (+40), 1 failure of 4 events (+20).
      { agent: 'planner', status: 'active', riskScore: 60, enforcement: 'enforcing (deny/hold)', environments: 'production, staging', events: 4, sessions: 2,
        firstSeen: '2026-09-15T00:00:00.000Z', lastSeen: '2026-10-25T00:00:00.000Z' },
      { agent: 'watcher', status: 'active', riskScore: 0, enforcement: 'monitoring (alert only)', environments: 'production', events: 3, sessions: 1,
        firstSeen: '2026-10-26T10:00:00.000Z', lastSeen: '2026-10-28T10:00:00.000Z' },
      { agent: 'scraper', status: 'inactive', riskScore: 20, enforcement: 'allow only', environments: 'production', events: 2, sessions: 1,
        firstSeen: '2026-10-05T10:00:00.000Z', lastSeen: '2026-10-24T23:59:59.000Z' },
    ]);
  });

  it('tools by category (their first tag as sent), with the sorted tags their events carry', () => {
    expect(rowsOf(report.content, 'tools_inventory')).toEqual([
      { category: '(untagged)', tool: 'pager', tags: '', events: 1, agents: 1, deniedOrHeld: 0, firstSeen: '2026-10-28T10:00:00.000Z', lastSeen: '2026-10-28T10:00:00.000Z' },
      { category: 'external', tool: 'web.fetch', tags: 'external, read', events: 4, agents: 2, deniedOrHeld: 0, firstSeen: '2026-10-02T10:00:00.000Z', lastSeen: '2026-10-24T23:59:59.000Z' },
      { category: 'files', tool: 'files.delete', tags: 'files, write', events: 1, agents: 1, deniedOrHeld: 1, firstSeen: '2026-10-03T10:00:00.000Z', lastSeen: '2026-10-03T10:00:00.000Z' },
      { category: 'pii', tool: 'email.send', tags: 'external, pii', events: 2, agents: 1, deniedOrHeld: 0, firstSeen: '2026-10-26T10:00:00.000Z', lastSeen: '2026-10-27T10:00:00.000Z' },
      { category: 'secrets', tool: 'vault', tags: 'secrets', events: 2, agents: 1, deniedOrHeld: 1, firstSeen: '2026-10-18T09:00:00.000Z', lastSeen: '2026-10-19T09:00:00.000Z' },
      { category: 'storage', tool: 'storage.put', tags: 'pii, storage', events: 1, agents: 1, deniedOrHeld: 0, firstSeen: '2026-10-25T00:00:00.000Z', lastSeen: '2026-10-25T00:00:00.000Z' },
    ]);
  });

  it('credentials and environments', () => {
    expect(rowsOf(report.content, 'credentials_inventory')).toEqual([
      // v1 v3 issued, v2 v4 ended, v6 granted, v7 rotated (by a person: no agent)
      { credential: 'db-prod', leasesIssued: 2, leasesEnded: 2, openLeases: 0, grants: 1, lastRotated: '2026-10-16T09:00:00.000Z', agents: 1 },
      // v5 issued; its return (v11) is after the period
      { credential: 'api-key-stripe', leasesIssued: 1, leasesEnded: 0, openLeases: 1, grants: 0, lastRotated: null, agents: 1 },
      { credential: 'vault', leasesIssued: 0, leasesEnded: 0, openLeases: 0, grants: 0, lastRotated: null, agents: 1 },
    ]);
    expect(rowsOf(report.content, 'environments_inventory')).toEqual([
      // policies default, exfil-watch, secrets-guard
      { environment: 'production', agents: 4, policies: 3, events: 19, firstSeen: '2026-10-02T10:00:00.000Z', lastSeen: '2026-10-31T23:55:00.000Z' },
      { environment: 'edge', agents: 0, policies: 0, events: 1, firstSeen: '2026-10-22T12:00:00.000Z', lastSeen: '2026-10-22T12:00:00.000Z' },
      { environment: 'staging', agents: 1, policies: 0, events: 1, firstSeen: '2026-10-20T10:00:00.000Z', lastSeen: '2026-10-20T10:00:00.000Z' },
    ]);
  });
});

/**
 * Events received after the report, with older times: the registries move
 * (an agent's first_seen_at goes back, a tool gains a tag), but the report
 * read only events up to its watermark, so rebuilt at that watermark it says
 * exactly the same; a new report (a later watermark) shows them.
 */
describe('asset_inventory at its watermark, after later events with older times', () => {
  const late: AuditEventInput[] = [
    // Older than planner's a0 (the registry's first-seen time until now).
    { id: 'late-1', occurredAt: '2026-09-01T00:00:00Z', environment: P, agentId: 'planner', sessionId: 'p-00', category: 'tool_call', action: 'tool.invoke', tool: FETCH },
    // In the period, before scraper's b1; web.fetch gains the tag `cached`.
    { id: 'late-2', occurredAt: '2026-10-01T00:00:00Z', environment: P, agentId: 'scraper', sessionId: 's-0', category: 'tool_call', action: 'tool.invoke',
      tool: { name: 'web.fetch', tags: ['external', 'read', 'cached'] } },
  ];
  let rebuilt: Awaited<ReturnType<typeof rebuiltAtWatermark>>;
  let later: FixtureReport;
  beforeAll(async () => {
    await ingestFixture(app, report.adminKey, late);
    rebuilt = await rebuiltAtWatermark(app, report);
    later = await reportOf(app, report, { type: 'asset_inventory', period: { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } });
  });

  it('rebuilt at the first watermark, the content is the same to the byte', () => {
    const row = (c: typeof rebuilt, agent: string) => rowsOf(c, 'agents_inventory').find((r) => r.agent === agent);
    expect(row(rebuilt, 'planner')!.firstSeen).toBe('2026-09-15T00:00:00.000Z');
    expect(row(rebuilt, 'scraper')!.firstSeen).toBe('2026-10-05T10:00:00.000Z');
    expect(rowsOf(rebuilt, 'tools_inventory').find((r) => r.tool === 'web.fetch')!.tags).toBe('external, read');
    expect(rebuilt).toEqual(report.content);
  });

  it('a report at a later watermark reads the late events', () => {
    expect(later.content.watermark).toBeGreaterThan(report.content.watermark);
    const row = (agent: string) => rowsOf(later.content, 'agents_inventory').find((r) => r.agent === agent);
    expect(row('planner')!.firstSeen).toBe('2026-09-01T00:00:00.000Z');
    expect(row('scraper')).toMatchObject({ events: 3, firstSeen: '2026-10-01T00:00:00.000Z' });
    expect(rowsOf(later.content, 'tools_inventory').find((r) => r.tool === 'web.fetch')).toMatchObject({ tags: 'cached, external, read', events: 5 });
  });
});
