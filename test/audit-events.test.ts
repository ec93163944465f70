import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { AuditEventFilter } from '../client/graphql.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { BASE_TIME, testEvent } from './support/events.ts';

const Events = graphql(`
  query AuditEventsPage($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id sequence clientId occurredAt receivedAt environment agentId sessionId
          actor { type id email }
          category action decision policyId tool { name tags } severity outcome
          dataSubjects personalData costUsd ttlSeconds attributes
        }
      }
    }
  }
`);

const EventNode = graphql(`
  query AuditEventNode($id: ID!) {
    node(id: $id) { id ... on AuditEvent { clientId action } }
  }
`);

const Registries = graphql(`
  query Registries {
    agents { agentId firstSeenAt lastSeenAt }
    environments { name firstSeenAt lastSeenAt }
    tools { name tags firstSeenAt lastSeenAt }
  }
`);

const N = 120;
let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
beforeAll(async () => {
  app = await startTestApp();
  org = await app.newOrg();
  const body = Array.from({ length: N }, (_, i) => JSON.stringify(testEvent(i, 'q'))).join('\n');
  const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body });
  expect(await response.json()).toMatchObject({ accepted: N });
});
afterAll(() => app.close());

const expected = (predicate: (e: ReturnType<typeof testEvent>) => boolean) =>
  Array.from({ length: N }, (_, i) => testEvent(i, 'q')).filter(predicate).map((e) => e.id as string);

async function allIds(filter: AuditEventFilter, first = 500): Promise<string[]> {
  const result = await app.gql(org.adminKey, Events, { filter, first });
  expect(result.errors).toBeUndefined();
  expect(result.data!.auditEvents.totalCount).toBe(result.data!.auditEvents.edges.length);
  return result.data!.auditEvents.edges.map((e) => e.node.clientId!);
}

describe('auditEvents', () => {
  it('returns every contract field as stored', async () => {
    const result = await app.gql(org.adminKey, Events, { first: 1, filter: { from: new Date(BASE_TIME).toISOString() } });
    const node = result.data!.auditEvents.edges[0]!.node;
    expect(node).toMatchObject({
      clientId: 'q-0',
      occurredAt: new Date(BASE_TIME).toISOString(),
      environment: 'staging',
      agentId: 'agent-0',
      sessionId: 'session-0',
      actor: { type: 'AGENT', id: 'agent-0', email: null },
      category: 'TOOL_CALL',
      action: 'tool_call.done',
      decision: 'ALLOW',
      tool: { name: 'tool-0', tags: ['pii', 't0'] },
      severity: 'INFO',
      outcome: 'SUCCESS',
      dataSubjects: ['subject-0'],
      personalData: [],
      costUsd: 0,
      ttlSeconds: null,
      attributes: { n: 0 },
    });
    expect(typeof node.sequence).toBe('number');
    expect(Date.parse(node.receivedAt)).toBeGreaterThan(BASE_TIME);
  });

  it('filters by each field, and by all of them together', async () => {
    const at = (i: number) => new Date(BASE_TIME + i * 1000).toISOString();
    expect(await allIds({ from: at(10), to: at(20) })).toEqual(expected((e) => e.occurredAt >= at(10) && e.occurredAt < at(20)));
    expect(await allIds({ environment: 'production' })).toEqual(expected((e) => e.environment === 'production'));
    expect(await allIds({ agentIds: ['agent-1', 'agent-2'] })).toEqual(expected((e) => e.agentId !== 'agent-0'));
    expect(await allIds({ categories: ['DLP', 'ADMIN'] })).toEqual(expected((e) => e.category === 'dlp' || e.category === 'admin'));
    expect(await allIds({ actions: ['approval.done'] })).toEqual(expected((e) => e.action === 'approval.done'));
    expect(await allIds({ decisions: ['HOLD'] })).toEqual(expected((e) => e.decision === 'hold'));
    expect(await allIds({ severities: ['CRITICAL', 'HIGH'] })).toEqual(expected((e) => e.severity === 'critical' || e.severity === 'high'));
    expect(await allIds({ dataSubject: 'subject-3' })).toEqual(expected((e) => e.dataSubjects?.includes('subject-3') ?? false));
    const combined = await allIds({ environment: 'staging', agentIds: ['agent-0'], decisions: ['ALLOW'], from: at(0), to: at(100) });
    expect(combined).toEqual(expected((e) => e.environment === 'staging' && e.agentId === 'agent-0' && e.decision === 'allow' && e.occurredAt < at(100)));
    expect(combined.length).toBeGreaterThan(0);
  });

  it('pages through everything in time order, stable and complete', async () => {
    const page = (after: string | null) => app.gql(org.adminKey, Events, { first: 25, after });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Awaited<ReturnType<typeof page>> = await page(after);
      const conn = result.data!.auditEvents;
      expect(conn.totalCount).toBe(pages < 2 ? N : N + 1);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...conn.edges.map((e) => e.node.clientId!));
      pages++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
      // Events arriving meanwhile, earlier in time than the cursor, do not shift later pages.
      if (pages === 2) {
        await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: JSON.stringify({ ...testEvent(0, 'late'), occurredAt: '2025-12-31T00:00:00Z' }) });
      }
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: N }, (_, i) => `q-${i}`));
  });

  it('rejects a page over 500 and a forged cursor with BAD_USER_INPUT', async () => {
    const big = await app.gql(org.adminKey, Events, { first: 501 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await app.gql(org.adminKey, Events, { first: 5, after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const backwards = await app.gql(org.adminKey, Events, { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves node(id) within the organisation only', async () => {
    const page = await app.gql(org.adminKey, Events, { first: 1, filter: { from: new Date(BASE_TIME).toISOString() } });
    const id = page.data!.auditEvents.edges[0]!.node.id;
    const own = await app.gql(org.adminKey, EventNode, { id });
    expect(own.data?.node).toMatchObject({ id, clientId: 'q-0' });

    const other = await app.newOrg();
    const foreign = await app.gql(other.adminKey, EventNode, { id });
    expect(foreign.data?.node ?? null).toBeNull();
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await app.gql(other.adminKey, EventNode, { id: Buffer.from('AuditEvent:abc').toString('base64') });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows another organisation none of the events or registries', async () => {
    const other = await app.newOrg();
    const events = await app.gql(other.adminKey, Events, { first: 500 });
    expect(events.data!.auditEvents).toMatchObject({ totalCount: 0, edges: [] });
    const registries = await app.gql(other.adminKey, Registries);
    expect(registries.data).toEqual({ agents: [], environments: [], tools: [] });
  });

  it('lets auditors read events, and refuses ingest and viewer keys with FORBIDDEN', async () => {
    expect((await app.gql(await org.key('auditor'), Events, { first: 1 })).data!.auditEvents.totalCount).toBeGreaterThan(0);
    for (const role of ['ingest', 'viewer'] as const) {
      const result = await app.gql(await org.key(role), Events, { first: 1 });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await app.gql(await org.key('viewer'), Registries)).data!.agents).toHaveLength(3);
    expect((await app.gql(await org.key('ingest'), Registries)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('registries', () => {
  it('records agents, environments and tools with first and last seen, and merges tool tags across uploads', async () => {
    const own = await app.newOrg();
    const send = (events: object[]) =>
      app.fetch('/ingest', { method: 'POST', key: own.adminKey, body: events.map((e) => JSON.stringify(e)).join('\n') }).then((r) => r.json());
    const e = (i: number, extra: object) => ({ ...testEvent(i, 'r'), ...extra });
    await send([e(5, { tool: { name: 'crm', tags: ['pii'] } }), e(9, { tool: { name: 'crm', tags: ['sales'] } })]);
    // Older and newer events later widen the range; new tags are added, none lost.
    await send([e(1, { tool: { name: 'crm', tags: ['pii', 'export'] } }), e(20, { tool: { name: 'search' } })]);
    const result = await app.gql(own.adminKey, Registries);
    const at = (i: number) => new Date(BASE_TIME + i * 1000).toISOString();
    expect(result.data!.tools).toEqual([
      { name: 'crm', tags: ['export', 'pii', 'sales'], firstSeenAt: at(1), lastSeenAt: at(9) },
      { name: 'search', tags: [], firstSeenAt: at(20), lastSeenAt: at(20) },
    ]);
    expect(result.data!.agents).toEqual([
      { agentId: 'agent-0', firstSeenAt: at(9), lastSeenAt: at(9) },
      { agentId: 'agent-1', firstSeenAt: at(1), lastSeenAt: at(1) },
      { agentId: 'agent-2', firstSeenAt: at(5), lastSeenAt: at(20) },
    ]);
    expect(result.data!.environments).toEqual([
      { name: 'production', firstSeenAt: at(1), lastSeenAt: at(9) },
      { name: 'staging', firstSeenAt: at(20), lastSeenAt: at(20) },
    ]);
  });
});
