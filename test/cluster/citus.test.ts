/**
 * On a Citus cluster (DATABASE_URL on the coordinator; run with
 * CLUSTER_TESTS=1, as the third pass of .ci/run does):
 * - one organisation's report generation sends every remote command to that
 *   organisation's shard group only (Citus's own log of remote commands),
 *   so a change that fans a report out over the shards fails here;
 * - the same events in a plain PostgreSQL and in a fresh cluster database
 *   give every report type the same metrics, findings, evidence counts,
 *   evidence events and content hash (which covers the events and the scope;
 *   the chain head alone differs, as it covers each ingest batch's random id);
 * - a coordinator without workers is refused by migrate with what to do.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../src/db/client.ts';
import { citusState, ClusterError, DISTRIBUTED_BY_ORG, distributeTables, REFERENCE } from '../../src/db/distribution.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { agents, auditEvents, findings, organizations, reports } from '../../src/db/schema.ts';
import { seedDemoData } from '../../src/demo/seed.ts';
import { reportTypes } from '../../src/frameworks/index.ts';
import { verifyEventChain } from '../../src/events/chain.ts';
import { buildReport, type ReportContent } from '../../src/reports/generate.ts';
import { canonicalJson, sha256Hex } from '../../src/reports/integrity.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase, dropTestDatabase } from '../support/databases.ts';
import { until } from '../support/until.ts';

const END = new Date('2026-11-01T00:00:00Z');
const PERIOD = { start: new Date(END.getTime() - 60 * 86_400_000), end: END };
const EVENTS = 6_000;
const adminUrl = () => inject('adminUrl');
const created: string[] = [];

async function freshDatabase(kind: 'cluster' | 'plain'): Promise<string> {
  const name = `agr_${kind}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const url = await createTestDatabase(adminUrl(), name, { plain: kind === 'plain' });
  created.push(name);
  const database = connect(url, { max: 2 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return url;
}

afterAll(async () => {
  for (const name of created) await dropTestDatabase(adminUrl(), name);
});

/** Creates the report row as a request would, runs the engine, returns the completed row. */
async function generate(app: TestApp, orgId: string, type: string, agentIds: string[] = []) {
  const id = randomUUID();
  const { db } = app.services.database;
  await db.insert(reports).values({
    id, orgId, type, title: `${type} on a cluster`, status: 'generating', periodStart: PERIOD.start, periodEnd: PERIOD.end,
    agentIds, sampleSeed: 'unset', lineageId: id, createdBy: 'test',
  });
  await buildReport(app.services, id, async () => {}, orgId);
  const [row] = await db.select().from(reports).where(and(eq(reports.orgId, orgId), eq(reports.id, id)));
  expect(row!.status, `${type}: ${row!.error}`).toBe('completed');
  return row!;
}

/** The scope a report type needs: a DSAR is about one agent. */
const agentsFor = (type: string, agent: string) => (type === 'gdpr_dsar' ? [agent] : []);

/**
 * A test app whose connections log Citus's remote commands; its `capture` runs some work and
 * returns the remote commands issued meanwhile ("issuing …" notices) with the work's result.
 */
type Capture = <T>(work: () => Promise<T>) => Promise<[string[], T]>;
async function withRemoteCommands(body: (app: TestApp, capture: Capture) => Promise<void>): Promise<void> {
  let notices: string[] | null = null;
  const app = await startTestApp({
    jobs: 'none',
    settings: { 'citus.log_remote_commands': 'on' },
    onNotice: (n) => {
      if (notices && n.message.startsWith('issuing ')) notices.push(n.message);
    },
  });
  const capture: Capture = async (work) => {
    const captured: string[] = (notices = []);
    try {
      return [captured, await work()];
    } finally {
      notices = null;
    }
  };
  try {
    await body(app, capture);
  } finally {
    await app.close();
  }
}

describe('on the cluster', () => {
  it('is a Citus coordinator with workers, and the run\'s database is distributed', async () => {
    const database = connect(inject('databaseUrl'), { max: 1 });
    try {
      const state = await citusState(database.sql);
      expect(state.citus).toMatch(/^\d+\.\d+/);
      expect(state.workers).toBeGreaterThanOrEqual(1);
    } finally {
      await database.close();
    }
  });

  it('sends every remote command of one organisation\'s reports, of every type, and of its trail\'s verification to that organisation\'s shard group', { timeout: 600_000 }, async () => {
    await withRemoteCommands(async (app, capture) => {
      const org = await app.newOrg('Router');
      const other = await app.newOrg('Neighbour');
      await seedDemoData(app.services, org.orgId, { events: 3_000, seed: 11, end: END });
      await seedDemoData(app.services, other.orgId, { events: 1_000, seed: 12, end: END });
      const { sql } = app.services.database;
      const distributed = DISTRIBUTED_BY_ORG.map((t) => getTableConfig(t).name);
      const reference = REFERENCE.map((t) => getTableConfig(t).name);
      const own = new Set<string>();
      for (const table of distributed) {
        const [row] = await sql`select get_shard_id_for_distribution_column(${table}, ${org.orgId}::uuid) as id`;
        own.add(`${table}_${row!.id}`);
      }
      const [theirs] = await sql`select get_shard_id_for_distribution_column('audit_events', ${other.orgId}::uuid) as id`;
      const referenceShards = new Set(
        (await sql`select logicalrelid::regclass::text as t, shardid from pg_dist_shard where logicalrelid::regclass::text = any(${reference})`).map((r) => `${r.t}_${r.shardid}`),
      );
      const [agent] = await app.services.database.db.select({ id: agents.agentId }).from(agents).where(eq(agents.orgId, org.orgId)).limit(1);

      const [notices, verified] = await capture(async () => {
        for (const framework of reportTypes()) await generate(app, org.orgId, framework.type, agentsFor(framework.type, agent!.id));
        // The trail's verification too: links against their batches' events, events without a link.
        return verifyEventChain(app.services.database, org.orgId);
      });
      expect(verified.problems).toEqual([]);
      expect(verified.links).toBeGreaterThan(0);
      expect(verified.events).toBeGreaterThan(0);

      const shardNames = new RegExp(`\\b(?:${[...distributed, ...reference].join('|')})_\\d+\\b`, 'g');
      const touched = new Set(notices.flatMap((n) => n.match(shardNames) ?? []));
      const elsewhere = [...touched].filter((s) => !own.has(s) && !referenceShards.has(s));
      // Reports were built and the trail verified on the workers, in this organisation's group only.
      expect(notices.length).toBeGreaterThan(reportTypes().length * 5);
      expect(elsewhere, notices.filter((n) => elsewhere.some((s) => n.includes(s))).slice(0, 3).join('\n')).toEqual([]);
      const ownEvents = [...own].find((s) => s.startsWith('audit_events_'))!;
      expect(touched.has(ownEvents)).toBe(true);
      // The neighbour's events (another shard, unless both hash to the same one) were never asked for.
      if (`audit_events_${theirs!.id}` !== ownEvents) expect(touched.has(`audit_events_${theirs!.id}`)).toBe(false);
    });
  });

  it('authenticates a request and records its key\'s use on the organisation\'s shard, writing no reference table', { timeout: 120_000 }, async () => {
    await withRemoteCommands(async (app, capture) => {
      const org = await app.newOrg('Key use');
      const { sql } = app.services.database;
      const [notices] = await capture(async () => {
        const response = await app.fetch('/graphql', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { keyName } }' }) });
        expect(response.status).toBe(200);
        await until(async () => (await sql`select 1 from api_key_uses where org_id = ${org.orgId}::uuid`).length > 0, 'the key\'s use to be recorded');
      });
      const [own] = await sql`select get_shard_id_for_distribution_column('api_key_uses', ${org.orgId}::uuid) as id`;
      const writes = notices.filter((n) => /\b(insert|update|delete)\b/i.test(n) || n.includes('lock_shard_resources'));
      // One write: the use, on this organisation's shard. A write to a reference table would lock
      // its shard on every node (lock_shard_resources), which is what met organisation creation in a deadlock.
      expect(writes.length, writes.join('\n')).toBe(1);
      expect(writes[0]).toContain(`api_key_uses_${own!.id}`);
    });
  });

  it('gives every report type the same metrics, findings, evidence and hash as a single PostgreSQL given the same events', { timeout: 900_000 }, async () => {
    const [clusterUrl, plainUrl] = [await freshDatabase('cluster'), await freshDatabase('plain')];
    const orgId = randomUUID();
    const apps = [await startTestApp({ jobs: 'none', env: { DATABASE_URL: clusterUrl } }), await startTestApp({ jobs: 'none', env: { DATABASE_URL: plainUrl } })];
    try {
      const [cluster, plain] = apps as [TestApp, TestApp];
      expect((await citusState(cluster.services.database.sql)).workers).toBeGreaterThanOrEqual(1);
      expect((await citusState(plain.services.database.sql)).citus).toBeNull();
      for (const app of apps) {
        await app.services.database.db.insert(organizations).values({ id: orgId, name: 'Same events' });
        await seedDemoData(app.services, orgId, { events: EVENTS, seed: 3, end: END });
      }
      const [agent] = await plain.services.database.db.select({ id: agents.agentId }).from(agents).where(eq(agents.orgId, orgId)).limit(1);
      for (const framework of reportTypes()) {
        const scope = agentsFor(framework.type, agent!.id);
        const [a, b] = [await generate(cluster, orgId, framework.type, scope), await generate(plain, orgId, framework.type, scope)];
        const [ca, cb] = [a.content as ReportContent, b.content as ReportContent];
        // Each stored hash is the hash of its own content.
        expect(a.contentSha256).toBe(sha256Hex(canonicalJson(ca)));
        expect(b.contentSha256).toBe(sha256Hex(canonicalJson(cb)));
        expect(ca.integrity.chain.link).toBe(cb.integrity.chain.link);
        const withoutHead = (c: ReportContent) => ({ ...c, integrity: { ...c.integrity, chain: { ...c.integrity.chain, head: null } } });
        expect(withoutHead(ca), framework.type).toEqual(withoutHead(cb));
        expect(sha256Hex(canonicalJson(withoutHead(ca)))).toBe(sha256Hex(canonicalJson(withoutHead(cb))));
        expect(a.eventCount).toBe(b.eventCount);
        expect(a.watermark).toBe(b.watermark);

        const stored = async (app: TestApp, reportId: string) =>
          app.services.database.db
            .select({ ordinal: findings.ordinal, controlId: findings.controlId, status: findings.status, value: findings.value, evidenceCount: findings.evidenceCount, evidenceHead: findings.evidenceHead })
            .from(findings)
            .where(and(eq(findings.orgId, orgId), eq(findings.reportId, reportId)))
            .orderBy(findings.ordinal);
        const [fa, fb] = [await stored(cluster, a.id), await stored(plain, b.id)];
        expect(fa.length).toBe(ca.findings.length);
        expect(fa).toEqual(fb);
        // The evidence events themselves: the same rows behind every finding's first page.
        const seqs = [...new Set(fa.flatMap((f) => f.evidenceHead ?? []))];
        const events = async (app: TestApp) =>
          seqs.length
            ? app.services.database.db
                .select({ seq: auditEvents.seq, clientId: auditEvents.clientId, occurredAt: auditEvents.occurredAt, action: auditEvents.action, agentId: auditEvents.agentId, decision: auditEvents.decision })
                .from(auditEvents)
                .where(and(eq(auditEvents.orgId, orgId), inArray(auditEvents.seq, seqs)))
                .orderBy(auditEvents.seq)
            : [];
        const [ea, eb] = [await events(cluster), await events(plain)];
        expect(ea.length).toBe(seqs.length);
        expect(ea).toEqual(eb);
      }
    } finally {
      for (const app of apps) await app.close();
    }
  });

  it('refuses a coordinator without workers at migrate, saying how to add them', { timeout: 300_000 }, async () => {
    const name = `agr_noworkers_${Date.now().toString(36)}`;
    const url = await createTestDatabase(adminUrl(), name, { plain: true });
    created.push(name);
    // Two connections: migrate holds its advisory lock on one and migrates on another.
    const database = connect(url, { max: 2 });
    try {
      await database.sql`create extension citus`;
      const error = await distributeTables(database.sql).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ClusterError);
      expect((error as Error).message).toMatch(/without worker nodes.*citus_add_node/);
      await expect(migrateDatabase(database)).rejects.toThrow(/citus_add_node/);
    } finally {
      await database.close();
    }
  });
});
