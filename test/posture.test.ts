/**
 * Live posture through the real server, real pg-boss workers and a real
 * WebSocket: an ingest that tips one check sends exactly one change to a
 * subscriber of that organisation and none to another's; an alert rule
 * reaches a local webhook receiver with a valid signature; posture and a
 * report of the same window agree on every check; viewers see statuses and
 * values but not evidence.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '../src/notifications/outbox.ts';
import { evaluatePosture } from '../src/reports/posture.ts';
import { refreshRollups, ROLLUP_LOCK } from '../src/reports/rollups.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { errorCodes, rawGql, readSse } from './support/two-orgs.ts';
import { HOUR, ingestNdjson } from './support/posture.ts';
import { until } from './support/until.ts';

const waitFor = <T>(probe: () => Promise<T> | T, timeoutMs: number) => until(probe as never, 'the posture to catch up', timeoutMs);

let app: TestApp;
let wsUrl: string;
let receiver: Server;
let receiverUrl: string;
const received: Array<{ body: string; signature: string | undefined; event: string | undefined }> = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: req.headers['x-signature-256'] as string | undefined, event: req.headers['x-event'] as string | undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  app = await startTestApp({ jobs: 'work', env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', NOTIFICATION_RETRY_DELAY_SECONDS: '1', PUBLIC_URL: 'https://reports.example.com' } });
  const httpUrl = await app.api.listen(0, '127.0.0.1');
  wsUrl = httpUrl.replace(/^http/, 'ws') + '/graphql';
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => receiver.close(resolve));
});

/** Agent decisions an hour ago; `covered` of them by an explicit policy. */
function decisions(prefix: string, count: number, covered: boolean) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    occurredAt: new Date(Date.now() - HOUR + i * 1000).toISOString(),
    environment: 'production',
    agentId: 'agent-1',
    sessionId: 's-1',
    actor: { type: 'agent', id: 'agent-1' },
    category: 'policy_decision',
    action: 'tool.invoke',
    decision: 'allow',
    tool: { name: 'search', tags: [] },
    ...(covered ? { policyId: 'default', policyVersion: '1' } : {}),
    severity: 'info',
    outcome: 'success',
  }));
}

const ingest = (key: string, events: unknown[]) => ingestNdjson(app, key, events);

const POSTURE = `{ posture { windowDays frameworks { framework score grade watermark window { start end } counts { pass warn fail notApplicable }
  controls { framework controlId checkId status value evidenceCount changedAt } } } }`;

async function posture(key: string) {
  const r = await rawGql(app, key, POSTURE);
  expect(r.errors).toBeUndefined();
  return r.data.posture;
}

/** The posture once its evaluation has read every event stored so far. */
async function settled(key: string, orgId: string) {
  const [max] = await app.services.database.sql`select coalesce(max(seq), 0)::bigint as seq from audit_events where org_id = ${orgId}`;
  let last: any;
  await waitFor(async () => {
    last = await posture(key);
    return last.frameworks.length > 0 && last.frameworks.every((f: any) => f.watermark !== null && f.watermark >= Number(max!.seq) && f.controls.length > 0);
  }, 30_000);
  return last;
}

const statuses = (p: any) => new Map<string, string>(p.frameworks.flatMap((f: any) => f.controls.map((c: any) => [`${f.framework}/${c.checkId}`, c.status])));

function collect(client: Client, query: string) {
  const messages: any[] = [];
  const dispose = client.subscribe({ query }, { next: (m) => messages.push(m), error: (e) => messages.push({ error: e }), complete: () => {} });
  return { messages, dispose };
}

describe('live posture', () => {
  it('an ingest that tips a check sends exactly one change to its organisation and none to another', async () => {
    const a = await app.newOrg('Posture A');
    const b = await app.newOrg('Posture B');
    for (const org of [a, b]) {
      const r = await rawGql(app, org.adminKey, 'mutation { updatePostureSettings(input: { frameworks: ["governance"] }) { windowDays frameworks { framework } } }');
      expect(r.errors).toBeUndefined();
      expect(r.data.updatePostureSettings).toEqual({ windowDays: 30, frameworks: [{ framework: 'governance' }] });
      await ingest(org.adminKey, decisions('base', 40, true));
    }
    const before = await settled(a.adminKey, a.orgId);
    await settled(b.adminKey, b.orgId);
    const gov1 = before.frameworks.find((f: any) => f.framework === 'governance').controls.find((c: any) => c.checkId === 'policy-coverage');
    expect(gov1).toMatchObject({ controlId: 'GOV-1', status: 'PASS', value: 100 });

    const clientA = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${a.adminKey}` }, retryAttempts: 0, lazy: true });
    const clientB = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${b.adminKey}` }, retryAttempts: 0, lazy: true });
    const query = 'subscription { postureChanges { framework controlId checkId from to value threshold { direction pass warn } evidenceUrl tippingEvent { id } } }';
    const subA = collect(clientA, query);
    const subB = collect(clientB, query);
    await waitFor(() => app.services.posture.subscriberCount === 2, 5_000);

    // 40 covered of 45 decisions: 88.9% — from PASS (≥ 95) to WARN (≥ 80).
    await ingest(a.adminKey, decisions('uncovered', 5, false));
    const after = await settled(a.adminKey, a.orgId);
    await waitFor(() => subA.messages.length >= 1, 10_000);
    // Another evaluation of each organisation, with nothing new: still nothing more for either.
    await rawGql(app, a.adminKey, 'mutation { updatePostureSettings(input: { windowDays: 30 }) { windowDays } }');
    await rawGql(app, b.adminKey, 'mutation { updatePostureSettings(input: { windowDays: 30 }) { windowDays } }');
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    const changed = [...statuses(after)].filter(([k, s]) => statuses(before).get(k) !== s);
    expect(changed).toEqual([['governance/policy-coverage', 'WARN']]);
    expect(subA.messages).toHaveLength(1);
    const change = subA.messages[0].data.postureChanges;
    expect(change).toMatchObject({ framework: 'governance', controlId: 'GOV-1', checkId: 'policy-coverage', from: 'PASS', to: 'WARN', threshold: { direction: 'min', pass: 95, warn: 80 } });
    expect(change.value).toBeCloseTo((40 / 45) * 100, 1);
    expect(change.evidenceUrl).toBe('https://reports.example.com/#/posture/governance/GOV-1/policy-coverage');
    // The tipping event: the newest uncovered decision of the ingest.
    expect(Buffer.from(change.tippingEvent.id, 'base64').toString()).toMatch(/^AuditEvent:/);
    const [tipping] = await app.services.database.sql`select client_id from audit_events where org_id = ${a.orgId} and seq = ${Number(Buffer.from(change.tippingEvent.id, 'base64').toString().split(':')[1])}`;
    expect(tipping!.client_id).toBe('uncovered-4');
    expect(subB.messages).toEqual([]);

    subA.dispose();
    subB.dispose();
    await clientA.dispose();
    await clientB.dispose();

    // The same change over SSE for a viewer: statuses and values, but the tipping event needs evidence:read.
    const viewer = await a.key('viewer');
    const sse = readSse(app, viewer, 'subscription { postureChanges { checkId from to value } }', {}, { until: (t) => t.includes('"to"'), timeoutMs: 20_000 });
    await waitFor(() => app.services.posture.subscriberCount === 1, 5_000);
    await ingest(a.adminKey, decisions('more-uncovered', 10, false)); // 40 of 55: 72.7%, FAIL
    expect(await sse).toContain('"checkId":"policy-coverage","from":"WARN","to":"FAIL"');
  });

  it('an alert rule sends one signed webhook per evaluation, grouping the checks that changed at once', async () => {
    const org = await app.newOrg('Posture alerts');
    const set = await rawGql(app, org.adminKey, 'mutation($r: [PostureAlertRuleInput!]) { updatePostureSettings(input: { frameworks: ["governance"], alertRules: $r }) { alertRules { on webhooks } } }', {
      r: [{ on: 'FAIL', webhooks: [receiverUrl] }],
    });
    expect(set.errors).toBeUndefined();
    await ingest(org.adminKey, decisions('base', 20, true));
    await settled(org.adminKey, org.orgId);
    const start = received.length;
    await ingest(org.adminKey, decisions('uncovered', 20, false)); // 50%: FAIL
    await settled(org.adminKey, org.orgId);
    await waitFor(() => received.length > start, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const mine = received.slice(start).filter((r) => r.body.includes('policy-coverage'));
    expect(mine).toHaveLength(1);
    const [secret] = await app.services.database.sql`select webhook_secret from organizations where id = ${org.orgId}`;
    expect(mine[0]!.signature).toBe(webhookSignature(secret!.webhook_secret, mine[0]!.body));
    expect(mine[0]!.event).toBe('posture.changed');
    const body = JSON.parse(mine[0]!.body);
    expect(body.event).toBe('posture.changed');
    const item = body.changes.find((c: any) => c.checkId === 'policy-coverage');
    expect(item).toMatchObject({ framework: 'governance', controlId: 'GOV-1', to: 'fail', value: 50, evidenceUrl: 'https://reports.example.com/#/posture/governance/GOV-1/policy-coverage' });
    // Every change in the message turned FAIL, and each appears once.
    expect(body.changes.every((c: any) => c.to === 'fail')).toBe(true);
    expect(new Set(body.changes.map((c: any) => c.checkId)).size).toBe(body.changes.length);
  });

  it('posture and a report of the same window agree on every check, and the history has today', async () => {
    const org = await app.newOrg('Posture agreement');
    const events = [
      ...decisions('cov', 30, true),
      ...decisions('unc', 3, false),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `inj-${i}`, occurredAt: new Date(Date.now() - 2 * HOUR + i * 1000).toISOString(), agentId: 'agent-2', category: 'injection', action: 'injection.detected', severity: 'high', outcome: 'success' })),
      // Older events, days back inside the window, read from the rollups.
      ...Array.from({ length: 12 }, (_, i) => ({ ...decisions(`old-${i}`, 1, i % 3 !== 0)[0], occurredAt: new Date(Date.now() - (i + 2) * 24 * HOUR).toISOString(), decision: i % 4 ? 'allow' : 'deny' })),
    ];
    await ingest(org.adminKey, events);
    const now = await settled(org.adminKey, org.orgId);
    expect(now.frameworks.map((f: any) => f.framework)).toEqual(['soc2', 'governance']);
    for (const f of now.frameworks) {
      const generated = await rawGql(app, org.adminKey, 'mutation($i: GenerateReportInput!) { generateReport(input: $i) { id } }', { i: { type: f.framework, period: f.window } });
      expect(generated.errors).toBeUndefined();
      const id = generated.data.generateReport.id;
      let report: any;
      await waitFor(async () => {
        report = (await rawGql(app, org.adminKey, 'query($id: ID!) { report(id: $id) { status score grade integrity { watermark } findings(first: 200) { edges { node { status value evidenceCount control { id } title } } } } }', { id })).data.report;
        return report.status === 'COMPLETED' || report.status === 'FAILED';
      }, 60_000);
      expect(report.status).toBe('COMPLETED');
      // Requesting the report recorded audit events of its own: evaluate the posture again at the report's watermark.
      await evaluatePosture(app.services, org.orgId, { upto: report.integrity.watermark });
      const again = (await posture(org.adminKey)).frameworks.find((x: any) => x.framework === f.framework);
      expect(again.watermark).toBe(report.integrity.watermark);
      expect(again.window).toEqual(f.window);
      Object.assign(f, again);
      const findings = report.findings.edges.map((e: any) => e.node);
      expect(findings.length).toBe(f.controls.length);
      expect(findings.length).toBeGreaterThan(3);
      const postureRows = [...f.controls].map((c: any) => ({ control: c.controlId, status: c.status, value: c.value, evidenceCount: c.evidenceCount })).sort((x: any, y: any) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      const reportRows = findings.map((n: any) => ({ control: n.control.id, status: n.status, value: n.value, evidenceCount: n.evidenceCount })).sort((x: any, y: any) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      expect(postureRows).toEqual(reportRows);
      expect(f.score).toBe(report.score);
      expect(f.grade).toBe(report.grade);
      // Not every check agrees trivially: the events make some fail or warn.
      expect(f.controls.some((c: any) => c.status === 'FAIL' || c.status === 'WARN')).toBe(true);
    }
    const history = await rawGql(app, org.adminKey, '{ posture { frameworks { framework score counts { fail } history(days: 7) { day score counts { pass warn fail notApplicable } } } } }');
    for (const f of history.data.posture.frameworks) {
      expect(f.history.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), score: f.score, counts: { fail: f.counts.fail } });
    }
  });

  it('an evaluation does not wait for a rollup refresh in progress: it reads the events not rolled up from the trail', async () => {
    const org = await app.newOrg('Posture beside a refresh');
    const r = await rawGql(app, org.adminKey, 'mutation { updatePostureSettings(input: { frameworks: ["governance"] }) { windowDays } }');
    expect(r.errors).toBeUndefined();
    await ingest(org.adminKey, decisions('rolled', 40, true));
    await settled(org.adminKey, org.orgId);
    const { sql } = app.services.database;
    const boundary = async () => Number((await sql`select coalesce(max(upto), 0)::bigint as upto from event_rollup_batches where org_id = ${org.orgId}`)[0]!.upto);
    const rolled = await boundary();
    // A refresh of the organisation in progress (the job after ingest, a report's) holds its rollup lock until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const refresh = sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${ROLLUP_LOCK}, hashtext(${org.orgId}))`;
      locked();
      await released;
    });
    try {
      await holding;
      // 40 covered of 50: 80%, WARN: the evaluation after this ingest reads the 10 from the trail.
      await ingest(org.adminKey, decisions('tail', 10, false));
      const during = await settled(org.adminKey, org.orgId);
      expect(await boundary()).toBe(rolled);
      const coverage = during.frameworks[0].controls.find((c: any) => c.checkId === 'policy-coverage');
      expect(coverage).toMatchObject({ status: 'WARN', value: 80 });
      release();
      await refresh;
      // Rolled up, the same events say the same. The job after ingest may be the refresh that takes the lock
      // first (the evaluation then skips its own): wait for whichever refresh that is.
      await refreshRollups(sql, org.orgId, { upto: during.frameworks[0].watermark, merge: false });
      const again = await evaluatePosture(app.services, org.orgId, { upto: during.frameworks[0].watermark });
      expect(again.changes).toEqual([]);
      expect(await boundary()).toBeGreaterThan(rolled);
    } finally {
      release();
      await refresh;
    }
  });

  it('viewers see statuses and values; evidence needs auditor or admin', async () => {
    const org = await app.newOrg('Posture roles');
    await ingest(org.adminKey, [...decisions('cov', 10, true), ...decisions('unc', 10, false)]);
    await settled(org.adminKey, org.orgId);
    const viewer = await org.key('viewer');
    const auditor = await org.key('auditor');
    const q = 'query($f: String!, $c: String!) { postureControl(framework: $f, controlId: "GOV-1", checkId: $c) { status value evidenceCount evidence(first: 5) { totalCount edges { node { id } } } } }';
    const vars = { f: 'governance', c: 'policy-coverage' };
    const asViewer = await rawGql(app, viewer, q, vars);
    expect(errorCodes(asViewer)).toEqual(['FORBIDDEN']);
    const statusOnly = await rawGql(app, viewer, 'query($f: String!, $c: String!) { postureControl(framework: $f, controlId: "GOV-1", checkId: $c) { status value evidenceCount } }', vars);
    expect(statusOnly.data.postureControl).toEqual({ status: 'FAIL', value: 50, evidenceCount: 10 });
    const asAuditor = await rawGql(app, auditor, q, vars);
    expect(asAuditor.errors).toBeUndefined();
    expect(asAuditor.data.postureControl.evidence.totalCount).toBe(10);
    expect(asAuditor.data.postureControl.evidence.edges).toHaveLength(5);
    // Settings are the admin's.
    expect(errorCodes(await rawGql(app, auditor, 'mutation { updatePostureSettings(input: { windowDays: 7 }) { windowDays } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await rawGql(app, viewer, '{ posture { alertRules { on } } }'))).toEqual(['FORBIDDEN']);
  });

  it("a framework's first evaluation sets its baseline and announces no change", async () => {
    const org = await app.newOrg('Posture baseline');
    await ingest(org.adminKey, decisions('base', 20, true));
    const first = await settled(org.adminKey, org.orgId);
    const { sql } = app.services.database;
    const changes = async () => sql`select from_status, to_status from posture_changes where org_id = ${org.orgId}`;
    // However many evaluations ran, none announced a check coming from nothing: each was its framework's baseline or a real move.
    expect((await changes()).filter((c) => c.from_status === null || c.from_status === c.to_status)).toEqual([]);
    const stored = (await changes()).length;
    // As if the frameworks were just followed: their next evaluation is a baseline again.
    await sql`delete from posture_frameworks where org_id = ${org.orgId}`;
    await sql`delete from posture_controls where org_id = ${org.orgId}`;
    const result = await evaluatePosture(app.services, org.orgId);
    expect(result.changes).toEqual([]);
    expect(await changes()).toHaveLength(stored);
    expect(statuses(await settled(org.adminKey, org.orgId))).toEqual(statuses(first));
  });

  it('refuses bad settings with the field at fault', async () => {
    const org = await app.newOrg('Posture settings');
    const bad = async (input: string) => (await rawGql(app, org.adminKey, `mutation { updatePostureSettings(input: ${input}) { windowDays } }`)).errors?.[0]?.extensions;
    expect(await bad('{ frameworks: ["soc2", "nope"] }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'frameworks.1' });
    expect(await bad('{ frameworks: ["gdpr_dsar"] }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'frameworks.0' });
    expect(await bad('{ windowDays: 0 }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowDays' });
    expect(await bad('{ alertRules: [{ on: FAIL, webhooks: ["http://10.0.0.1/x"] }] }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'alertRules.0.webhooks.0' });
    expect(await bad('{ alertRules: [{ on: CHANGE }] }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'alertRules.0.webhooks' });
  });
});

describe('history', () => {
  it('the executive summary shows the daily snapshots of finished days', async () => {
    const org = await app.newOrg('Posture history');
    await ingest(org.adminKey, [...decisions('cov', 10, true), ...decisions('unc', 2, false)]);
    await settled(org.adminKey, org.orgId);
    // Yesterday's snapshot, as the evaluations of yesterday would have left it (the window then ended at today's midnight).
    const yesterday = new Date(Date.now() - 24 * HOUR);
    await evaluatePosture(app.services, org.orgId, { now: yesterday });
    const history = (await rawGql(app, org.adminKey, '{ posture { frameworks { framework history(days: 3) { day score grade counts { pass warn fail notApplicable } } } } }')).data.posture.frameworks;
    const day = yesterday.toISOString().slice(0, 10);
    const expected = history.flatMap((f: any) => f.history.filter((h: any) => h.day === day).map((h: any) => [h.day, f.framework, h.score, h.grade, h.counts.fail, h.counts.warn, h.counts.pass, h.counts.notApplicable]));
    expect(expected).toHaveLength(2);

    const generated = await rawGql(app, org.adminKey, 'mutation($i: GenerateReportInput!) { generateReport(input: $i) { id } }', { i: { type: 'executive_summary' } });
    const id = generated.data.generateReport.id;
    let report: any;
    await waitFor(async () => {
      report = (await rawGql(app, org.adminKey, 'query($id: ID!) { report(id: $id) { status error sections { tables { id rows } } } }', { id })).data.report;
      return report.status === 'COMPLETED' || report.status === 'FAILED';
    }, 60_000);
    expect(report.error ?? report.status).toBe('COMPLETED');
    const table = report.sections.flatMap((s: any) => s.tables).find((t: any) => t.id === 'posture_trend');
    // Today's snapshot is not finished: only yesterday's rows, one per framework, as the history serves them.
    expect(table.rows).toEqual([...expected].sort((a: any, b: any) => String(a[1]).localeCompare(String(b[1]))));
  }, 120_000);
});
