/**
 * Notifications through real pg-boss workers: signed webhooks to a local
 * receiver, retries with backoff and the delivery log, and e-mail kept in
 * the outbox while SMTP is unreachable.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { notifications } from '../src/db/schema.ts';
import { deliverNotification } from '../src/jobs/notification-worker.ts';
import { notifyReportFinished, webhookSignature } from '../src/notifications/outbox.ts';
import { guardedLookup } from '../src/notifications/webhook-target.ts';
import { registerDeliveryJobs } from '../src/jobs/recurring.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';

const Create = graphql(`
  mutation NotifySchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }
`);
const RunNow = graphql(`
  mutation NotifyRunNow($id: ID!) { runScheduleNow(id: $id) { id } }
`);
const Status = graphql(`
  query NotifyReport($id: ID!) { report(id: $id) { id status score grade } }
`);
const Secret = graphql(`
  query NotifySecret { viewer { organization { webhookSecret } } }
`);
const OrgNotify = graphql(`
  mutation OrgNotify($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays notify { webhooks emails } } }
`);
const Generate = graphql(`
  mutation NotifyGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }
`);
const Outbox = graphql(`
  query NotifyOutbox($first: Int) {
    notifications(first: $first) { totalCount edges { node { id channel target event status attempts responseStatus lastError body subject report { id } } } }
  }
`);

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver on 127.0.0.1:0 that answers `statuses` in turn (the last one from then on). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    jobs: 'work',
    // The local receivers are on 127.0.0.1 over plain http: trusted here, as an operator would list an internal receiver.
    env: { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`, NOTIFICATION_RETRY_LIMIT: '2', NOTIFICATION_RETRY_DELAY_SECONDS: '1', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
  });
  await registerDeliveryJobs(app.services.queue!, app.services, { cron: false });
});
afterAll(() => app.close());

it('delivers signed webhooks, retries a failing receiver with backoff, logs every attempt, and keeps e-mail in the outbox while SMTP is down', async () => {
  const { adminKey } = await app.newOrg('Notifications');
  const good = await receiver([204]);
  const flaky = await receiver([500, 200]);
  const broken = await receiver([503]);
  try {
    const schedule = await app.gql(adminKey, Create, {
      input: { type: 'soc2', frequency: 'WEEKLY', titleTemplate: 'Weekly {start}', notify: { webhooks: [good.url, flaky.url, broken.url], emails: ['auditor@example.com'] } },
    });
    expect(schedule.errors).toBeUndefined();
    const reportId = (await app.gql(adminKey, RunNow, { id: schedule.data!.createSchedule.id })).data!.runScheduleNow.id;
    const report = await until(async () => {
      const r = (await app.gql(adminKey, Status, { id: reportId })).data?.report;
      return r?.status === 'COMPLETED' ? r : undefined;
    }, 'the report to complete');

    // The report-finished job writes the outbox rows; this call races it (the job may not have run
    // yet), and whichever comes second adds nothing: one row per recipient either way.
    const id = Buffer.from(reportId, 'base64').toString('utf8').slice('Report:'.length);
    await notifyReportFinished(app.services, id);
    const rows = await app.services.database.db.select().from(notifications).where(eq(notifications.reportId, id));
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'webhook', 'webhook', 'webhook']);
    expect(await notifyReportFinished(app.services, id)).toEqual([]);

    const [delivery] = await until(() => (good.received.length ? good.received : undefined), 'the webhook');
    const secret = (await app.gql(adminKey, Secret)).data!.viewer.organization.webhookSecret;
    expect(delivery!.headers['x-signature-256']).toBe(webhookSignature(secret, delivery!.body));
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(delivery!.body)).toEqual({
      event: 'report.completed',
      report: { id: reportId, type: 'soc2', title: expect.stringMatching(/^Weekly \d{4}-\d{2}-\d{2}$/), status: 'completed', score: report.score, grade: report.grade, period: { start: expect.any(String), end: expect.any(String) }, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/reports\/[0-9a-f-]{36}\/download\?format=pdf$/) },
    });

    const byTarget = async (target: string) => (await app.services.database.db.select().from(notifications).where(eq(notifications.target, target)))[0]!;
    const flakyRow = await until(async () => {
      const row = await byTarget(flaky.url);
      return row.status === 'delivered' ? row : undefined;
    }, 'the flaky receiver to be retried');
    expect(flaky.received).toHaveLength(2);
    expect(flakyRow).toMatchObject({ attempts: 2, responseStatus: 200, lastError: null });
    // The retry is the same signed body.
    expect(flaky.received[1]!.body).toBe(flaky.received[0]!.body);

    const brokenRow = await until(async () => {
      const row = await byTarget(broken.url);
      return row.status === 'failed' ? row : undefined;
    }, 'the broken receiver to exhaust its retries');
    expect(broken.received).toHaveLength(3);
    expect(brokenRow).toMatchObject({ attempts: 3, responseStatus: 503, lastError: 'receiver answered HTTP 503' });

    const email = await until(async () => {
      const row = await byTarget('auditor@example.com');
      return row.attempts >= 1 && row.lastError ? row : undefined;
    }, 'an e-mail attempt');
    expect(email.status).not.toBe('delivered');
    expect(email.lastError).toMatch(/ECONNREFUSED|connect/i);

    const outbox = (await app.gql(adminKey, Outbox, { first: 10 })).data!.notifications;
    expect(outbox.totalCount).toBe(4);
    const mail = outbox.edges.map((e) => e.node).find((n) => n.channel === 'EMAIL')!;
    expect(mail).toMatchObject({ target: 'auditor@example.com', event: 'report.completed', report: { id: reportId } });
    expect(['PENDING', 'FAILED']).toContain(mail.status);
    expect(mail.subject).toContain('Report completed');
    expect(mail.body).toContain('Score:');
  } finally {
    await Promise.all([good.close(), flaky.close(), broken.close()]);
  }
}, 90_000);

it('tells the organisation\'s own recipients about every report, scheduled or not, failed or completed', async () => {
  const { adminKey } = await app.newOrg('Org-wide notifications');
  const hook = await receiver([200]);
  try {
    const set = await app.gql(adminKey, OrgNotify, { input: { notify: { webhooks: [hook.url], emails: ['ciso@example.com'] } } });
    expect(set.data!.updateOrganizationSettings).toEqual({ retentionDays: 90, notify: { webhooks: [hook.url], emails: ['ciso@example.com'] } });
    // Changing the retention alone keeps the recipients.
    const kept = await app.gql(adminKey, OrgNotify, { input: { retentionDays: 60 } });
    expect(kept.data!.updateOrganizationSettings.notify).toEqual({ webhooks: [hook.url], emails: ['ciso@example.com'] });

    const generated = await app.gql(adminKey, Generate, { input: { type: 'soc2' } });
    const reportId = generated.data!.generateReport.id;
    const [delivery] = await until(() => (hook.received.length ? hook.received : undefined), 'the org-wide webhook');
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'report.completed', report: { id: reportId, type: 'soc2', status: 'completed' } });
    const outbox = (await app.gql(adminKey, Outbox, { first: 10 })).data!.notifications.edges.map((e) => e.node);
    expect(outbox.map((n) => `${n.channel} ${n.target}`).sort()).toEqual([`EMAIL ciso@example.com`, `WEBHOOK ${hook.url}`]);
    expect(outbox.find((n) => n.channel === 'EMAIL')!.body).toMatch(/^The report /);
  } finally {
    await hook.close();
  }
}, 60_000);

it('refuses webhooks into private networks: at save time by URL, at delivery time by the addresses the host resolves to', async () => {
  const { adminKey, orgId } = await app.newOrg('SSRF');
  const refused = async (webhook: string, why: RegExp) => {
    const r = await app.gql(adminKey, OrgNotify, { input: { notify: { webhooks: [webhook] } } });
    expect(r.errors?.[0]?.extensions?.code, webhook).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message, webhook).toMatch(why);
    const schedule = await app.gql(adminKey, Create, { input: { type: 'soc2', frequency: 'WEEKLY', notify: { webhooks: [webhook] } } });
    expect(schedule.errors?.[0]?.extensions?.code, webhook).toBe('BAD_USER_INPUT');
  };
  await refused('http://hooks.example.com/x', /must use https/);
  await refused('https://169.254.169.254/latest/meta-data/', /private network/);
  await refused('https://10.1.2.3/hook', /private network/);
  await refused('https://[::1]:8443/hook', /private network/);
  await refused('https://[::ffff:192.168.0.1]/hook', /private network/);
  await refused('https://localhost:8443/hook', /private network/);
  await refused('https://user:pw@hooks.example.com/x', /credentials/);
  await refused('http://127.0.0.2:9/x', /must use https/);
  // A trusted host (WEBHOOK_ALLOWED_HOSTS=127.0.0.1) may use http and a private address.
  const ok = await app.gql(adminKey, OrgNotify, { input: { notify: { webhooks: ['http://127.0.0.1:9/hook', 'https://hooks.example.com/x'] } } });
  expect(ok.errors).toBeUndefined();

  // At delivery the rules apply again: a row saved before them (here written directly) is refused,
  // and its failure is in the delivery log.
  const [row] = await app.services.database.db
    .insert(notifications)
    .values({ orgId, channel: 'webhook', target: 'https://169.254.169.254/latest/meta-data/', event: 'report.completed', body: '{}' })
    .returning();
  await deliverNotification(app.services, { id: 'direct', name: 'notification', data: { notificationId: row!.id, orgId }, retryCount: 0, retryLimit: 0 } as never);
  const [after] = await app.services.database.db.select().from(notifications).where(eq(notifications.id, row!.id));
  expect(after).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^refused: .*private network/) });

  // The connection's own DNS lookup: every address a name resolves to is checked, and the
  // connection uses exactly the addresses checked (no second lookup a rebinding DNS could answer).
  const viaGuard = (host: string, allowed: string[]) =>
    new Promise<string>((resolve) => guardedLookup(allowed)(host, {}, (error, address) => resolve(error ? error.message : String(address))));
  expect(await viaGuard('localhost', ['127.0.0.1'])).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private address/);
  expect(await viaGuard('localhost', ['localhost'])).toMatch(/^(127\.0\.0\.1|::1)$/);
});
