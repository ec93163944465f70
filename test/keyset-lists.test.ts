/**
 * The four newest-first lists (reports, data exports, compliance packages, the notification
 * outbox) share one keyset lister: each pages through every row once, in order, across rows
 * created in the same millisecond, and answers a cursor it never issued with the same error.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compliancePackages, dataExports, notifications, reports } from '../src/db/schema.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const LISTS = ['reports', 'dataExports', 'compliancePackages', 'notifications'] as const;
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string } }> };
const query = (list: (typeof LISTS)[number]) =>
  parse(`query ($first: Int, $after: String, $last: Int, $before: String) { ${list}(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`) as TypedDocumentNode<
    Record<string, Page>,
    { first?: number; after?: string | null; last?: number; before?: string | null }
  >;

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
const ROWS = 7;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
  org = await app.newOrg('Keyset');
  const db = app.services.database.db;
  const period = { periodStart: new Date('2026-01-01T00:00:00Z'), periodEnd: new Date('2026-02-01T00:00:00Z') };
  // Rows 2 to 4 share one millisecond: only the id orders them, which the cursor must carry.
  const createdAt = (i: number) => new Date(Date.parse('2026-03-01T00:00:00Z') + (i >= 2 && i <= 4 ? 2 : i) * 60_000);
  const reportIds: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const id = randomUUID();
    reportIds.push(id);
    await db.insert(reports).values({ id, orgId: org.orgId, type: 'soc2', title: `r${i}`, status: 'pending', ...period, sampleSeed: 'x', lineageId: id, createdBy: 'test', createdAt: createdAt(i) });
    await db.insert(dataExports).values({ orgId: org.orgId, kind: 'audit_log', format: 'csv', status: 'pending', ...period, createdBy: 'test', createdAt: createdAt(i) });
    await db.insert(compliancePackages).values({ orgId: org.orgId, title: `p${i}`, status: 'pending', ...period, frameworks: ['soc2'], reportIds: [], createdBy: 'test', createdAt: createdAt(i) });
    await db.insert(notifications).values({ orgId: org.orgId, reportId: id, channel: 'email', target: 'a@example.com', event: 'report.completed', body: `n${i}`, createdAt: createdAt(i) });
  }
});
afterAll(() => app.close());

describe.each(LISTS)('%s', (list) => {
  it('pages through every row once, newest first, with cursors the next page accepts', async () => {
    const all = (await app.gql(org.adminKey, query(list), { first: 100 })).data![list]!;
    expect(all.totalCount).toBe(ROWS);
    expect(all.edges).toHaveLength(ROWS);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: all.edges[0]!.cursor, endCursor: all.edges.at(-1)!.cursor });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = (await app.gql(org.adminKey, query(list), { first: 2, after })).data![list]!;
      expect(page.totalCount).toBe(ROWS);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(ROWS / 2));
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    // An empty last page says so, with no cursors.
    const past = (await app.gql(org.adminKey, query(list), { first: 2, after: all.pageInfo.endCursor })).data![list]!;
    expect(past).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, startCursor: null, endCursor: null } });
  });

  it('pages back from the oldest row to the newest with last and before, as the console\'s "previous" does', async () => {
    const all = (await app.gql(org.adminKey, query(list), { first: 100 })).data![list]!;
    const seen: string[] = [];
    let before: string | null = all.pageInfo.endCursor;
    const oldest = all.edges.at(-1)!.node.id;
    let pages = 0;
    do {
      const page: Page = (await app.gql(org.adminKey, query(list), { last: 2, before })).data![list]!;
      expect(page.totalCount).toBe(ROWS);
      // Each page is newest first, as forward pages are; the cursor's own row is on neither side.
      expect(page.pageInfo.hasNextPage).toBe(true);
      seen.unshift(...page.edges.map((e) => e.node.id));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
      pages++;
    } while (before);
    expect(pages).toBe(Math.ceil((ROWS - 1) / 2));
    expect([...seen, oldest]).toEqual(all.edges.map((e) => e.node.id));
    // Forward and backward at once is refused, saying how to page.
    const both = await app.gql(org.adminKey, query(list), { first: 2, last: 2 });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0]?.message).toMatch(/forward \(first, after\) or backward \(last, before\)/);
    const badBefore = await app.gql(org.adminKey, query(list), { last: 2, before: 'not-a-cursor' });
    expect(badBefore.errors?.[0]?.message).toMatch(/before must be a cursor returned by this API \(pageInfo\.startCursor\)/);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['a bad date', Buffer.from(JSON.stringify(['yesterday', randomUUID()])).toString('base64url')],
    ['a bad id', Buffer.from(JSON.stringify(['2026-03-01T00:00:00.000Z', 'x'])).toString('base64url')],
    ['a global id', Buffer.from(`Report:${randomUUID()}`).toString('base64')],
  ])('refuses a cursor that is %s with BAD_USER_INPUT saying what to pass', async (_what, after) => {
    const result = await app.gql(org.adminKey, query(list), { first: 2, after });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/after must be a cursor returned by this API \(pageInfo\.endCursor\)/);
  });

  it('refuses a page size out of bounds', async () => {
    const result = await app.gql(org.adminKey, query(list), { first: -1 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/first must be between 0 and \d+/);
  });
});
