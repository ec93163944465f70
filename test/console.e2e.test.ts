/**
 * The web console in a real Chromium (playwright-core) against the real
 * server, an in-process pg-boss worker and PostgreSQL: sign-in, a SOC 2 report
 * generated from the form with its progress streamed live, a failing finding's
 * evidence paged, the PDF downloaded. Screenshots go to .artifacts/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash, createPublicKey } from 'node:crypto';
import { graphql } from '../client/gql.ts';
import { DEMO_USERS } from '../src/demo/catalog.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { ingestRecords } from '../src/events/ingest.ts';
import { chromiumExecutable } from '../src/render/pdf.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const SHOTS = path.resolve('.artifacts/screenshots');
const HOSTILE = '<img src=x onerror=alert(1)>';
/** A person who asked for approvals: the pseudonymised auditor view must not name them. */
const PERSON = { id: 'auditee-person-7', email: 'pat.person@example.com' };
const PEOPLE = [PERSON.id, PERSON.email, ...DEMO_USERS.flatMap((u) => [u.id, u.email])];

/** Screenshots of a screen (or of one part of it) at laptop and at phone width. */
async function shoot(page: Page, name: string, part?: string) {
  const size = page.viewportSize()!;
  const take = (file: string) => (part ? page.locator(part).screenshot({ path: path.join(SHOTS, file) }) : page.screenshot({ path: path.join(SHOTS, file), fullPage: true }));
  await take(`${name}.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  await take(`${name}-phone.png`);
  await page.setViewportSize(size);
}

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let adminKey: string;
const contexts: BrowserContext[] = [];
const failedRequests: string[] = [];

// A browser on a busy machine: every poll of this file may wait up to 15 s (the default is 1 s).
vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 50 } } });

beforeAll(async () => {
  // A pause per progress step, so the bar visibly streams through its stages. Only known documents run:
  // the console must work on a server that refuses ad-hoc GraphQL (PERSISTED_DOCUMENTS=only).
  app = await startTestApp({ jobs: 'work', env: { REPORT_STEP_DELAY_MS: '250', PERSISTED_DOCUMENTS: 'only' } });
  baseUrl = await app.api.listen(0, '127.0.0.1');
  const org = await app.newOrg('Console org');
  adminKey = org.adminKey;
  const [, executablePath] = await Promise.all([
    seedDemoData(app.services, org.orgId, { events: 4_000, seed: 11 }),
    chromiumExecutable({ CHROMIUM_PATH: process.env.CHROMIUM_PATH }),
  ]);
  // Approval requests nobody answered (a failing finding with pages of evidence), from an agent
  // whose name and tool are markup: the console must show them as text.
  await ingestRecords(
    app.services.database,
    org.orgId,
    Array.from({ length: 45 }, (_, i) => ({
      line: i + 1,
      event: {
        occurredAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
        category: 'approval',
        action: 'approval.requested',
        id: `console-unanswered-${i}`,
        correlationId: `console-unanswered-${i}`,
        agentId: HOSTILE,
        actor: { type: 'user', id: PERSON.id, email: PERSON.email },
        tool: { name: HOSTILE, tags: ['pii'] },
      },
    })),
  );
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

/** A fresh context whose page fails the test on any script dialog (an executed payload would open one). */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  // Records every value the progress bar shows, from before the app's own script runs.
  await context.addInitScript(() => {
    const seen: Array<{ now: string | null; text: string | null }> = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    // Whether "Cancel report" is on screen once the bar shows 100 %, and every text of the connection status.
    const cancelAt100: boolean[] = [];
    const conn: string[] = [];
    Object.assign(window, { __cancelAt100: cancelAt100, __conn: conn });
    const record = (el: Element) => {
      seen.push({ now: el.getAttribute('aria-valuenow'), text: el.getAttribute('aria-valuetext') });
      if (el.getAttribute('aria-valuenow') === '100') {
        setTimeout(() => {
          const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel report');
          cancelAt100.push(Boolean(cancel && cancel.getClientRects().length));
        }, 50);
      }
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes' && m.target instanceof Element && m.target.getAttribute('role') === 'progressbar') record(m.target);
        for (const node of m.addedNodes) if (node instanceof Element) node.querySelectorAll('[role=progressbar]').forEach(record);
        const target = m.target instanceof Element ? m.target : m.target.parentElement;
        if (target?.classList.contains('conn') && conn.at(-1) !== target.textContent) conn.push(target.textContent ?? '');
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  // Any request the page makes that fails (a missing favicon included) fails the test that made it.
  page.on('response', (response) => {
    if (response.status() === 404) failedRequests.push(response.url());
  });
  return page;
}

async function signIn(page: Page, key: string, query = '') {
  await page.goto(`${baseUrl}/${query}`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The report as the API gives it: the numbers every chart must show. */
const ApiReport = graphql(`
  query ConsoleTestReport($id: ID!) {
    report(id: $id) {
      type score versions { id version score } sections { tables { id columns rows } }
      fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount } warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }
      pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount } na: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }
    }
  }
`);

async function apiReport(reportId: string) {
  const result = await app.gql(adminKey, ApiReport, { id: reportId });
  expect(result.errors).toBeUndefined();
  // Table rows are a JSON scalar: rows of cells.
  const report = result.data!.report!;
  return { ...report, sections: report.sections.map((section) => ({ tables: section.tables.map((table) => ({ ...table, rows: table.rows as unknown[][] })) })) };
}

/** The first `first` evidence events of a finding, as the API gives them. */
const ApiEvidence = graphql(`
  query ConsoleTestEvidence($id: ID!, $first: Int) { node(id: $id) { ... on Finding { evidence(first: $first) { totalCount edges { node { clientId sequence occurredAt } } } } } }
`);

async function apiEvidence(findingId: string, first: number) {
  const result = await app.gql(adminKey, ApiEvidence, { id: findingId, first });
  expect(result.errors).toBeUndefined();
  const node = result.data!.node;
  if (!node || !('evidence' in node)) throw new Error(`${findingId} is not a finding`);
  return { totalCount: node.evidence.totalCount, events: node.evidence.edges.map((e) => e.node) };
}

const CompletedSoc2Reports = graphql(`
  query ConsoleTestSoc2Reports { reports(filter: { type: "soc2", status: COMPLETED }, first: 12) { edges { node { id score createdAt period { end } } } } }
`);

/** Every mark of a chart in the page: its series, label and value. */
const marks = (page: Page, chart: string) =>
  page.locator(`svg[data-chart="${chart}"] [data-value]`).evaluateAll((els) => els.map((e) => ({ series: e.getAttribute('data-series')!, label: e.getAttribute('data-label')!, value: Number(e.getAttribute('data-value')) })));

/** The smallest chart text on a phone's screen, in CSS pixels (a narrow screen scrolls a chart sideways rather than shrink it). */
async function smallestChartTextOnPhone(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  const smallest = await page.locator('svg.chart').evaluateAll((svgs) =>
    Math.min(...svgs.flatMap((s) => {
      const scale = s.getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width;
      return [...s.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
    })));
  await page.setViewportSize(size);
  return smallest;
}

async function checkCharts(page: Page, reportId: string) {
  const report = await apiReport(reportId);
  const table = (id: string) => report.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
  for (const [chart, label] of [['status', 'Findings by status'], ['decisions', 'Policy decisions per day'], ['risk', 'Risk distribution of agents']]) {
    const svg = page.locator(`svg[data-chart="${chart}"]`);
    expect(await svg.count(), chart).toBe(1);
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.getAttribute('aria-label')).toBe(label);
    expect(await svg.locator('title').first().textContent()).toBe(label);
  }
  // Pass/warn/fail: one segment per status that has findings, sized by its count.
  const status = Object.fromEntries((await marks(page, 'status')).map((m) => [m.series, m.value]));
  const expected = Object.fromEntries(Object.entries({ fail: report.fail.totalCount, warn: report.warn.totalCount, pass: report.pass.totalCount, not_applicable: report.na.totalCount }).filter(([, v]) => v > 0));
  expect(status).toEqual(expected);
  expect(report.fail.totalCount).toBeGreaterThan(0);
  // Decisions per day: every non-zero cell of the table is a bar with its value, and nothing else.
  const days = table('decisions_by_day');
  const fromTable = days.rows.flatMap((r) => ['allow', 'alert', 'hold', 'deny'].map((k) => ({ series: k, label: String(r[days.columns.indexOf('day')]), value: Number(r[days.columns.indexOf(k)]) }))).filter((m) => m.value > 0);
  const drawn = await marks(page, 'decisions');
  const key = (m: { series: string; label: string }) => `${m.label} ${m.series}`;
  expect(drawn.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(fromTable.sort((a, b) => key(a).localeCompare(key(b))));
  expect(drawn.length).toBeGreaterThan(10);
  // Risk distribution: one bar per band.
  expect(await marks(page, 'risk')).toEqual(table('risk_distribution').rows.map((r) => ({ series: 'agents', label: String(r[0]), value: Number(r[1]) })));
  expect(await smallestChartTextOnPhone(page)).toBeGreaterThanOrEqual(8);
  await shoot(page, 'charts', 'section[aria-labelledby="charts-title"]');
}

async function checkTables(page: Page) {
  // Human headers with units; the machine ids stay in JSON and CSV.
  await page.locator('.report-section summary', { hasText: /risk/i }).first().click();
  const risk = page.locator('table[data-table="agent_risk"]');
  const headers = await risk.locator('th').allTextContents();
  expect(headers).toContain('Deny rate (%)');
  expect(headers).toContain('DLP events');
  expect(headers).not.toContain('explanation');
  // The explanation sits under its row, so every row stays one line of figures.
  expect(await risk.locator('tr.note').first().textContent()).toMatch(/^Why this risk: /);
  const all = await page.locator('main th').allTextContents();
  expect(all.filter((h) => /^[a-z]+[A-Z]/.test(h))).toEqual([]);
  // Thousands separators in the figures.
  const events = await risk.locator('tbody tr:not(.note) td:nth-child(2)').allTextContents();
  expect(events.some((t) => /^\d{1,3}(,\d{3})+$/.test(t)) || events.every((t) => Number(t.replace(/,/g, '')) < 1000)).toBe(true);
}

async function checkFindingsOrder(page: Page) {
  const findings = page.locator('.findings .finding');
  await findings.first().waitFor();
  const RANK: Record<string, number> = { FAIL: 0, WARN: 1, PASS: 2, NOT_APPLICABLE: 3 };
  const SEVERITY: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 };
  const order = async () => findings.evaluateAll((els) => els.map((e) => [e.getAttribute('data-status')!, e.getAttribute('data-severity')!] as [string, string]));
  // Failures first, by severity.
  const shown = await order();
  expect(shown[0]![0]).toBe('FAIL');
  const ranks = shown.map(([st, sev]) => RANK[st]! * 10 + SEVERITY[sev]!);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  // "More findings" shows exactly when findings are left to show.
  const total = Number((await page.locator('#findings-title ~ p.muted').first().textContent())!.match(/^([\d,]+)/)![1]!.replace(/,/g, ''));
  const more = page.getByRole('button', { name: 'More findings' });
  expect(await more.isVisible()).toBe(total > shown.length);
  if (total > shown.length) {
    await more.click();
    await expect.poll(async () => (await order()).length, { timeout: 15_000 }).toBe(Math.min(total, shown.length * 2));
  }
  // Sorting by control order and filtering by words.
  await page.getByLabel('Sort', { exact: true }).selectOption('control');
  await expect.poll(async () => (await order()).map(([st]) => st), { timeout: 15_000 }).not.toEqual(shown.map(([st]) => st));
  await page.getByLabel('Search', { exact: true }).fill('CC6');
  await expect.poll(async () => (await findings.locator('strong').allTextContents()).every((t) => t.startsWith('CC6')), { timeout: 15_000 }).toBe(true);
  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByLabel('Sort', { exact: true }).selectOption('risk');
  // Only the failures: all of them fit, so "More findings" is not offered.
  await page.getByLabel('Status', { exact: true }).nth(0).selectOption('FAIL');
  await expect.poll(async () => new Set((await order()).map(([st]) => st)), { timeout: 15_000 }).toEqual(new Set(['FAIL']));
  expect(await more.isVisible()).toBe(false);
  await page.getByLabel('Status', { exact: true }).nth(0).selectOption('');
}

/** The auditor's view of a pseudonymised, password-protected link; `approvals` is the unanswered approvals' evidence as the API pages it. */
async function readAsAuditor(shareUrl: string, password: string, approvals: Array<{ clientId: string | null; sequence: number; occurredAt: string }>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const auditor = await context.newPage();
  auditor.on('response', (response) => {
    if (response.status() === 404) failedRequests.push(response.url());
  });
  const pages: string[] = [];
  await auditor.goto(shareUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
  await shoot(auditor, 'auditor-password');
  await auditor.getByLabel('Password').fill(password);
  await auditor.getByRole('button', { name: 'Open' }).click();
  await auditor.locator('#summary-title').waitFor();
  expect(await auditor.locator('h1').textContent()).toBe(`${HOSTILE} (pseudonymised)`);
  expect(await auditor.locator('main img, main script').count()).toBe(0);
  // Summary, charts, findings failures first, integrity with the key, the chosen files only.
  for (const chart of ['status', 'decisions', 'risk']) expect(await auditor.locator(`svg[data-chart="${chart}"][role="img"]`).count(), chart).toBe(1);
  expect(await smallestChartTextOnPhone(auditor)).toBeGreaterThanOrEqual(8);
  const statuses = await auditor.locator('li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(statuses[0]).toBe('fail');
  expect(statuses.indexOf('pass')).toBeGreaterThan(statuses.lastIndexOf('fail'));
  const formats = await auditor.locator('#downloads a').evaluateAll((els) => els.map((e) => new URL((e as HTMLAnchorElement).href).searchParams.get('format')));
  expect(formats.sort()).toEqual(['bundle', 'json', 'md', 'oscal', 'pdf']);
  const pem = (await auditor.locator('pre.key').textContent())!;
  const raw = createPublicKey(pem).export({ format: 'der', type: 'spki' }).subarray(-32);
  expect(await auditor.locator('code.fingerprint').textContent()).toBe(createHash('sha256').update(raw).digest('hex'));
  // Filtering without script: a GET form.
  await auditor.locator('select[name=status]').selectOption('warn');
  await auditor.getByRole('button', { name: 'Show' }).click();
  await expect.poll(async () => new Set(await auditor.locator('li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))), { timeout: 15_000 }).toEqual(new Set(['warn']));
  await auditor.locator('select[name=status]').selectOption('');
  await auditor.getByRole('button', { name: 'Show' }).click();
  await auditor.locator('li.finding').first().waitFor();
  pages.push(await auditor.content());
  await shoot(auditor, 'auditor-view');

  // The unanswered approvals' evidence, paged: each event with its source id, sequence and time.
  await auditor.locator('li.finding[data-status="fail"]', { hasText: 'Approval requests are answered' }).getByRole('link', { name: /^Evidence \(/ }).click();
  await expect.poll(() => auditor.locator('#evidence-position').textContent(), { timeout: 15_000 }).toMatch(/^Events 1–25 of /);
  // Sequence, the source's own event id and its time, in the API's order.
  const rows = () => auditor.locator('table.events tbody tr[data-sequence]').evaluateAll((els) => els.map((e) => [e.children[0]!.textContent, e.children[1]!.textContent, e.children[2]!.textContent]));
  const first = await rows();
  expect(first).toEqual(approvals.slice(0, 25).map((e) => [String(e.sequence), e.clientId, e.occurredAt]));
  pages.push(await auditor.content());
  await shoot(auditor, 'auditor-evidence');
  await auditor.getByRole('link', { name: 'Next events' }).click();
  await expect.poll(() => auditor.locator('#evidence-position').textContent(), { timeout: 15_000 }).toMatch(/^Events 26–/);
  expect(await rows()).toEqual(approvals.slice(25, 50).map((e) => [String(e.sequence), e.clientId, e.occurredAt]));
  pages.push(await auditor.content());

  const html = pages.join('\n');
  expect(html).toMatch(/person-[0-9a-f]{10}/);
  for (const person of PEOPLE) expect(html, `the auditor's pages name ${person}`).not.toContain(person);
  await context.close();
}

describe('web console', () => {
  it('serves the page with a strict CSP and rejects a wrong key with a clear message', async () => {
    const response = await fetch(baseUrl + '/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const js = await fetch(baseUrl + '/app.js');
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect((await js.text()).length).toBeGreaterThan(1000);
    const icon = await fetch(baseUrl + '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');

    const page = await newPage();
    await signIn(page, 'agr_wrong_key_0000000000');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not valid or has been revoked' }).count()).toBe(1);
    expect(await page.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'sign-in');

    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The front page is the live posture (views/posture.ts).
    await page.getByRole('heading', { name: 'Compliance posture', level: 1 }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('agr.apiKey'))).toBe(adminKey);
    await shoot(page, 'posture');
    expect(failedRequests).toEqual([]);
  });

  it('serves GraphiQL at /graphql from the package, working with no internet', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // Anything but this server is unreachable, as on a machine with no internet.
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${baseUrl}/graphql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 20_000 });
    expect(outside).toEqual([]);
    await shoot(page, 'graphiql');
  });

  it('generates a SOC 2 report with live progress, drills from a failing finding into its evidence, downloads the PDF and shares it', async () => {
    const page = await newPage();
    await signIn(page, adminKey);
    await page.getByRole('link', { name: 'Generate', exact: true }).click();
    await page.getByLabel('Report type').selectOption('soc2');
    await page.getByLabel('Period').selectOption('30d');
    await page.getByLabel('Title').fill(HOSTILE);

    // Hidden fields stay hidden (the stylesheet's display rules once overrode the hidden attribute):
    // no From/To under a preset period, no data subject for SOC 2.
    expect(await page.getByLabel('From (inclusive)').isVisible()).toBe(false);
    expect(await page.getByLabel('To (exclusive)').isVisible()).toBe(false);
    expect(await page.getByLabel('Data subject').isVisible()).toBe(false);
    await page.getByLabel('Report type').selectOption('gdpr');
    expect(await page.getByLabel('Data subject').isVisible()).toBe(true);
    await page.getByLabel('Report type').selectOption('soc2');
    expect(await page.getByLabel('Data subject').isVisible()).toBe(false);
    await shoot(page, 'generate');

    // A validation error from the API lands beside its field.
    await page.getByLabel('Period').selectOption('custom');
    expect(await page.getByLabel('From (inclusive)').isVisible()).toBe(true);
    await page.getByLabel('From (inclusive)').fill('2026-02-01');
    await page.getByLabel('To (exclusive)').fill('2026-01-01');
    await page.getByRole('button', { name: 'Generate' }).click();
    const periodError = page.locator('.field', { has: page.getByLabel('From (inclusive)') }).locator('.field-error');
    await expect.poll(() => periodError.textContent()).toContain('period.start must be before period.end');

    await page.getByLabel('Period').selectOption('30d');
    await page.getByRole('button', { name: 'Generate' }).click();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    // The title is markup: it shows as text, never as an element.
    expect(await page.locator('h1').textContent()).toBe(HOSTILE);
    expect(await page.locator('main img').count()).toBe(0);

    await page.waitForFunction(() => (window as any).__progress.some((p: { now: string }) => Number(p.now) > 0 && Number(p.now) < 100));
    await shoot(page, 'progress-running');

    await page.locator('#score-title').waitFor({ timeout: 60_000 });
    const seen = (await page.evaluate(() => (window as any).__progress)) as Array<{ now: string; text: string }>;
    const values = seen.map((p) => Number(p.now));
    const intermediate = new Set(values.filter((v) => v > 0 && v < 100));
    expect(intermediate.size).toBeGreaterThanOrEqual(3);
    expect(values.at(-1)).toBe(100);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const stages = new Set(seen.map((p) => p.text.split(', ')[1]));
    for (const stage of ['collecting', 'evaluating', 'scoring']) expect(stages).toContain(stage);
    // At 100 % there is nothing left to cancel.
    const cancelAt100 = (await page.evaluate(() => (window as any).__cancelAt100)) as boolean[];
    expect(cancelAt100.length).toBeGreaterThan(0);
    expect(cancelAt100).not.toContain(true);
    // The progress subscription ended and the lazy WebSocket closed by design: that is not "reconnecting".
    await page.waitForTimeout(1500);
    expect(await page.locator('.conn').textContent()).not.toBe('reconnecting');
    const connStates = (await page.evaluate(() => (window as any).__conn)) as string[];
    expect(connStates).toContain('live');
    expect(connStates).not.toContain('reconnecting');

    // The finished report: grade, summary, integrity.
    expect(await page.locator('.grade').textContent()).toMatch(/^[A-DF][+-]?$/);
    expect((await page.locator('.summary').textContent())!.length).toBeGreaterThan(20);
    expect(await page.locator('#integrity-title + dl').textContent()).toMatch(/Content SHA-256[0-9a-f]{64}/);
    await shoot(page, 'report-view');
    const reportId = decodeURIComponent(page.url().split('#/reports/')[1]!);
    await checkCharts(page, reportId);
    await checkTables(page);
    await checkFindingsOrder(page);

    // A failing finding with more than a page of evidence, paged forward and back.
    await page.getByLabel('Status', { exact: true }).nth(0).selectOption('FAIL');
    const failing = page.locator('.finding[data-status="FAIL"]');
    await failing.first().waitFor();
    expect(await page.locator('.finding:not([data-status="FAIL"])').count()).toBe(0);
    // The unanswered approvals (45 of them in the test's data, more than two pages), compared with the API.
    const approvals = failing.filter({ hasText: 'Approval requests are answered' });
    expect(await approvals.count()).toBe(1);
    const fromApi = await apiEvidence((await approvals.getAttribute('data-finding-id'))!, 50);
    expect(fromApi.totalCount).toBeGreaterThanOrEqual(45);
    await approvals.locator('button').click();
    const position = page.locator('#evidence-position');
    await expect.poll(() => position.textContent()).toMatch(/^Events 1–20 of /);
    expect(await position.textContent()).toBe(`Events 1–20 of ${fromApi.totalCount.toLocaleString('en-US')}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('evidence-title');
    const firstPage = await page.locator('.event summary').allTextContents();
    await page.getByRole('button', { name: 'Next events' }).click();
    await expect.poll(() => position.textContent()).toMatch(/^Events 21–/);
    const secondPage = await page.locator('.event summary').allTextContents();
    expect(secondPage).not.toEqual(firstPage);
    // Each event shows what an auditor matches against the source system: the event's own id,
    // its sequence and its time as the source sent it, as the API has them, in the API's order.
    const sources = await page.locator('.event summary .event-source').allTextContents();
    expect(sources).toEqual(fromApi.events.slice(20, 40).map((e) => `id ${e.clientId} · seq ${e.sequence.toLocaleString('en-US')}`));
    await page.locator('.event summary').first().click();
    await shoot(page, 'evidence', 'section.evidence');
    const details = await page.locator('.event[open] dl').textContent();
    const event21 = fromApi.events[20]!;
    expect(details).toContain(`Event id (source)${event21.clientId}Sequence${event21.sequence}Occurred (as sent, UTC)${event21.occurredAt}`);
    expect(secondPage.some((t) => t.includes(HOSTILE)), 'the markup agent shows as text').toBe(true);
    expect(await page.locator('.evidence img').count()).toBe(0);
    await page.getByRole('button', { name: 'Previous events' }).click();
    await expect.poll(() => position.textContent()).toMatch(/^Events 1–20 of /);

    // The PDF, fetched with the key and handed to the browser as a download.
    const downloadStatus = page.locator('#deliver-title ~ p.muted');
    const [download] = await Promise.all([
      page.waitForEvent('download').catch(async (e: Error) => Promise.reject(new Error(`${e.message}; console said: ${await downloadStatus.textContent()}`))),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.length).toBeGreaterThan(1000);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // A password share link, shown once, opened by an auditor in a fresh browser context, then revoked.
    await page.getByLabel('Link expires in').selectOption('168');
    expect(await page.getByLabel(/Protect with a password/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create share link' }).click();
    const shareUrl = await page.locator('#share-url').inputValue();
    const sharePassword = (await page.locator('.share-password').textContent())!;
    expect(shareUrl).toMatch(/\/shared\/[^/]+$/);
    expect(sharePassword.length).toBeGreaterThanOrEqual(8);
    const auditorContext = await browser.newContext();
    contexts.push(auditorContext);
    const auditor = await auditorContext.newPage();
    await auditor.goto(shareUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
    await auditor.getByLabel('Password').fill(sharePassword, { timeout: 5000 }).catch(async (e: Error) => Promise.reject(new Error(`${e.message}; ${shareUrl} showed: ${(await auditor.content()).slice(0, 1500)}`)));
    await auditor.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => auditor.locator('h1').textContent()).toBe(HOSTILE);
    expect(await auditor.locator('a[href*="format=pdf"]').count()).toBe(1);
    await auditorContext.close();
    await expect.poll(() => page.locator('.links li[data-state="ACTIVE"]').count()).toBe(1);
    await page.locator('.links li[data-state="ACTIVE"]').getByRole('button', { name: /Revoke/ }).click();
    await expect.poll(() => page.locator('.links li[data-state="REVOKED"]').count()).toBe(1);

    // A pseudonymised, password-protected link with the files chosen in the form: the auditor
    // reads the report in the browser, read-only, and no person is named anywhere.
    await page.getByLabel('People in the shared copy').selectOption('PSEUDONYMISE');
    await page.getByLabel('Evidence bundle (zip)').check();
    await page.getByLabel('CSV (zip of tables)').uncheck();
    await page.getByRole('button', { name: 'Create share link' }).click();
    await expect.poll(() => page.locator('.links li[data-state="ACTIVE"]').count()).toBe(1);
    expect(await page.locator('.links li[data-state="ACTIVE"]').textContent()).toContain('pdf, json, md, oscal, bundle · pseudonymised');
    await readAsAuditor(await page.locator('#share-url').inputValue(), (await page.locator('.share-password').textContent())!, fromApi.events);

    expect(failedRequests).toEqual([]);
  }, 150_000);

  it('the progress bar carries on after its WebSocket is dropped, showing the current state on reconnect', async () => {
    // Every WebSocket the server accepts from here on, so the test can cut them from the server side.
    const sockets: Socket[] = [];
    const track = (_request: unknown, socket: Socket) => sockets.push(socket);
    app.api.httpServer.on('upgrade', track);
    try {
      const page = await newPage();
      await signIn(page, adminKey);
      await page.getByRole('link', { name: 'Generate', exact: true }).click();
      await page.getByLabel('Report type').selectOption('governance');
      await page.getByLabel('Period').selectOption('30d');
      await page.getByRole('button', { name: 'Generate' }).click();
      await page.getByRole('progressbar').waitFor();
      await page.waitForFunction(() => (window as any).__progress.some((p: { now: string }) => Number(p.now) > 0 && Number(p.now) < 100));
      expect(sockets.length).toBeGreaterThan(0);

      // The network drops: every WebSocket is cut mid-report.
      const before = sockets.length;
      for (const socket of sockets) socket.destroy();
      // The client reconnects by itself and subscribes again; meanwhile the header said so, then "live" again.
      await expect.poll(() => sockets.length, { timeout: 15_000 }).toBeGreaterThan(before);
      await expect.poll(async () => {
        const states = (await page.evaluate(() => (window as any).__conn)) as string[];
        return states.slice(states.indexOf('reconnecting')).includes('live') && states.includes('reconnecting');
      }).toBe(true);

      await page.locator('#score-title').waitFor({ timeout: 60_000 });
      const values = ((await page.evaluate(() => (window as any).__progress)) as Array<{ now: string }>).map((p) => Number(p.now));
      // The bar never went back and ended at 100: the state on reconnect continued where it was.
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values.at(-1)).toBe(100);
      expect(await page.getByRole('progressbar').count()).toBe(0);
    } finally {
      app.api.httpServer.off('upgrade', track);
    }
  });

  it('creates, pauses and runs a schedule; the reports list follows the new report live over SSE and filters by status', async () => {
    const page = await newPage();
    // The other scenario streams over the WebSocket; this one over the SSE fallback.
    await signIn(page, adminKey, '?transport=sse');
    await page.getByRole('link', { name: 'Schedules' }).click();
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    await page.getByLabel('Report type').selectOption('soc2');
    await page.getByLabel('Frequency').selectOption('WEEKLY');
    await page.getByLabel('Title template').fill('Weekly SOC 2');
    await page.getByRole('button', { name: 'Create schedule' }).click();
    const schedule = page.locator('tbody tr', { hasText: 'Weekly SOC 2' });
    await schedule.waitFor();
    await shoot(page, 'schedules');
    await schedule.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => schedule.locator('td').nth(3).textContent()).toBe('paused');
    await schedule.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => page.locator('p.muted').first().textContent()).toContain('Report requested');

    // The list never polls: the row reaches "completed" only through reportUpdates.
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    const row = page.locator('tr[data-report-id]', { hasText: 'Weekly SOC 2' }).first();
    await row.waitFor();
    expect(await row.locator('td.status').textContent()).not.toBe('completed');
    expect(await page.locator('.conn').textContent()).toBe('live (SSE)');
    await expect.poll(() => row.locator('td.status').textContent(), { timeout: 30_000 }).toBe('completed');
    await expect.poll(() => row.locator('td').nth(3).textContent()).toMatch(/^\d+ [A-DF][+-]?$/);
    await shoot(page, 'reports');

    await page.getByLabel('Status').selectOption('COMPLETED');
    await expect.poll(async () => new Set(await page.locator('tr[data-report-id] td.status').allTextContents())).toEqual(new Set(['completed']));
    await page.getByLabel('Status').selectOption('FAILED');
    await expect.poll(() => page.locator('tr[data-report-id]').count()).toBe(0);
    expect(page.url()).toContain('status=FAILED');
  });
  it('draws the score across a report\'s versions and across the reports of its type, as the API has them', async () => {
    const page = await newPage();
    await signIn(page, adminKey);
    // The SOC 2 report of the first scenario, regenerated from the console: version 2.
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByLabel('Type', { exact: true }).selectOption('soc2');
    await page.getByLabel('Status').selectOption('COMPLETED');
    await page.locator('tr[data-report-id] a', { hasText: HOSTILE }).first().click();
    await page.getByRole('button', { name: 'Regenerate (new version)' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.locator('#score-title').waitFor({ timeout: 60_000 });
    await page.locator('[data-figure="versions"]').waitFor();
    const reportId = decodeURIComponent(page.url().split('#/reports/')[1]!);
    const report = await apiReport(reportId);
    // The facts name the framework as people know it, not by its type id.
    expect(await page.locator('.facts dt:text-is("Framework") + dd').textContent()).toBe('SOC 2 (Trust Services Criteria 2017)');

    // Across versions: a dot per scored version, oldest first, with its score.
    const versions = page.locator('svg[data-chart="score-trend"]').first();
    expect(await versions.getAttribute('aria-label')).toBe('Score across versions');
    expect(await versions.getAttribute('role')).toBe('img');
    const byVersion = await page.locator('[data-figure="versions"] [data-value]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-value'))]));
    expect(byVersion).toEqual(report.versions.filter((v) => v.score !== null).sort((a, b) => a.version - b.version).map((v) => [`v${v.version}`, v.score]));
    expect(byVersion).toHaveLength(2);

    // Across the organisation's completed SOC 2 reports (the schedule's run included), oldest first, one
    // point per report: version 1, superseded by version 2, is not one of them.
    const listed = await app.gql(adminKey, CompletedSoc2Reports);
    expect(listed.errors).toBeUndefined();
    const soc2 = listed.data!.reports.edges.map((e) => ({ ...e.node, createdAt: String(e.node.createdAt), period: { end: String(e.node.period.end) } }));
    const version1 = report.versions.find((v) => v.version === 1)!.id;
    const expected = soc2.filter((r) => r.score !== null && r.id !== version1).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((r) => [r.period.end.slice(0, 10), r.score]);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(soc2.length).toBe(expected.length + 1);
    const figure = page.locator('[data-figure="reports"]');
    expect(await figure.locator('figcaption').textContent()).toBe('Score across SOC 2 (Trust Services Criteria 2017) reports');
    expect(await figure.locator('[data-value]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-value'))]))).toEqual(expected);
    // The report being read is the one drawn larger.
    expect(await figure.locator('circle[r="6"]').count()).toBe(1);
    await shoot(page, 'charts-trend', 'section[aria-labelledby="charts-title"]');
  });
});
