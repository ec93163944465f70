/**
 * One lister for every list the API pages newest first by (created_at, id): exports, packages,
 * the notification outbox and reports. The cursor is the last row's (created_at, id); a page
 * holds the rows strictly after it, so rows inserted meanwhile neither repeat nor slip.
 */
import { and, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import { badInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Db } from './client.ts';

/** What a caller asks for: `first` rows after the cursor `after` (pageInfo.endCursor of the page before). */
export interface KeysetRequest {
  first: number;
  after?: string | null;
}

export interface KeysetPage<T> {
  nodes: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Rows matching `where`, over all pages. */
  totalCount: number;
}

/** The cursor of a row, as each list hands back in edges and pageInfo. */
export const createdCursor = (row: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

/** The (created_at as ISO 8601, id) of a `createdCursor`; BAD_USER_INPUT for anything else. */
function decodeCreatedCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = typeof at === 'string' ? new Date(at) : null;
    if (date && !Number.isNaN(date.getTime()) && typeof id === 'string' && isUuid(id)) return [date.toISOString(), id];
  } catch {
    // not a cursor of ours
  }
  throw badInput('after', 'after must be a cursor returned by this API (pageInfo.endCursor)');
}

type Keyed = PgTable & { createdAt: PgColumn; id: PgColumn };

/**
 * A page of `table`'s rows matching `where`, newest first. `columns` as for `db.select` (all
 * when omitted); `max` bounds `first`.
 */
export async function listNewestFirst<T extends { createdAt: Date; id: string }>(
  db: Db,
  list: { table: Keyed; where: SQL | undefined; max: number; columns?: SelectedFields },
  page: KeysetRequest,
): Promise<KeysetPage<T>> {
  const { table, where, max } = list;
  if (!Number.isInteger(page.first) || page.first < 0 || page.first > max) throw badInput('first', `first must be between 0 and ${max}`);
  // Cursors carry milliseconds; compare at that precision so no row slips between pages.
  const createdMs = sql`date_trunc('milliseconds', ${table.createdAt})`;
  let keyset = where;
  if (page.after) {
    const [at, id] = decodeCreatedCursor(page.after);
    keyset = and(where, sql`(${createdMs}, ${table.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const select = list.columns ? db.select(list.columns) : db.select();
  const [rows, totalCount] = await Promise.all([
    select.from(table).where(keyset).orderBy(desc(createdMs), desc(table.id)).limit(page.first + 1) as unknown as Promise<T[]>,
    db.$count(table, where),
  ]);
  return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first, hasPreviousPage: Boolean(page.after), totalCount };
}
