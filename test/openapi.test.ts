/**
 * The OpenAPI 3.1 document of the HTTP routes beside GraphQL, against the
 * running server: every route it registers is described (and nothing more),
 * and the server's real answers (statuses, media types, JSON bodies) are
 * what the document says, checked with Ajv's JSON Schema 2020-12 validator.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registeredRoutes } from '../src/http/routes.ts';
import { events } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ingestFixture, reportOf } from './support/report-fixture.ts';
import { rawGql } from './support/two-orgs.ts';

const METRICS_TOKEN = 'openapi-test-metrics-token';
let app: TestApp;
beforeAll(async () => { app = await startTestApp({ env: { METRICS_TOKEN } }); });
afterAll(() => app.close());

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema?: object }> }> }>> };
/** The console's static files are the browser app, not an API. */
const CONSOLE = new Set(['/', '/index.html', '/app.js', '/app.css', '/favicon.svg', '/favicon.ico']);

async function documentOf(): Promise<Doc> {
  const response = await app.fetch('/openapi.json');
  expect(response.status).toBe(200);
  return (await response.json()) as Doc;
}

it('describes exactly the routes the server registers, as valid OpenAPI 3.1', async () => {
  const doc = await documentOf();
  expect(doc.openapi).toBe('3.1.0');
  const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  const served = registeredRoutes().filter((r) => !CONSOLE.has(r.path)).map((r) => `${r.method} ${r.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`);
  // /metrics is answered by a plugin before the route table (it has its own token), so it is added by hand.
  expect(described.sort()).toEqual([...served, 'GET /metrics'].sort());
  const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
  expect(new Set(ids).size).toBe(ids.length);
  // Every schema compiles (every $ref resolves) under JSON Schema 2020-12, OpenAPI 3.1's dialect.
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(doc, 'openapi');
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const [status, response] of Object.entries(op.responses)) {
        for (const type of Object.keys(response.content ?? {})) {
          expect(() => ajv.getSchema(`openapi#/paths/${pointer(path)}/${method}/responses/${status}/content/${pointer(type)}/schema`), `${method} ${path} ${status} ${type}`).not.toThrow();
        }
      }
    }
  }
});

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

it("answers as the document says: statuses, media types and JSON bodies", async () => {
  const doc = await documentOf();
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(doc, 'openapi');
  const org = await app.newOrg('OpenAPI');
  const viewer = await org.key('viewer');
  await ingestFixture(app, org.adminKey, [{ id: 'e1', occurredAt: '2026-10-01T10:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'a1', tool: { name: 't' } }]);
  const report = await reportOf(app, org, { type: 'governance', period: { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' } });
  const rid = encodeURIComponent(report.reportId);
  void events;
  // Share links, one open and one behind a password (its page is the password form): the shared routes' real answers, not only their 404.
  const share = async (input: Record<string, unknown>) => {
    const created = await rawGql(app, org.adminKey, 'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password } }', { input: { reportId: report.reportId, expiresInHours: 1, ...input } });
    expect(created.errors).toBeUndefined();
    const { url, password } = created.data!.createShareLink as { url: string; password: string | null };
    return { path: new URL(url).pathname, password };
  };
  const open = await share({ formats: ['JSON', 'MD', 'CSV', 'OSCAL'] });
  const locked = await share({ passwordProtected: true });
  const form = (password: string) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ password }).toString(), redirect: 'manual' as const });

  const cases: Array<[string, string, string, RequestInit & { key?: string }, number]> = [
    ['/healthz', 'get', '/healthz', {}, 200],
    ['/readyz', 'get', '/readyz', {}, 200],
    ['/openapi.json', 'get', '/openapi.json', {}, 200],
    ['/ingest', 'post', '/ingest', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/x-ndjson' }, body: '{"occurredAt":"2026-10-01T11:00:00Z","category":"tool_call","action":"x"}\n{"nonsense":true}\n' }, 200],
    ['/ingest', 'post', '/ingest', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '' }, 401],
    ['/ingest', 'post', '/ingest', { method: 'POST', key: viewer, headers: { 'content-type': 'application/x-ndjson' }, body: '' }, 403],
    ['/ingest', 'post', '/ingest', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'br' }, body: 'x' }, 400],
    ['/v1/traces', 'post', '/v1/traces', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/json' }, body: '{}' }, 200],
    ['/v1/traces', 'post', '/v1/traces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, 401],
    ['/reports/{id}/download', 'get', `/reports/${rid}/download?format=json`, { key: org.adminKey }, 200],
    ['/reports/{id}/download', 'get', `/reports/${rid}/download?format=md`, { key: org.adminKey }, 200],
    ['/reports/{id}/download', 'get', `/reports/${rid}/download?format=docx`, { key: org.adminKey }, 400],
    ['/reports/{id}/download', 'get', `/reports/${rid}/download?format=json`, { key: viewer }, 403],
    ['/reports/{id}/download', 'get', '/reports/00000000-0000-4000-8000-000000000000/download', { key: org.adminKey }, 404],
    ['/reports/{id}/findings/{ordinal}/evidence', 'get', `/reports/${rid}/findings/1/evidence`, { key: org.adminKey }, 200],
    ['/reports/{id}/findings/{ordinal}/evidence', 'get', `/reports/${rid}/findings/999/evidence`, { key: org.adminKey }, 404],
    ['/exports/{id}/download', 'get', '/exports/00000000-0000-4000-8000-000000000000/download', { key: org.adminKey }, 404],
    ['/exports/{id}/manifest', 'get', '/exports/00000000-0000-4000-8000-000000000000/manifest', { key: org.adminKey }, 404],
    ['/packages/{id}/download', 'get', '/packages/00000000-0000-4000-8000-000000000000/download?file=pdf', { key: org.adminKey }, 404],
    ['/packages/{id}/download', 'get', '/packages/00000000-0000-4000-8000-000000000000/download?file=docx', { key: org.adminKey }, 400],
    ['/shared/{token}', 'get', '/shared/no-such-token', {}, 404],
    ['/shared/{token}', 'get', open.path, {}, 200],
    ['/shared/{token}', 'get', locked.path, {}, 200],
    ['/shared/{token}', 'post', locked.path, form('not the password'), 401],
    ['/shared/{token}', 'post', locked.path, form(locked.password!), 303],
    ['/shared/{token}/findings/{ordinal}', 'get', `${open.path}/findings/1`, {}, 200],
    ['/shared/{token}/download', 'get', `${open.path}/download?format=json`, {}, 200],
    ['/shared/{token}/download', 'get', `${open.path}/download?format=md`, {}, 200],
    ['/shared/{token}/download', 'get', `${open.path}/download?format=csv`, {}, 200],
    ['/shared/{token}/download', 'get', `${open.path}/download?format=oscal`, {}, 200],
    ['/shared/{token}/download', 'get', `${open.path}/download?format=pdf`, {}, 404],
    ['/shared/{token}/download', 'get', `${open.path}/download?format=docx`, {}, 404],
    ['/shared/{token}/findings/{ordinal}', 'get', `${open.path}/findings/1?after=not-a-cursor`, {}, 400],
    ['/shared/{token}/findings/{ordinal}', 'get', `${open.path}/findings/999`, {}, 404],
    ['/shared/{token}/findings/{ordinal}', 'get', `${locked.path}/findings/1`, {}, 401],
    ['/shared/{token}/download', 'get', '/shared/no-such-token/download?format=json', {}, 404],
    ['/shared/{token}/findings/{ordinal}', 'get', '/shared/no-such-token/findings/1', {}, 404],
    ['/metrics', 'get', '/metrics', {}, 401],
    ['/metrics', 'get', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }, 200],
  ];
  const problems: string[] = [];
  for (const [path, method, url, init, expected] of cases) {
    const response = await app.fetch(url, init);
    const where = `${method.toUpperCase()} ${url} → ${response.status}`;
    if (response.status !== expected) problems.push(`${where}: expected ${expected}`);
    const documented = doc.paths[path]![method]!.responses[String(response.status)];
    if (!documented) {
      problems.push(`${where}: status not in the document`);
      continue;
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const body = await response.text();
    if (!documented.content) continue;
    if (!documented.content[type]) {
      problems.push(`${where}: media type ${type} not in the document (${Object.keys(documented.content).join(', ')})`);
      continue;
    }
    if (type !== 'application/json') continue;
    const validate = ajv.getSchema(`openapi#/paths/${pointer(path)}/${method}/responses/${response.status}/content/${pointer(type)}/schema`)!;
    if (!validate(JSON.parse(body))) problems.push(`${where}: ${ajv.errorsText(validate.errors)} in ${body.slice(0, 200)}`);
  }
  expect(problems).toEqual([]);
}, 120_000);
