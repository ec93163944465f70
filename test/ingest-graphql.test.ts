import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { AuditEventInput } from '../client/graphql.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { testEvent } from './support/events.ts';

const Ingest = graphql(`
  mutation IngestAuditEvents($events: [AuditEventInput!]!) {
    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }
  }
`);

const CreateKey = graphql(`
  mutation CreateKeyForTrail($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id } }
  }
`);

const RevokeKey = graphql(`
  mutation RevokeKeyForTrail($id: ID!) {
    revokeApiKey(id: $id) { id }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const input = (i: number, prefix = 'g') => testEvent(i, prefix) as AuditEventInput;

describe('ingestAuditEvents', () => {
  it('stores the good events and rejects the bad ones by index, then counts a resend as duplicates', async () => {
    const org = await app.newOrg();
    const events: AuditEventInput[] = [
      input(0),
      { ...input(1), occurredAt: '2026-01-01 10:00' },
      input(2),
      { ...input(3), category: 'gossip' },
      { ...input(4), decision: 'perhaps' },
      { ...input(5), actor: { type: 'agent' } },
      { ...input(6), occurredAt: null },
      input(7),
    ];
    const first = await app.gql(org.adminKey, Ingest, { events });
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestAuditEvents).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: [
        { index: 1, field: 'occurredAt', message: expect.stringMatching(/offset/) },
        { index: 3, field: 'category', message: expect.stringMatching(/must be one of policy_decision/) },
        { index: 4, field: 'decision', message: expect.stringMatching(/must be one of allow/) },
        { index: 5, field: 'actor.id', message: 'is required' },
        { index: 6, field: 'occurredAt', message: expect.stringMatching(/string/) },
      ],
    });
    const again = await app.gql(org.adminKey, Ingest, { events: [input(0), input(2), input(7), input(8)] });
    expect(again.data!.ingestAuditEvents).toMatchObject({ accepted: 1, duplicates: 3, rejected: [] });
    const [row] = await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${org.orgId} and category <> 'admin'`;
    expect(row!.n).toBe(4);
  });

  it('answers a value of the wrong GraphQL type with BAD_USER_INPUT naming its path, and stores nothing', async () => {
    const org = await app.newOrg();
    const bad = [input(0), { ...input(1), ttlSeconds: 'ten' as unknown as number }];
    const result = await app.gql(org.adminKey, Ingest, { events: bad });
    expect(result.status).toBe(400);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events[1].ttlSeconds' });
    expect(result.errors![0]!.message).toMatch(/Int cannot represent non-integer value: "ten"/);
    const [row] = await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${org.orgId}`;
    expect(row!.n).toBe(0);
  });

  it('refuses more than 1,000 events with BAD_USER_INPUT naming the limit and the NDJSON route', async () => {
    const org = await app.newOrg();
    const events = Array.from({ length: 1_001 }, (_, i) => input(i));
    const result = await app.gql(org.adminKey, Ingest, { events });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    expect(result.errors?.[0]?.message).toMatch(/at most 1,000 events.*POST \/ingest/);
    const [row] = await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${org.orgId}`;
    expect(row!.n).toBe(0);
    const exactly = await app.gql(org.adminKey, Ingest, { events: events.slice(0, 1_000) });
    expect(exactly.data!.ingestAuditEvents.accepted).toBe(1_000);
  });

  it('lets ingest and admin keys write, and refuses viewers and auditors with FORBIDDEN', async () => {
    const org = await app.newOrg();
    const ingestKey = await org.key('ingest');
    expect((await app.gql(ingestKey, Ingest, { events: [input(1)] })).data!.ingestAuditEvents.accepted).toBe(1);
    for (const role of ['viewer', 'auditor'] as const) {
      const result = await app.gql(await org.key(role), Ingest, { events: [input(2)] });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('records API key creation and revocation in the service\'s own trail, naming the caller\'s key id, never a key', async () => {
    const org = await app.newOrg();
    const created = await app.gql(org.adminKey, CreateKey, { input: { name: 'gateway', role: 'INGEST' } });
    const newKey = created.data!.createApiKey;
    await app.gql(org.adminKey, RevokeKey, { id: newKey.apiKey.id });
    const rows = await app.services.database.sql`
      select action, category, actor_type, actor_id, resource, attributes::text as attributes
      from audit_events where org_id = ${org.orgId} order by seq`;
    const [adminKeyRow] = await app.services.database.sql`select id from api_keys where org_id = ${org.orgId} and name = 'admin'`;
    expect(rows.map((r) => r.action)).toEqual(['api_key.created', 'api_key.revoked']);
    for (const r of rows) {
      expect(r).toMatchObject({ category: 'admin', actor_type: 'service', actor_id: adminKeyRow!.id, resource: `api_key:${newKey.apiKey.id}` });
      expect(JSON.stringify(r)).not.toContain(newKey.key);
    }
  });
});
