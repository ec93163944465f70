/**
 * Data exports end to end: requested over GraphQL, written by the real
 * pg-boss worker, followed live over SSE, downloaded in every format and
 * checked row by row against the events sent, signed and hashed, kept
 * under retention; roles and organisations kept apart.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { RequestDataExportInput } from '../client/graphql.ts';
import { verifyEventChain } from '../src/events/chain.ts';
import { runRetention } from '../src/jobs/retention.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { readSse } from './support/two-orgs.ts';
import { until } from './support/until.ts';

const Request = graphql(`
  mutation ExportRequest($input: RequestDataExportInput!) {
    requestDataExport(input: $input) { id status kind format filters { environment decisions sources } }
  }
`);
const Get = graphql(`
  query ExportGet($id: ID!) {
    node(id: $id) {
      ... on DataExport { id status rowCount sizeBytes sha256 signature signatureKeyId downloadUrl expiresAt error progress { percent stage message } }
    }
  }
`);
const List = graphql(`
  query ExportList { dataExports(first: 50) { totalCount edges { node { id kind } } } }
`);
const Cancel = graphql(`
  mutation ExportCancel($id: ID!) { cancelDataExport(id: $id) { id status } }
`);
const Events = graphql(`
  query ExportSourceEvents { auditEvents(first: 10) { edges { node { clientId source } } } }
`);
const Keys = graphql(`
  query ExportKeys { viewer { organization { signingKeys { id publicKeyPem } } } }
`);

type RequestInput = RequestDataExportInput;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const PERIOD = { start: at(0), end: at(10_000) };

/** Gateway decisions from two gateways in two environments, escalations (one left open) and config changes. */
function events() {
  const list: Record<string, unknown>[] = [];
  const decisions = ['allow', 'deny', 'alert', 'hold'];
  for (let i = 0; i < 400; i++) {
    list.push({
      id: `d-${i}`,
      occurredAt: at(i),
      environment: i % 2 ? 'production' : 'staging',
      source: i % 3 ? 'gateway-eu' : 'gateway-us',
      agentId: `agent-${i % 4}`,
      actor: { type: 'agent', id: `agent-${i % 4}` },
      category: 'policy_decision',
      action: 'tool.invoke',
      decision: decisions[i % 4],
      policyId: 'pol-1',
      tool: { name: `tool-${i % 5}`, tags: i % 5 ? [] : ['pii'] },
      severity: i % 7 ? 'info' : 'high',
      // A cell a spreadsheet would run as a formula, and text with a comma, quote and newline.
      resource: i === 7 ? '=HYPERLINK("http://x")' : `res, "q"\n${i}`,
      attributes: { n: i },
    });
  }
  list.push(
    { id: 'e-1', occurredAt: at(500), environment: 'production', source: 'gateway-eu', agentId: 'agent-1', actor: { type: 'agent', id: 'agent-1' }, category: 'escalation', action: 'escalation.opened', correlationId: 'esc-1', severity: 'high', attributes: { reason: 'possible fraud' } },
    { id: 'e-2', occurredAt: at(590), environment: 'production', agentId: 'agent-1', actor: { type: 'user', id: 'u-1', email: 'ana@example.com' }, category: 'escalation', action: 'escalation.resolved', correlationId: 'esc-1', attributes: { resolution: 'false alarm' } },
    { id: 'e-3', occurredAt: at(600), environment: 'staging', agentId: 'agent-2', actor: { type: 'system', id: 'risk' }, category: 'escalation', action: 'escalation.opened', correlationId: 'esc-2', severity: 'critical', attributes: { reason: 'refund above limit' } },
    { id: 'c-1', occurredAt: at(700), environment: 'production', actor: { type: 'user', id: 'u-2', email: 'bo@example.com' }, category: 'config_change', action: 'policy.updated', policyId: 'pol-1', policyVersion: 'v5', resource: 'pol-1', attributes: { fromVersion: 'v4', toVersion: 'v5' } },
    { id: 'c-2', occurredAt: at(710), environment: 'production', actor: { type: 'user', id: 'u-2' }, category: 'config_change', action: 'gateway.config_changed', resource: 'gw', attributes: { before: { timeout: 30 }, after: { timeout: 60 } } },
  );
  return list;
}

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
const sent = events();

beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
  org = await app.newOrg('Exports');
  const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: sent.map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  expect(response.status).toBe(200);
});
afterAll(() => app.close());

async function exportOf(key: string, input: Record<string, unknown>) {
  const r = await app.gql(key, Request, { input: { period: PERIOD, ...input } as RequestInput });
  expect(r.errors).toBeUndefined();
  const id = r.data!.requestDataExport.id;
  const done = await until(async () => {
    const g = await app.gql(key, Get, { id });
    const node = g.data?.node as { status: string } | null;
    return node && ['COMPLETED', 'FAILED'].includes(node.status) ? node : undefined;
  }, 'the export to finish');
  return done as { id: string; status: string; rowCount: number; sizeBytes: number; sha256: string; signature: string; signatureKeyId: string; downloadUrl: string; error: string | null };
}

async function download(id: string, key = org.adminKey, query = '') {
  const response = await app.fetch(`/exports/${encodeURIComponent(id)}/download${query}`, { key });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const decisionsSent = (filter: (e: Record<string, unknown>) => boolean) => sent.filter((e) => e.decision && filter(e));

describe('the source of an event', () => {
  it('is part of the event contract: shown on AuditEvent and covered by the hash chain', async () => {
    const own = await app.newOrg('Sources');
    const batch = [
      { id: 's-1', occurredAt: at(1), category: 'policy_decision', action: 'tool.invoke', decision: 'allow', source: 'gateway-a' },
      { id: 's-2', occurredAt: at(2), category: 'policy_decision', action: 'tool.invoke', decision: 'deny' },
    ];
    await app.fetch('/ingest', { method: 'POST', key: own.adminKey, body: batch.map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    const listed = await app.gql(own.adminKey, Events);
    expect(listed.data!.auditEvents.edges.map((e) => [e.node.clientId, e.node.source])).toEqual([['s-1', 'gateway-a'], ['s-2', null]]);
    expect((await verifyEventChain(app.services.database, own.orgId)).ok).toBe(true);
    // Changing the source afterwards breaks the chain at that event, as any other field would.
    await app.services.database.sql`update audit_events set source = 'gateway-b' where org_id = ${own.orgId} and client_id = 's-1'`;
    const broken = await verifyEventChain(app.services.database, own.orgId);
    expect(broken.ok).toBe(false);
    await app.services.database.sql`update audit_events set source = 'gateway-a' where org_id = ${own.orgId} and client_id = 's-1'`;
    await app.services.database.sql`update audit_events set source = 'gateway-c' where org_id = ${own.orgId} and client_id = 's-2'`;
    expect((await verifyEventChain(app.services.database, own.orgId)).ok).toBe(false);
  });
});

describe('data exports', () => {
  it('exports gateway decisions as NDJSON, filtered by environment, decision and source, with live progress', async () => {
    const r = await app.gql(org.adminKey, Request, { input: { kind: 'DECISIONS' as never, format: 'NDJSON' as never, period: PERIOD, environment: 'production', decisions: ['deny', 'hold'], sources: ['gateway-eu'] } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestDataExport.filters).toEqual({ environment: 'production', decisions: ['deny', 'hold'], sources: ['gateway-eu'] });
    const id = r.data!.requestDataExport.id;
    const stream = await readSse(app, org.adminKey, 'subscription($id: ID!) { dataExportProgress(id: $id) { status percent stage } }', { id }, {
      until: (text) => /COMPLETED|FAILED/.test(text),
      timeoutMs: 30_000,
    });
    expect(stream).toContain('"status":"COMPLETED"');
    const node = (await app.gql(org.adminKey, Get, { id })).data!.node as { rowCount: number; sha256: string; sizeBytes: number };
    const expected = decisionsSent((e) => e.environment === 'production' && ['deny', 'hold'].includes(e.decision as string) && e.source === 'gateway-eu');
    expect(expected.length).toBeGreaterThan(20);
    const { response, bytes } = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const rows = bytes.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.sequence)).toEqual([...rows.map((x) => x.sequence)].sort((a, b) => a - b));
    expect(rows.map((x) => [x.occurred_at, x.decision, x.source, x.environment, x.agent_id, x.resource])).toEqual(
      expected.map((e) => [e.occurredAt, e.decision, e.source, e.environment, e.agentId, e.resource]),
    );
    expect(rows[0].tool_tags).toEqual(expect.any(Array));
    expect(node.rowCount).toBe(expected.length);
    expect(node.sizeBytes).toBe(bytes.length);
    expect(node.sha256).toBe(sha256(bytes));
    expect(response.headers.get('x-content-sha256')).toBe(node.sha256);
  });

  it('CSV escapes formula cells and quotes; JSON is one array; both carry the same rows', async () => {
    const csv = await exportOf(org.adminKey, { kind: 'DECISIONS', format: 'CSV', severities: ['high'] });
    const json = await exportOf(org.adminKey, { kind: 'DECISIONS', format: 'JSON', severities: ['high'] });
    const expected = decisionsSent((e) => e.severity === 'high');
    const csvRows = parseCsv((await download(csv.id)).bytes, { columns: true, bom: true }) as Array<Record<string, string>>;
    const jsonRows = JSON.parse((await download(json.id)).bytes.toString('utf8')) as Array<Record<string, unknown>>;
    expect(csvRows.length).toBe(expected.length);
    expect(jsonRows.length).toBe(expected.length);
    expect(csvRows.map((r) => r.resource)).toEqual(expected.map((e) => (e.resource as string).startsWith('=') ? `'${e.resource}` : e.resource));
    expect(csvRows.find((r) => r.resource!.startsWith("'="))).toBeTruthy();
    expect(jsonRows.map((r) => r.resource)).toEqual(expected.map((e) => e.resource));
    expect(csvRows.map((r) => Number(r.sequence))).toEqual(jsonRows.map((r) => r.sequence));
    expect(csvRows.map((r) => r.occurred_at)).toEqual(expected.map((e) => e.occurredAt));
  });

  it('Parquet reads back with the same rows, types and times', async () => {
    const done = await exportOf(org.adminKey, { kind: 'DECISIONS', format: 'PARQUET', agentIds: ['agent-2'] });
    const { bytes } = await download(done.id);
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const rows = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
    const expected = decisionsSent((e) => e.agentId === 'agent-2');
    expect(rows.length).toBe(expected.length);
    expect(rows.map((r) => (r.occurred_at as Date).toISOString())).toEqual(expected.map((e) => e.occurredAt));
    expect(rows.map((r) => [r.agent_id, r.decision, r.source, r.resource])).toEqual(expected.map((e) => [e.agentId, e.decision, e.source, e.resource]));
    expect(typeof rows[0]!.sequence).toBe('bigint');
    expect(JSON.parse(rows[0]!.attributes as string)).toEqual(expected[0]!.attributes);
  });

  it('escalation history pairs each escalation with its resolution; the config changelog has before and after', async () => {
    const esc = await exportOf(org.adminKey, { kind: 'ESCALATIONS', format: 'JSON' });
    const rows = JSON.parse((await download(esc.id)).bytes.toString('utf8')) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.correlation_id, r.status, r.resolved_by, r.resolution, r.hours_to_resolve, r.reason])).toEqual([
      ['esc-1', 'resolved', 'ana@example.com', 'false alarm', 1.5, 'possible fraud'],
      ['esc-2', 'open', null, null, null, 'refund above limit'],
    ]);
    const changes = await exportOf(org.adminKey, { kind: 'CONFIG_CHANGES', format: 'NDJSON' });
    const lines = (await download(changes.id)).bytes.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.action, l.actor_email, l.before, l.after])).toEqual([
      ['policy.updated', 'bo@example.com', 'v4', 'v5'],
      ['gateway.config_changed', null, { timeout: 30 }, { timeout: 60 }],
    ]);
  });

  it("the audit log holds the service's own actions, including the exports requested and downloaded", async () => {
    const log = await exportOf(org.adminKey, { kind: 'AUDIT_LOG', format: 'NDJSON', period: { start: new Date(Date.now() - 3_600_000).toISOString(), end: new Date(Date.now() + 60_000).toISOString() } });
    const rows = (await download(log.id)).bytes.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    const actions = new Set(rows.map((r) => r.action));
    expect(actions.has('export.requested')).toBe(true);
    expect(actions.has('export.downloaded')).toBe(true);
    expect(rows.every((r) => r.actor_type === 'service')).toBe(true);
    // Gateway events are never in the audit log.
    expect(rows.some((r) => String(r.action).startsWith('tool.'))).toBe(false);
  });

  it('is signed: the manifest names the file hash, verifies under the organisation key, and the bundle carries both', async () => {
    const done = await exportOf(org.adminKey, { kind: 'DECISIONS', format: 'CSV', decisions: ['deny'] });
    const manifestResponse = await app.fetch(`/exports/${done.id}/manifest`, { key: org.adminKey });
    const manifest = Buffer.from(await manifestResponse.arrayBuffer());
    const keys = (await app.gql(org.adminKey, Keys)).data!.viewer.organization.signingKeys;
    const key = keys.find((k) => k.id === done.signatureKeyId)!;
    expect(verify(null, manifest, createPublicKey(key.publicKeyPem), Buffer.from(done.signature, 'base64'))).toBe(true);
    const parsed = JSON.parse(manifest.toString('utf8'));
    expect(parsed.files[0].sha256).toBe(done.sha256);
    expect(parsed.export.rowCount).toBe(done.rowCount);
    // A changed byte no longer verifies.
    const tampered = Buffer.from(manifest.toString('utf8').replace(done.sha256, '0'.repeat(64)));
    expect(verify(null, tampered, createPublicKey(key.publicKeyPem), Buffer.from(done.signature, 'base64'))).toBe(false);

    const { response, bytes } = await download(done.id, org.adminKey, '?as=bundle');
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = await unzip(bytes);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'decisions-2026-03-01-to-2026-03-07.csv', 'manifest.json', 'manifest.sig', 'signature.json']);
    expect(files['manifest.json']!.equals(manifest)).toBe(true);
    expect(sha256(files['decisions-2026-03-01-to-2026-03-07.csv']!)).toBe(done.sha256);
    expect(verify(null, files['manifest.json']!, createPublicKey(JSON.parse(files['signature.json']!.toString()).publicKeyPem), files['manifest.sig']!)).toBe(true);
  });

  it('a file larger than one stored chunk streams back whole', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ id: `big-${i}`, occurredAt: at(2000 + i), environment: 'bulk', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', attributes: { pad: 'x'.repeat(600), i } }));
    const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: big.map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.status).toBe(200);
    const done = await exportOf(org.adminKey, { kind: 'DECISIONS', format: 'NDJSON', environment: 'bulk' });
    expect(done.sizeBytes).toBeGreaterThan(2 * 1024 * 1024);
    const { bytes } = await download(done.id);
    expect(bytes.length).toBe(done.sizeBytes);
    expect(sha256(bytes)).toBe(done.sha256);
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).attributes.i)).toEqual(big.map((e) => e.attributes.i));
  });

  it('says what is wrong with a bad request, by field', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const r = await app.gql(org.adminKey, Request, { input: { kind: 'DECISIONS', format: 'CSV', period: PERIOD, ...input } as RequestInput });
      return { code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field, message: r.errors?.[0]?.message };
    };
    expect(await bad({ severities: ['high', 'urgent'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'severities', message: expect.stringContaining('"urgent"') });
    expect(await bad({ period: { start: PERIOD.end, end: PERIOD.start } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.start' });
    expect(await bad({ environment: 'nowhere' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'environment' });
    expect(await bad({ sources: ['x'.repeat(200)] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sources' });
  });

  it('auditors read and download but cannot request; viewers and ingest keys see nothing', async () => {
    const done = await exportOf(org.adminKey, { kind: 'DECISIONS', format: 'NDJSON', decisions: ['alert'] });
    const auditor = await org.key('auditor');
    expect((await download(done.id, auditor)).response.status).toBe(200);
    const denied = await app.gql(auditor, Request, { input: { kind: 'DECISIONS' as never, format: 'CSV' as never } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const role of ['viewer', 'ingest'] as const) {
      const key = await org.key(role);
      expect((await download(done.id, key)).response.status).toBe(403);
      expect((await app.gql(key, List)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("another organisation's export is not found, by GraphQL and by download", async () => {
    const done = await exportOf(org.adminKey, { kind: 'DECISIONS', format: 'CSV', decisions: ['allow'] });
    const other = await app.newOrg('Other');
    const node = await app.gql(other.adminKey, Get, { id: done.id });
    expect(node.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await download(done.id, other.adminKey)).response.status).toBe(404);
    expect((await app.fetch(`/exports/${done.id}/manifest`, { key: other.adminKey })).status).toBe(404);
    expect((await app.gql(other.adminKey, List)).data!.dataExports.totalCount).toBe(0);
    expect((await app.gql(other.adminKey, Cancel, { id: done.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('retention deletes the file after the retention period; the hash and signature stay', async () => {
    const done = await exportOf(org.adminKey, { kind: 'ESCALATIONS', format: 'CSV' });
    const expiresAt = (await app.gql(org.adminKey, Get, { id: done.id })).data!.node as { expiresAt: string };
    expect(Date.parse(expiresAt.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    // Move this export's expiry into the past instead of the clock, so other files' reports are not expired.
    const exportId = Buffer.from(done.id, 'base64').toString().split(':')[1]!;
    await app.services.database.sql`update data_exports set expires_at = now() - interval '1 second' where org_id = ${org.orgId} and id = ${exportId}`;
    const result = await runRetention(app.services);
    expect(result.expiredExports).toBeGreaterThanOrEqual(1);
    const after = (await app.gql(org.adminKey, Get, { id: done.id })).data!.node as { status: string; sha256: string; signature: string };
    expect(after).toMatchObject({ status: 'EXPIRED', sha256: done.sha256, signature: done.signature });
    const gone = await download(done.id);
    expect(gone.response.status).toBe(410);
    const [left] = await app.services.database.sql`select count(*)::int as n from export_chunks where org_id = ${org.orgId} and export_id = ${exportId}`;
    expect(left!.n).toBe(0);
  });
});

function unzip(buffer: Buffer): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files: Record<string, Buffer> = {};
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files[entry.fileName] = Buffer.concat(chunks);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}
