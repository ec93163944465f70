/**
 * Audit summary over a hand-written trail (October 2026): people's
 * administrative and configuration changes with their approvals, and the
 * reporting service's own trail. Metrics, findings, every table row, score
 * and grade were counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, type FixtureReport, scoreFactorsOf } from '../support/report-fixture.ts';
import { events } from './data/audit-summary.ts';

let app: TestApp;
let report: FixtureReport;
beforeAll(async () => {
  app = await startTestApp();
  report = await reportFromFixture(app, events, { type: 'audit_summary', period: { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } });
});
afterAll(() => app.close());

describe('audit_summary fixture', () => {
  it('every metric', () => {
    expect(metricsOf(report.content)).toEqual({
      // p1..p5 (admin), p7 p8 p12 p13 (config_change), all by users; p6 has no actor, m1 m2 are an agent's and a
      // system actor's, s1..s5 the service's; p9 p10 are credential events
      people_admin_changes: 9,
      // Of the people's changes and those without an actor (p6): 9 of 10 name their actor
      admin_attribution_rate: 90,
      // p2 p3 p4
      privileged_role_changes: 3,
      // p3's approval was denied: 2 of 3
      role_change_approval_rate: 66.67,
      // p5 p6
      access_removals: 2,
      // p7 p8 p9 p12 p13
      config_changes: 5,
      // all but p8 (requested, never granted)
      config_change_approval_rate: 80,
      // p9 p10
      secret_events: 2,
      // s1..s5 (o2 is at the period end)
      service_actions: 5,
    });
  });

  it('every finding, score and grade', () => {
    expect(findingsOf(report.content)).toEqual({
      'AUD-1 admin-attribution': { status: 'fail', evidenceCount: 1 }, // 90 < 95: p6
      'AUD-2 role-changes-approved': { status: 'fail', evidenceCount: 1 }, // 66.67 < 90: p3
      'AUD-3 changes-approved': { status: 'warn', evidenceCount: 1 }, // 80, the warn bound: p8
    });
    // Controls: medium fail 0/3, high fail 0/6, medium warn 1.5/3: 1.5 / 12 = 12.5. Policy coverage 1/1; SLA: ap6
    // never answered, 0/1; one recent policy; security 2 of 2 settings met.
    // (50·12.5 + 15·100 + 15·0 + 10·100 + 10·100)/100 = 41.25 → 41.
    expect(scoreFactorsOf(report.content)).toEqual({ controls: 12.5, policy_coverage: 100, sla_compliance: 0, configuration_currency: 100, security_settings: 100 });
    expect({ score: report.content.score, grade: report.content.grade }).toEqual({ score: 41, grade: 'F' });
  });

  it('administrative actions, actors and the service trail', () => {
    const c = report.content;
    const at = (day: string, hour = '09') => `2026-10-${day}T${hour}:00:00.000Z`;
    expect(rowsOf(c, 'admin_actions')).toEqual([
      { category: 'admin', action: 'role.changed', actorType: 'user', events: 3, actors: 2, first: at('03'), last: at('05') },
      { category: 'admin', action: 'report.generated', actorType: 'service', events: 2, actors: 1, first: at('15', '10'), last: at('16', '10') },
      { category: 'config_change', action: 'policy.updated', actorType: 'user', events: 2, actors: 1, first: at('08'), last: at('14') },
      { category: 'admin', action: 'access.revoked', actorType: '(none)', events: 1, actors: 0, first: at('07'), last: at('07') },
      { category: 'admin', action: 'api_key.created', actorType: 'service', events: 1, actors: 1, first: at('19', '10'), last: at('19', '10') },
      { category: 'admin', action: 'report.downloaded', actorType: 'service', events: 1, actors: 1, first: at('17', '10'), last: at('17', '10') },
      { category: 'admin', action: 'share_link.used', actorType: 'service', events: 1, actors: 1, first: at('18', '10'), last: at('18', '10') },
      { category: 'admin', action: 'user.created', actorType: 'user', events: 1, actors: 1, first: at('02'), last: at('02') },
      { category: 'admin', action: 'user.deleted', actorType: 'user', events: 1, actors: 1, first: at('06'), last: at('06') },
      { category: 'admin', action: 'user.suspended', actorType: 'system', events: 1, actors: 1, first: at('22'), last: at('22') },
      { category: 'admin', action: 'webhook.created', actorType: 'agent', events: 1, actors: 1, first: at('21'), last: at('21') },
      { category: 'config_change', action: 'dlp_rule.updated', actorType: 'user', events: 1, actors: 1, first: at('09'), last: at('09') },
      { category: 'config_change', action: 'system.setting.updated', actorType: 'user', events: 1, actors: 1, first: at('13'), last: at('13') },
      { category: 'credential', action: 'secret.accessed', actorType: 'agent', events: 1, actors: 1, first: at('11'), last: at('11') },
      { category: 'credential', action: 'secret.rotated', actorType: 'user', events: 1, actors: 1, first: at('10'), last: at('10') },
    ]);
    expect(rowsOf(c, 'admin_actors')).toEqual([
      { actor: 'u-ops', actorType: 'user', changes: 5, actions: 'dlp_rule.updated, policy.updated, role.changed, system.setting.updated', first: at('04'), last: at('14') },
      // Named by email; p9 (a credential event) is not among its changes.
      { actor: 'admin@example.com', actorType: 'user', changes: 4, actions: 'role.changed, user.created, user.deleted', first: at('02'), last: at('06') },
      // No actor: may have been a person's (the unattributed change AUD-1 flags). Not deploy-bot (m1) nor idp-sync (m2).
      { actor: '(unknown)', actorType: '(none)', changes: 1, actions: 'access.revoked', first: at('07'), last: at('07') },
    ]);
    expect(rowsOf(c, 'service_actions')).toEqual([
      { action: 'report.generated', events: 2, first: at('15', '10'), last: at('16', '10') },
      { action: 'api_key.created', events: 1, first: at('19', '10'), last: at('19', '10') },
      { action: 'report.downloaded', events: 1, first: at('17', '10'), last: at('17', '10') },
      { action: 'share_link.used', events: 1, first: at('18', '10'), last: at('18', '10') },
    ]);
  });
});
