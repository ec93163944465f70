import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema.ts';

export type Db = PostgresJsDatabase<typeof schema>;
export type Sql = postgres.Sql;
/** A drizzle transaction (or savepoint) of `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The postgres.js connection a drizzle transaction runs on, for what drizzle
 * cannot say (COPY) inside that same transaction.
 */
export function sqlOf(tx: Tx): postgres.TransactionSql {
  return (tx._.session as unknown as { client: postgres.TransactionSql }).client;
}

export interface Database {
  /** Drizzle, for typed queries. */
  db: Db;
  /** postgres.js, for COPY, LISTEN/NOTIFY and hand-written aggregates. */
  sql: Sql;
  url: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  max?: number;
  /** Called for every statement sent; tests use it to count queries. */
  onQuery?: (query: string, params: unknown[]) => void;
  /** Called with every notice the server sends (tests read Citus's log of the commands it sends to shards). */
  onNotice?: (notice: { message: string; detail?: string }) => void;
  /** Settings for every session of the pool, besides the service's own. */
  settings?: Record<string, string>;
}

export function connect(url: string, options: DatabaseOptions = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: (notice) => options.onNotice?.(notice as unknown as { message: string; detail?: string }),
    // JIT compilation costs more than it saves on our short aggregate queries (~0.5 s each).
    connection: { application_name: 'agent-reports', jit: 'off', work_mem: '64MB', ...options.settings },
    ...(options.onQuery ? { debug: (_c: number, query: string, params: unknown[]) => options.onQuery!(query, params) } : {}),
  });
  const db = drizzle(sql, { schema });
  return { db, sql, url, close: () => sql.end({ timeout: 5 }) };
}
