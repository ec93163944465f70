/**
 * An API process's statement timeout (STATEMENT_TIMEOUT_SECONDS, set by
 * `serve`): a statement the database does not finish in time is cancelled,
 * and the request answers UNAVAILABLE (503 with Retry-After) instead of
 * holding the client and its pooled connection for good. Here the database
 * "stops answering" one organisation's ingest because another session holds
 * that organisation's ingest lock; a Citus worker that stops answering looks
 * the same to the API. Nothing half is stored, and the bodies sent again once
 * the database answers are stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { INGEST_LOCK } from '../src/events/store.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { postNdjson, testEvent } from './support/events.ts';

const IngestAuditEvents = graphql(`
  mutation IngestAuditEvents($events: [AuditEventInput!]!) {
    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }
  }
`);

const TIMEOUT_SECONDS = 1;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'none', settings: { statement_timeout: `${TIMEOUT_SECONDS}s` } });
});
afterAll(() => app?.close());

const ingest = (key: string, events: unknown[]) => postNdjson(app, key, events);

describe('statement timeout of an API process', () => {
  it('answers UNAVAILABLE when the database does not answer in time, stores nothing half, and stores the resent body once', async () => {
    const org = await app.newOrg('Stalled');
    const other = await app.newOrg('Answered');
    const { sql } = app.services.database;
    const stored = async (orgId: string) => Number((await sql`select count(*)::int as n from audit_events where org_id = ${orgId}::uuid`)[0]!.n);
    const events = Array.from({ length: 50 }, (_, i) => testEvent(i, 'stalled'));

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    // Another session (not bound by the API's timeout) holds the organisation's ingest lock.
    const holder = sql.begin(async (tx) => {
      await tx`select set_config('statement_timeout', '0', true)`;
      await tx`select pg_advisory_xact_lock(${INGEST_LOCK}, hashtext(${org.orgId}))`;
      locked();
      await released;
    });
    try {
      await holding;
      const started = performance.now();
      const refused = await ingest(org.adminKey, events);
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toMatch(/^\d+$/);
      expect(refused.json.error?.code).toBe('UNAVAILABLE');
      const viaGraphql = await app.gql(org.adminKey, IngestAuditEvents, { events: [testEvent(0, 'graphql')] });
      expect(viaGraphql.status).toBe(503);
      expect(viaGraphql.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(viaGraphql.errors?.[0]?.message).not.toMatch(/statement timeout|canceling/i);
      // Answered at the timeout, not when the lock went.
      expect(performance.now() - started).toBeLessThan(20_000);
      // The connections the cancelled statements ran on serve other organisations.
      expect((await ingest(other.adminKey, events)).json).toMatchObject({ accepted: 50 });
      expect(await stored(org.orgId)).toBe(0);
    } finally {
      release();
      await holder;
    }
    expect((await ingest(org.adminKey, events)).json).toMatchObject({ accepted: 50, duplicates: 0 });
    expect((await ingest(org.adminKey, events)).json).toMatchObject({ accepted: 0, duplicates: 50 });
    expect(await stored(org.orgId)).toBe(50);
  });
});
