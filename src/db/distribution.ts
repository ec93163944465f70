/**
 * How the tables spread over a Citus cluster: the one list. A table added to
 * schema.ts goes in exactly one of these (test/distribution.test.ts fails
 * otherwise); `migrate` does the rest on a server with the citus extension,
 * and nothing at all on a plain PostgreSQL.
 */
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Sql } from './client.ts';
import * as schema from './schema.ts';

/**
 * Sharded by `org_id`, all in one co-location group: every row of one
 * organisation, in every one of these tables, lives in the same shard group
 * on the same node, so a report's joins and its transactions stay on one
 * node. Each table's primary key and unique constraints begin with `org_id`,
 * and its foreign keys go to `organizations` or to a table of this list by
 * `(org_id, ...)`. The first table anchors the co-location group.
 */
export const DISTRIBUTED_BY_ORG: readonly PgTable[] = [
  schema.auditEvents,
  schema.apiKeyUses,
  schema.eventBatches,
  schema.eventChainHeads,
  schema.eventRollups,
  schema.eventSessionRollups,
  schema.eventSessionCounts,
  schema.eventSharedSessions,
  schema.eventPersonalRollups,
  schema.eventActivityRollups,
  schema.eventAgentHourRollups,
  schema.eventRequestRollups,
  schema.eventAnswerRollups,
  schema.eventRequestDays,
  schema.eventSubjectRollups,
  schema.eventRollupBatches,
  schema.environments,
  schema.agents,
  schema.tools,
  schema.customFrameworks,
  schema.reports,
  schema.findings,
  schema.reportArtifacts,
  schema.signingKeys,
  schema.shareLinks,
  schema.shareLinkAddressFailures,
  schema.schedules,
  schema.scheduleRuns,
  schema.notifications,
  schema.dataExports,
  schema.exportChunks,
  schema.compliancePackages,
  schema.packageFiles,
  schema.storageTargets,
  schema.postureSettings,
  schema.postureFrameworks,
  schema.postureControls,
  schema.postureChanges,
  schema.postureSnapshots,
  schema.controlStatements,
];

/**
 * Copied whole to every node: small, written rarely, and read without an
 * organisation or joined from any shard. `organizations` is the target of
 * every table's foreign key; `api_keys` and `share_link_tokens` answer the
 * two lookups that arrive before the organisation is known (a key's hash on
 * every request, a share link's token), each a local index read.
 */
export const REFERENCE: readonly PgTable[] = [schema.organizations, schema.apiKeys, schema.shareLinkTokens];

// pg-boss's tables (its own schema) and drizzle's migration journal stay local to the coordinator.

const nameOf = (table: PgTable) => getTableConfig(table).name;

interface CitusState {
  /** Citus extension version in this database; null on a plain PostgreSQL. */
  citus: string | null;
  /** Active worker nodes (primaries). */
  workers: number;
}

/** What kind of server this is: one query, so a plain PostgreSQL pays nothing more. */
export async function citusState(sql: Sql): Promise<CitusState> {
  const [ext] = await sql`select extversion from pg_extension where extname = 'citus'`;
  if (!ext) return { citus: null, workers: 0 };
  const [nodes] = await sql`select count(*)::int as n from pg_dist_node where noderole = 'primary' and isactive and groupid <> 0`;
  return { citus: ext.extversion as string, workers: nodes!.n as number };
}

export class ClusterError extends Error {}

/**
 * On a Citus coordinator: makes every table of the lists above what it should
 * be (reference or distributed), and leaves tables already so alone, so it is
 * run after every migration. Tables that hold rows are distributed by Citus's
 * own functions, which move the rows to the shards. Foreign keys among the
 * tables concerned are dropped and added back around it: Citus accepts a
 * key from a distributed table only to a reference table or a co-located
 * distributed one, which the tables are only once all of them are done.
 */
export async function distributeTables(sql: Sql): Promise<{ reference: string[]; distributed: string[] }> {
  const state = await citusState(sql);
  if (!state.citus) return { reference: [], distributed: [] };
  if (state.workers === 0) {
    throw new ClusterError(
      'DATABASE_URL points at a Citus coordinator without worker nodes, so its tables cannot be distributed: ' +
        "add workers on the coordinator with SELECT citus_add_node('<host>', <port>) (docs/citus.md), or point DATABASE_URL at a plain PostgreSQL",
    );
  }
  const current = new Map<string, string>(
    (await sql`select logicalrelid::regclass::text as name, partmethod, repmodel from pg_dist_partition`).map((r) => [
      r.name as string,
      r.partmethod === 'h' ? 'distributed' : r.repmodel === 't' ? 'reference' : 'local',
    ]),
  );
  const reference = REFERENCE.map(nameOf).filter((n) => current.get(n) !== 'reference');
  const distributed = DISTRIBUTED_BY_ORG.map(nameOf).filter((n) => current.get(n) !== 'distributed');
  if (!reference.length && !distributed.length) return { reference, distributed };
  const anchor = DISTRIBUTED_BY_ORG.map(nameOf).find((n) => current.get(n) === 'distributed') ?? null;
  const pending = [...reference, ...distributed];
  await sql.begin(async (tx) => {
    // Adding foreign keys after a distribution in one transaction needs one connection per node.
    await tx`set local citus.multi_shard_modify_mode to 'sequential'`;
    const keys = await tx`
      select conname, conrelid::regclass::text as "table", pg_get_constraintdef(oid) as def
      from pg_constraint
      where contype = 'f' and (conrelid::regclass::text = any(${pending}) or confrelid::regclass::text = any(${pending}))
      order by conname`;
    for (const k of keys) await tx.unsafe(`alter table ${quote(k.table)} drop constraint ${quote(k.conname)}`);
    for (const name of reference) await tx`select create_reference_table(${name})`;
    let colocateWith = anchor ?? 'default';
    for (const name of distributed) {
      await tx`select create_distributed_table(${name}, 'org_id', colocate_with => ${colocateWith})`;
      colocateWith = anchor ?? name;
    }
    for (const k of keys) await tx.unsafe(`alter table ${quote(k.table)} add constraint ${quote(k.conname)} ${k.def}`);
  });
  // The rows copied to the shards stay in the coordinator's own table until truncated.
  for (const name of pending) await sql`select truncate_local_data_after_distributing_table(${name})`;
  return { reference, distributed };
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
