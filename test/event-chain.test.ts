/**
 * Tamper evidence: events are hash-chained per organisation at ingest, with
 * concurrent batches, and `verify events` names the first broken link when a
 * row is altered, deleted or inserted by hand, or a link row is touched.
 * A report records the chain head it covered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BATCH_SIZE, ingestBatch, recordServiceEvent } from '../src/events/ingest.ts';
import { verifyEventChain } from '../src/events/chain.ts';
import { joinIngest } from '../src/events/store.ts';
import type { Sql } from '../src/db/client.ts';
import { createReport } from '../src/reports/lifecycle.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { testEvent } from './support/events.ts';
import { until } from './support/until.ts';
import { runCli } from './support/cli.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
});
afterAll(() => app.close());

const sql = () => app.services.database.sql;
const ndjson = (from: number, count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => JSON.stringify(testEvent(from + i, prefix))).join('\n');

async function ingest(key: string, body: string) {
  const response = await app.fetch('/ingest', { method: 'POST', key, body, headers: { 'content-type': 'application/x-ndjson' } });
  expect(response.status).toBe(200);
  return (await response.json()) as { accepted: number };
}

/** An organisation with three small batches (links 1–3) of 20 events each. */
async function smallChain() {
  const org = await app.newOrg('Chain');
  for (let b = 0; b < 3; b++) {
    const result = await ingestBatch(app.services.database, org.orgId, Array.from({ length: 20 }, (_, i) => testEvent(b * 20 + i, 'c')));
    expect(result.accepted).toBe(20);
  }
  const verified = await verifyEventChain(app.services.database, org.orgId);
  expect(verified).toMatchObject({ ok: true, links: 3, events: 60, unchained: 0, problems: [] });
  return org;
}

/** The sequence numbers of one link's events, in chain order. */
async function seqsOfLink(orgId: string, linkNo: number): Promise<number[]> {
  const rows = await sql()`
    select e.seq from audit_events e join event_batches b on b.org_id = e.org_id and b.batch_id = e.batch_id
    where b.org_id = ${orgId} and b.link_no = ${linkNo} order by e.seq`;
  return rows.map((r) => Number(r.seq));
}

const cli = (args: string[]) => runCli(args);

describe('the event chain', () => {
  it('chains concurrent NDJSON ingests, GraphQL batches and the service\'s own events into one verifiable chain', async () => {
    const org = await app.newOrg('Concurrent');
    // Four files at once, each stored in several batches: their COPYs interleave.
    const results = await Promise.all([0, 1, 2, 3].map((n) => ingest(org.adminKey, ndjson(n * 12_000, 12_000, `f${n}`))));
    expect(results.map((r) => r.accepted)).toEqual([12_000, 12_000, 12_000, 12_000]);
    await ingestBatch(app.services.database, org.orgId, [testEvent(1, 'gql'), testEvent(2, 'gql')]);
    await recordServiceEvent(app.services, org.orgId, { action: 'report.downloaded', actorId: 'key-1' });

    const [stored] = await sql()`select count(*)::int as n from audit_events where org_id = ${org.orgId}`;
    const [links] = await sql()`select count(*)::int as n from event_batches where org_id = ${org.orgId}`;
    const [head] = await sql()`select link_no, encode(head, 'hex') as head from event_chain_heads where org_id = ${org.orgId}`;
    const verified = await verifyEventChain(app.services.database, org.orgId);
    expect(verified).toEqual({ ok: true, links: links!.n, events: stored!.n, unchained: 0, head: head!.head, problems: [], columns: { chained: expect.arrayContaining(['occurred_at']), notChained: ['seq', 'received_at', 'batch_id', 'personal', 'pii_tool'] } });
    expect(stored!.n).toBe(48_003);
    expect(Number(head!.link_no)).toBe(links!.n);
    // A link per batch of each file, one for the GraphQL call and one for the service event.
    expect(links!.n).toBe(4 * Math.ceil(12_000 / DEFAULT_BATCH_SIZE) + 2);
    // The batches were written concurrently: some of their sequence ranges interleave.
    const [overlapping] = await sql()`
      with ranges as (select batch_id, min(seq) as lo, max(seq) as hi from audit_events where org_id = ${org.orgId} group by batch_id)
      select count(*)::int as n from ranges a join ranges b on a.batch_id < b.batch_id and a.lo < b.hi and b.lo < a.hi`;
    expect(overlapping!.n).toBeGreaterThan(0);

    // Every row altered: the first 100 problems, first link first, in bounded memory.
    await sql()`update audit_events set action = 'rewritten' where org_id = ${org.orgId}`;
    const wholesale = await verifyEventChain(app.services.database, org.orgId);
    expect(wholesale.ok).toBe(false);
    expect(wholesale.problems).toHaveLength(100);
    expect(wholesale.problems[0]!.linkNo).toBe(1);
    expect(wholesale.problems.map((p) => p.linkNo)).toEqual([...wholesale.problems.map((p) => p.linkNo)].sort((a, b) => a! - b!));
  });

  it('names the event whose row was altered, and its link', async () => {
    const org = await smallChain();
    const [, target] = await seqsOfLink(org.orgId, 2);
    await sql()`update audit_events set action = 'tampered.action' where seq = ${target!}`;
    const verified = await verifyEventChain(app.services.database, org.orgId);
    expect(verified.ok).toBe(false);
    expect(verified.problems).toEqual([{ linkNo: 2, seq: target, problem: expect.stringMatching(/does not match its hash: the row was altered/) }]);
  });

  it('finds an event deleted from the middle, from the end, and a whole batch deleted', async () => {
    const middle = await smallChain();
    const seqs = await seqsOfLink(middle.orgId, 2);
    await sql()`delete from audit_events where seq = ${seqs[5]!}`;
    const a = await verifyEventChain(app.services.database, middle.orgId);
    expect(a.problems[0]).toEqual({ linkNo: 2, seq: null, problem: 'link 2: 1 of its 20 events are missing (deleted)' });
    // The event after the hole no longer chains from its predecessor.
    expect(a.problems).toContainEqual({ linkNo: 2, seq: seqs[6], problem: expect.stringMatching(/event before it in its batch was deleted/) });

    const last = await smallChain();
    const lastSeqs = await seqsOfLink(last.orgId, 3);
    await sql()`delete from audit_events where seq = ${lastSeqs.at(-1)!}`;
    const b = await verifyEventChain(app.services.database, last.orgId);
    expect(b.ok).toBe(false);
    expect(b.problems[0]).toEqual({ linkNo: 3, seq: null, problem: 'link 3: 1 of its 20 events are missing (deleted)' });

    const whole = await smallChain();
    await sql()`delete from audit_events where seq = any(${await seqsOfLink(whole.orgId, 1)}::bigint[])`;
    const c = await verifyEventChain(app.services.database, whole.orgId);
    expect(c.problems).toEqual([{ linkNo: 1, seq: null, problem: 'link 1: 20 of its 20 events are missing (deleted)' }]);
  });

  it('finds events inserted by hand, with or without a batch', async () => {
    const org = await smallChain();
    const [first] = await seqsOfLink(org.orgId, 1);
    // A copy of a real row, claiming its batch and hash.
    await sql()`
      insert into audit_events (org_id, batch_id, hash, client_id, occurred_at, category, action, environment)
      select org_id, batch_id, hash, 'forged-1', occurred_at, category, 'forged', environment from audit_events where seq = ${first!}`;
    const forged = await verifyEventChain(app.services.database, org.orgId);
    expect(forged.problems[0]).toEqual({ linkNo: 1, seq: null, problem: 'link 1: 1 events more than the 20 it was linked with (inserted by hand)' });

    const other = await smallChain();
    await sql()`insert into audit_events (org_id, client_id, occurred_at, category, action) values (${other.orgId}, 'forged-2', now(), 'admin', 'forged')`;
    const unchained = await verifyEventChain(app.services.database, other.orgId);
    expect(unchained.ok).toBe(false);
    expect(unchained.problems).toEqual([{ linkNo: null, seq: expect.any(Number), problem: expect.stringMatching(/not part of any batch, stored after the chain began: inserted outside ingestion/) }]);
  });

  it('finds a link row deleted or altered, and the newest links removed', async () => {
    const deleted = await smallChain();
    await sql()`delete from event_batches where org_id = ${deleted.orgId} and link_no = 2`;
    const a = await verifyEventChain(app.services.database, deleted.orgId);
    expect(a.problems[0]).toMatchObject({ linkNo: 2, problem: 'links 2–2 are missing: the rows were deleted' });
    expect(a.problems).toContainEqual({ linkNo: null, seq: expect.any(Number), problem: expect.stringMatching(/^20 events belong to no link/) });

    const altered = await smallChain();
    await sql()`update event_batches set batch_hash = sha256(batch_hash) where org_id = ${altered.orgId} and link_no = 2`;
    const b = await verifyEventChain(app.services.database, altered.orgId);
    expect(b.problems[0]).toMatchObject({ linkNo: 2, problem: expect.stringMatching(/head does not follow from link 1/) });

    const truncated = await smallChain();
    await sql()`delete from audit_events where batch_id = (select batch_id from event_batches where org_id = ${truncated.orgId} and link_no = 3)`;
    await sql()`delete from event_batches where org_id = ${truncated.orgId} and link_no = 3`;
    const c = await verifyEventChain(app.services.database, truncated.orgId);
    expect(c.problems).toEqual([{ linkNo: 3, seq: null, problem: expect.stringMatching(/chain head \(link 3\) is not the last stored link \(2\)/) }]);
  });

  it('`verify events --org` exits 0 on an intact chain and 1 naming the first broken link', async () => {
    const org = await smallChain();
    const good = await cli(['verify', 'events', '--org', org.orgId]);
    expect(good.stdout).toMatch(/60 events in 3 chain links/);
    expect(good.stdout).toMatch(/verified: the event chain is intact/);
    expect(good.stdout).toContain('the chain covers these columns of each event: client_id, occurred_at,');
    expect(good.stdout).toContain('; not seq, received_at, batch_id, personal, pii_tool');
    expect(good.code).toBe(0);

    // received_at is outside the chain, as the output says: changing it is not detected.
    const first = await seqsOfLink(org.orgId, 1);
    await sql()`update audit_events set received_at = received_at - interval '1 day' where seq = ${first[0]!}`;
    const moved = await cli(['verify', 'events', '--org', org.orgId, '--json']);
    expect(JSON.parse(moved.stdout)).toMatchObject({ ok: true, columns: { notChained: expect.arrayContaining(['received_at']) } });
    expect(JSON.parse(moved.stdout).columns.chained).toEqual(expect.arrayContaining(['occurred_at', 'attributes', 'source']));

    const seqs = await seqsOfLink(org.orgId, 3);
    await sql()`update audit_events set decision = 'allow', severity = 'info' where seq = ${seqs[3]!}`;
    const bad = await cli(['verify', 'events', '--org', org.orgId, '--json']);
    expect(bad.code).toBe(1);
    const result = JSON.parse(bad.stdout);
    expect(result).toMatchObject({ ok: false, links: 3, events: 60, problems: [{ linkNo: 3, seq: seqs[3] }] });

    const unknown = await cli(['verify', 'events', '--org', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no organisation/);
  });
});

describe('reports and the chain', () => {
  it('a report records the chain head it covered, and waits for a batch still being written below its watermark', async () => {
    const org = await app.newOrg('Report chain');
    const period = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-01-02T00:00:00Z') };
    await ingestBatch(app.services.database, org.orgId, Array.from({ length: 10 }, (_, i) => testEvent(i, 'r')));

    // A batch that joins ingestion and takes its sequence number, then stays uncommitted while a later
    // batch commits above it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inFlightSeq = 0;
    const inFlight = sql().begin(async (tx) => {
      await joinIngest(tx as unknown as Sql, org.orgId);
      const [row] = await tx`
        insert into audit_events (org_id, client_id, occurred_at, category, action)
        values (${org.orgId}, 'in-flight', '2026-01-01T05:00:00Z', 'tool_call', 'late.commit') returning seq`;
      inFlightSeq = Number(row!.seq);
      await held;
    });
    await until(() => inFlightSeq > 0, 'the in-flight insert');
    await ingestBatch(app.services.database, org.orgId, [testEvent(100, 'r')]);

    const report = await createReport(app.services, { orgId: org.orgId, name: 'test', actorId: 'test' }, { type: 'soc2', period });
    // The worker has fixed nothing yet: it is waiting for the in-flight transaction.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const [waiting] = await sql()`select status, watermark from reports where id = ${report.id}`;
    expect(waiting!.watermark).toBeNull();
    release();
    await inFlight;

    const done = await until(async () => {
      const [row] = await sql()`select status, event_count, watermark, chain_link, chain_head, content from reports where org_id = ${org.orgId} and id = ${report.id}`;
      return row!.status === 'completed' ? row : null;
    }, 'the report to complete');
    expect(Number(done.watermark)).toBeGreaterThan(inFlightSeq);
    // 10 + 1 chained events in the period, and the one written while the watermark was fixed.
    expect(Number(done.event_count)).toBe(12);
    // The pinned link is the last one holding an event at or below the watermark (later links, such as
    // the service's own report.generated event, are not part of what the report read).
    const [covering] = await sql()`
      select b.link_no, encode(b.head, 'hex') as head from event_batches b
      where b.org_id = ${org.orgId} and exists (select 1 from audit_events e where e.org_id = b.org_id and e.batch_id = b.batch_id and e.seq <= ${done.watermark})
      order by b.link_no desc limit 1`;
    expect({ link: Number(done.chain_link), head: done.chain_head }).toEqual({ link: Number(covering!.link_no), head: covering!.head });
    expect(done.content.integrity.chain).toEqual({ link: Number(covering!.link_no), head: covering!.head });
  });
});
