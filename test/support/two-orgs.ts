/**
 * Two organisations with one of everything (events, a completed report with
 * findings and evidence, a schedule, a share link, an extra API key, a
 * notification), and raw GraphQL over the real server: the tenancy and role
 * suites build their operations from the schema itself, so they cannot use
 * documents written in advance.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getIntrospectionQuery, type ExecutionResult } from 'graphql';
import { notifications } from '../../src/db/schema.ts';
import { completedReport } from './completed-report.ts';
import type { TestApp } from './app.ts';

export interface OrgFixture {
  orgId: string;
  adminKey: string;
  tag: string;
  /** Global ids of the organisation's objects. */
  ids: {
    report: string;
    finding: string;
    event: string;
    schedule: string;
    shareLink: string;
    apiKey: string;
    notification: string;
  };
  shareToken: string;
  reportUuid: string;
  /** The type of the organisation's own framework. */
  framework: string;
  agent: string;
  environment: string;
  clientIds: string[];
}

export type Raw = ExecutionResult<any> & { status: number };

export async function rawGql(app: TestApp, key: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Raw> {
  const response = await app.fetch('/graphql', {
    method: 'POST',
    key: key ?? undefined,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await response.json()) as ExecutionResult<any>), status: response.status };
}

/**
 * A subscription over SSE on /graphql: the stream's text until `until` holds, the stream ends,
 * `timeoutMs` passes, or (with `quietMs`) nothing more arrives for that long.
 */
export async function readSse(
  app: TestApp,
  key: string,
  query: string,
  variables: Record<string, unknown>,
  options: { until: (text: string) => boolean; timeoutMs: number; quietMs?: number },
): Promise<string> {
  const controller = new AbortController();
  const response = await app.fetch('/graphql', {
    method: 'POST',
    key,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + options.timeoutMs;
  try {
    while (!options.until(text) && Date.now() < deadline) {
      const wait = Math.max(1, Math.min(options.quietMs ?? Infinity, deadline - Date.now()));
      const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), wait))]);
      if (!next || next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => {});
  }
  return text;
}

export const errorCodes = (r: Raw) => (r.errors ?? []).map((e) => String(e.extensions?.code));

async function must(app: TestApp, key: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await rawGql(app, key, query, variables);
  if (r.errors) throw new Error(`${query}: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export async function populateOrg(app: TestApp, tag: string): Promise<OrgFixture> {
  const org = await app.newOrg(`Org ${tag}`);
  const agent = `${tag}-agent`;
  const environment = `${tag}-env`;
  // The same client ids in every organisation: idempotency must not reach across them.
  const clientIds = ['shared-1', 'shared-2', 'shared-3'];
  const lines = clientIds.map((id, i) =>
    JSON.stringify({ id, occurredAt: `2026-10-0${i + 2}T10:00:00Z`, agentId: agent, environment, category: 'tool_call', action: 'tool.call', tool: { name: `${tag}-tool` } }),
  );
  const ingested = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: lines.join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  if (ingested.status !== 200) throw new Error(`ingest failed: ${await ingested.text()}`);

  const reportUuid = await completedReport(app.services, org.orgId, { title: `${tag} report` });
  const report = Buffer.from(`Report:${reportUuid}`).toString('base64');
  const detail = await must(app, org.adminKey, `query($id: ID!) { report(id: $id) { findings(first: 50) { edges { node { id evidenceCount evidence(first: 1) { edges { node { id } } } } } } } }`, { id: report });
  const withEvidence = detail.report.findings.edges.find((e: any) => e.node.evidence.edges.length > 0).node;

  const schedule = await must(app, org.adminKey, `mutation { createSchedule(input: { type: "soc2", frequency: WEEKLY, dayOfWeek: 1 }) { id } }`);
  const share = await must(app, org.adminKey, `mutation($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 24 }) { shareLink { id } url } }`, { id: report });
  const key = await must(app, org.adminKey, `mutation { createApiKey(input: { name: "${tag} extra", role: VIEWER }) { apiKey { id } } }`);
  // A framework of the organisation's own, named after it.
  const own = JSON.parse(readFileSync(new URL('../../examples/frameworks/ai-oversight.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  await must(app, org.adminKey, 'mutation($d: JSON!) { createFramework(definition: $d) { type } }', { d: { ...own, type: `${tag}_framework`, name: `${tag} framework` } });
  const notificationUuid = randomUUID();
  await app.services.database.db.insert(notifications).values({
    id: notificationUuid, orgId: org.orgId, reportId: reportUuid, channel: 'email', target: `${tag}@example.com`, event: 'report.completed', body: `${tag} secret body`,
  });

  return {
    orgId: org.orgId,
    adminKey: org.adminKey,
    tag,
    ids: {
      report,
      finding: withEvidence.id,
      event: withEvidence.evidence.edges[0].node.id,
      schedule: schedule.createSchedule.id,
      shareLink: share.createShareLink.shareLink.id,
      apiKey: key.createApiKey.apiKey.id,
      notification: notificationUuid,
    },
    shareToken: String(share.createShareLink.url).split('/').pop()!,
    reportUuid,
    framework: `${tag}_framework`,
    agent,
    environment,
    clientIds,
  };
}

/** Root fields of the schema as the server introspects it (the real, served schema). */
export async function rootFields(app: TestApp, key: string): Promise<{ query: string[]; mutation: string[]; subscription: string[] }> {
  const data = (await rawGql(app, key, getIntrospectionQuery())).data as { __schema: { queryType: { name: string }; mutationType: { name: string }; subscriptionType: { name: string }; types: Array<{ name: string; fields: Array<{ name: string }> | null }> } };
  const fieldsOf = (name: string) => data.__schema.types.find((t) => t.name === name)!.fields!.map((f) => f.name).sort();
  return {
    query: fieldsOf(data.__schema.queryType.name),
    mutation: fieldsOf(data.__schema.mutationType.name),
    subscription: fieldsOf(data.__schema.subscriptionType.name),
  };
}
