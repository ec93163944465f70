/**
 * A Citus worker that is down (CLUSTER_TESTS=1, with CITUS_CLUSTER_SH naming
 * the script that starts a throwaway cluster, as the third pass of .ci/run
 * sets it): on a small cluster of its own, so the other files of the pass keep
 * theirs, one worker is stopped with pg_ctl while the service runs.
 * - Ingest for an organisation whose shards are on that worker answers at
 *   once with 503 / UNAVAILABLE (NDJSON) or extensions.code UNAVAILABLE
 *   (GraphQL), never hangs, and stores nothing half;
 * - an organisation on the other worker is served as before;
 * - once the worker is back, the same bodies sent again are stored exactly
 *   once, and every event accepted before, during and after is there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../client/gql.ts';
import { connect } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/databases.ts';
import { postNdjson, testEvent } from '../support/events.ts';

const IngestAuditEvents = graphql(`
  mutation IngestAuditEvents($events: [AuditEventInput!]!) {
    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }
  }
`);

const PG_CTL = '/usr/lib/postgresql/15/bin/pg_ctl';
const script = process.env.CITUS_CLUSTER_SH;
let dir = '';
let base = 0;
let app: TestApp;

/** A port with the next two free as well (coordinator and two workers), below the ephemeral range (32768 and up) where an outgoing connection can take a port between this check and the start. */
async function freeBase(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let port = 22_000 + Math.floor(Math.random() * 6_000); ; port += 3) {
    if ((await free(port)) && (await free(port + 1)) && (await free(port + 2))) return port;
  }
}

const pgCtl = (port: number, action: 'stop' | 'start') =>
  execFileSync('runuser', ['-u', 'postgres', '--', PG_CTL, '-D', `${dir}/node-${port}`, ...(action === 'start' ? ['-l', `${dir}/node-${port}.log`] : ['-m', 'fast']), '-w', action], { stdio: 'ignore' });

beforeAll(async () => {
  if (!script) throw new Error('CITUS_CLUSTER_SH must name cluster.sh (a throwaway Citus cluster; .ci/run sets it): this test stops a worker of a cluster of its own');
  dir = mkdtempSync('/tmp/agr-worker-down-');
  base = await freeBase();
  const coordinator = execFileSync(script, ['start', dir, String(base), '2'], { encoding: 'utf8' }).trim();
  const url = await createTestDatabase(coordinator, 'agr_worker_down');
  const database = connect(url, { max: 2 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  app = await startTestApp({ jobs: 'none', env: { DATABASE_URL: url } });
}, 300_000);

afterAll(async () => {
  await app?.close();
  if (script && dir) execFileSync(script, ['stop', dir], { stdio: 'ignore' });
});

const ingest = (key: string, events: unknown[]) => postNdjson(app, key, events);

const stored = async (orgId: string) => Number((await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${orgId}::uuid`)[0]!.n);

describe('a worker that is down', () => {
  it('answers the requests that need it with UNAVAILABLE at once, serves the other worker\'s organisations, and loses no accepted event', { timeout: 300_000 }, async () => {
    const { sql } = app.services.database;
    // One organisation whose shard group is on the worker that will stop, one on the other.
    const workerOf = async (orgId: string) =>
      Number((await sql`select n.nodeport from pg_dist_placement p join pg_dist_node n using (groupid)
                        where p.shardid = get_shard_id_for_distribution_column('audit_events', ${orgId}::uuid)`)[0]!.nodeport);
    const byWorker = new Map<number, { orgId: string; adminKey: string }>();
    for (let i = 0; byWorker.size < 2 && i < 40; i++) {
      const org = await app.newOrg(`Org ${i}`);
      const port = await workerOf(org.orgId);
      if (!byWorker.has(port)) byWorker.set(port, org);
    }
    const stopped = base + 1;
    const down = byWorker.get(stopped)!;
    const up = byWorker.get(base + 2)!;
    expect(down && up).toBeTruthy();

    const before = Array.from({ length: 500 }, (_, i) => testEvent(i, 'before'));
    expect((await ingest(down.adminKey, before)).json.accepted).toBe(500);

    pgCtl(stopped, 'stop');
    try {
      const during = Array.from({ length: 300 }, (_, i) => testEvent(i, 'during'));
      const refused = await ingest(down.adminKey, during);
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toMatch(/^\d+$/);
      expect(refused.json.error?.code).toBe('UNAVAILABLE');
      expect(refused.json.error?.message).toMatch(/send/i);
      expect(refused.json.confirmedThroughLine ?? 0).toBe(0);

      const viaGraphql = await app.gql(down.adminKey, IngestAuditEvents, { events: [testEvent(0, 'graphql')] });
      expect(viaGraphql.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(viaGraphql.status).toBe(503);

      // The other worker's organisation: stored as before.
      expect((await ingest(up.adminKey, during)).json.accepted).toBe(300);
      expect(await stored(up.orgId)).toBe(300);
    } finally {
      pgCtl(stopped, 'start');
    }

    // Back: the refused bodies sent again are stored, once; nothing accepted earlier went missing.
    const during = Array.from({ length: 300 }, (_, i) => testEvent(i, 'during'));
    expect((await ingest(down.adminKey, during)).json).toMatchObject({ accepted: 300, duplicates: 0 });
    expect((await app.gql(down.adminKey, IngestAuditEvents, { events: [testEvent(0, 'graphql')] })).data?.ingestAuditEvents.accepted).toBe(1);
    expect((await ingest(down.adminKey, before)).json).toMatchObject({ accepted: 0, duplicates: 500 });
    expect(await stored(down.orgId)).toBe(801);
    const ids = await sql`select count(distinct client_id)::int as n from audit_events where org_id = ${down.orgId}::uuid`;
    expect(ids[0]!.n).toBe(801);
  });
});
