/**
 * Reports through the real API and real pg-boss workers: validation, the
 * life of a report, versions, listing, and isolation between organisations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { LifecycleListQuery } from '../client/graphql.ts';
import { randomUUID } from 'node:crypto';
import { reports } from '../src/db/schema.ts';
import { REPORT_QUEUE } from '../src/queue.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { DAY, insertScenario, START } from './support/scenario.ts';

const Generate = graphql(`
  mutation LifecycleGenerate($input: GenerateReportInput!) {
    generateReport(input: $input) { id status type title period { start end } environment agents version createdBy progress { percent stage } }
  }
`);

const Status = graphql(`
  query LifecycleStatus($id: ID!) {
    report(id: $id) {
      id status score grade error version summary startedAt completedAt
      progress { percent stage message }
      previousVersion { id }
      versions { id version }
      integrity { contentSha256 signature signatureKeyId }
    }
  }
`);

const Regenerate = graphql(`
  mutation LifecycleRegenerate($id: ID!) { regenerateReport(id: $id) { id version status } }
`);
const Cancel = graphql(`
  mutation LifecycleCancel($id: ID!) { cancelReport(id: $id) { id status } }
`);
const Delete = graphql(`
  mutation LifecycleDelete($id: ID!) { deleteReport(id: $id) { id } }
`);
const List = graphql(`
  query LifecycleList($filter: ReportFilter, $first: Int, $after: String) {
    reports(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id type status } }
    }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
});
afterAll(() => app.close());

const period = { start: new Date(START).toISOString(), end: new Date(START + 3 * DAY).toISOString() };

async function waitFor(key: string, id: string, done: (s: string) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await app.gql(key, Status, { id });
    const report = r.data?.report;
    if (report && done(report.status)) return report;
    if (Date.now() > deadline) throw new Error(`report ${id} still ${report?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('generateReport', () => {
  let org: Awaited<ReturnType<TestApp['newOrg']>>;
  beforeAll(async () => {
    org = await app.newOrg();
    await insertScenario(app.services.database.sql, app.services.database.db, org.orgId);
  });

  it.each([
    [{ type: 'soc2', period: { start: period.end, end: period.start } }, 'period.start', /period.start must be before period.end/],
    [{ type: 'nope', period }, 'type', /Unknown report type "nope".*soc2/],
    [{ type: 'soc2', period: { start: '2020-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' } }, 'period', /longer than the maximum of 731 days/],
    [{ type: 'soc2', period, agentIds: ['ghost'] }, 'agentIds', /Unknown agent "ghost"/],
    [{ type: 'soc2', period, environment: 'mars' }, 'environment', /environment "mars"/],
    [{ type: 'gdpr_dsar', period }, 'dataSubject', /needs the data subject \(dataSubject\) or the agent \(agentIds\)/],
  ])('refuses bad input %# with BAD_USER_INPUT naming the field', async (input, field, message) => {
    const r = await app.gql(org.adminKey, Generate, { input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors?.[0]?.message).toMatch(message);
  });

  it('returns the report pending, and a worker completes it with a signed hash', async () => {
    const r = await app.gql(org.adminKey, Generate, { input: { type: 'soc2', period, environment: 'production', agentIds: ['agent-1', 'agent-0'] } });
    expect(r.errors).toBeUndefined();
    const created = r.data!.generateReport;
    expect(created).toMatchObject({ status: 'PENDING', type: 'soc2', environment: 'production', agents: ['agent-0', 'agent-1'], version: 1, createdBy: 'admin' });
    const done = await waitFor(org.adminKey, created.id, (s) => s === 'COMPLETED');
    expect(done.progress).toMatchObject({ percent: 100, stage: 'completed' });
    expect(done.score).toBeGreaterThanOrEqual(0);
    expect(done.integrity?.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(done.integrity?.signature).toBeTruthy();
    expect(new Date(done.completedAt!).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt!).getTime());
  });

  it('defaults the period to the last 30 days', async () => {
    const r = await app.gql(org.adminKey, Generate, { input: { type: 'governance' } });
    const p = r.data!.generateReport.period;
    expect(new Date(p.end).getTime() - new Date(p.start).getTime()).toBe(30 * DAY);
    await waitFor(org.adminKey, r.data!.generateReport.id, (s) => s === 'COMPLETED');
  });

  it('regenerates as a linked new version, refusing while one runs', async () => {
    const first = (await app.gql(org.adminKey, Generate, { input: { type: 'soc2', period } })).data!.generateReport;
    const early = await app.gql(org.adminKey, Regenerate, { id: first.id });
    if (early.errors) expect(early.errors[0]!.message).toMatch(/still (pending|generating)/);
    await waitFor(org.adminKey, first.id, (s) => s === 'COMPLETED');
    let second = early.data?.regenerateReport;
    if (second) await waitFor(org.adminKey, second.id, (s) => s === 'COMPLETED');
    const again = (await app.gql(org.adminKey, Regenerate, { id: second?.id ?? first.id })).data!.regenerateReport;
    const last = await waitFor(org.adminKey, again.id, (s) => s === 'COMPLETED');
    expect(last.version).toBe(second ? 3 : 2);
    expect(last.previousVersion?.id).toBe(second?.id ?? first.id);
    expect(last.versions.map((v) => v.version)).toEqual(second ? [1, 2, 3] : [1, 2]);
    const firstDone = await waitFor(org.adminKey, first.id, () => true);
    // Same scope, same events in the period: the same findings and score (the hash differs
    // because the content pins each version's own watermark).
    expect([last.score, last.summary]).toEqual([firstDone.score, firstDone.summary]);
  });

  it('retries a failing job through pg-boss, then fails the report with an error id and no internals', async () => {
    // A type with no framework makes the engine throw on every attempt.
    const id = randomUUID();
    await app.services.database.db.insert(reports).values({
      id, orgId: org.orgId, type: 'withdrawn_framework', title: 'doomed', status: 'pending', periodStart: new Date(START), periodEnd: new Date(START + DAY),
      sampleSeed: 'x', lineageId: id, createdBy: 'test',
    });
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id }, { retryLimit: 1, retryDelay: 1, retryBackoff: false });
    const globalId = Buffer.from(`Report:${id}`).toString('base64');
    const retrying = await waitFor(org.adminKey, globalId, (s) => s !== 'PENDING');
    // The retry falls due after 1 s; workers poll for due retries every few seconds, not every 30.
    const failed = await waitFor(org.adminKey, globalId, (s) => s === 'FAILED', 10_000);
    expect(failed.error).toMatch(/^Generation failed after 2 attempts \(error [0-9a-f]{8}\); the service log has the details\.$/);
    expect(failed.progress).toMatchObject({ stage: 'failed', message: failed.error });
    expect(failed.completedAt).toBeTruthy();
    // Between the attempts the report stayed generating and said it would retry (unless the retry was quicker than our poll).
    if (retrying.status === 'GENERATING' && retrying.progress.message.startsWith('Attempt')) expect(retrying.progress.message).toMatch(/^Attempt 1 failed \(error [0-9a-f]{8}\); retrying$/);
    const [job] = await app.services.database.sql`select state, retry_count from ${app.services.database.sql(app.services.config.JOB_SCHEMA)}.job where name = ${REPORT_QUEUE} and data->>'reportId' = ${id}`;
    // The last attempt ends the job normally: the failure is the report's, told in its error.
    expect(job).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it('cancels a pending report, and refuses to cancel a finished one', async () => {
    // A pending report without a job, so no worker races the cancellation.
    const id = randomUUID();
    await app.services.database.db.insert(reports).values({
      id, orgId: org.orgId, type: 'soc2', title: 'waiting', status: 'pending', periodStart: new Date(START), periodEnd: new Date(START + DAY),
      sampleSeed: 'x', lineageId: id, createdBy: 'test',
    });
    const globalId = Buffer.from(`Report:${id}`).toString('base64');
    const cancelled = await app.gql(org.adminKey, Cancel, { id: globalId });
    expect(cancelled.data?.cancelReport.status).toBe('CANCELLED');
    const twice = await app.gql(org.adminKey, Cancel, { id: globalId });
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0]?.message).toMatch(/this one is cancelled/);
  });

  it('lists with filters and stable pages, and hides deleted reports', async () => {
    const all = await app.gql(org.adminKey, List, { first: 500 });
    const total = all.data!.reports.totalCount;
    expect(total).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: LifecycleListQuery | null } = await app.gql(org.adminKey, List, { first: 2, after });
      seen.push(...page.data!.reports.edges.map((e) => e.node.id));
      after = page.data!.reports.pageInfo.hasNextPage ? page.data!.reports.pageInfo.endCursor! : null;
    } while (after);
    expect(seen).toEqual(all.data!.reports.edges.map((e) => e.node.id));
    const governance = await app.gql(org.adminKey, List, { filter: { type: 'governance' } });
    expect(governance.data!.reports.edges.every((e) => e.node.type === 'governance')).toBe(true);
    const victim = governance.data!.reports.edges[0]!.node.id;
    await app.gql(org.adminKey, Delete, { id: victim });
    expect((await app.gql(org.adminKey, Status, { id: victim })).data?.report).toBeNull();
    expect((await app.gql(org.adminKey, List, { first: 500 })).data!.reports.totalCount).toBe(total - 1);
  });

  it('keeps reports to their organisation and their roles', async () => {
    const mine = (await app.gql(org.adminKey, List, { first: 1 })).data!.reports.edges[0]!.node.id;
    const intruder = await app.newOrg('Intruder');
    expect((await app.gql(intruder.adminKey, Status, { id: mine })).data?.report).toBeNull();
    for (const mutation of [Cancel, Delete, Regenerate] as const) {
      const r = await app.gql(intruder.adminKey, mutation as typeof Cancel, { id: mine });
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const viewer = await org.key('viewer');
    const denied = await app.gql(viewer, Generate, { input: { type: 'soc2' } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(viewer, Status, { id: mine })).data?.report?.id).toBe(mine);
  });
});
