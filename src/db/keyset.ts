/**
 * One lister for every list the API pages newest first by (created_at, id): exports, packages,
 * the notification outbox and reports. A cursor is a row's (created_at, id); a page holds the
 * rows strictly after `after` (forward, older rows) or strictly before `before` (backward, newer
 * rows), so rows inserted meanwhile neither repeat nor slip.
 */
import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import { badInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Db } from './client.ts';

/**
 * What a caller asks for, as Relay's connection arguments: `first` rows after the cursor `after`
 * (pageInfo.endCursor of the page before), or `last` rows before `before` (pageInfo.startCursor
 * of the page after). Neither: the first DEFAULT_PAGE rows.
 */
export interface KeysetRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const DEFAULT_PAGE = 20;

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
function decodeCreatedCursor(cursor: string, arg: 'after' | 'before'): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = typeof at === 'string' ? new Date(at) : null;
    if (date && !Number.isNaN(date.getTime()) && typeof id === 'string' && isUuid(id)) return [date.toISOString(), id];
  } catch {
    // not a cursor of ours
  }
  throw badInput(arg, `${arg} must be a cursor returned by this API (pageInfo.${arg === 'after' ? 'endCursor' : 'startCursor'})`);
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
  const backward = page.last != null || page.before != null;
  if (backward && (page.first != null || page.after != null)) throw badInput('last', 'page forward (first, after) or backward (last, before), not both at once');
  const size = (backward ? page.last : page.first) ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 0 || size > max) throw badInput(backward ? 'last' : 'first', `${backward ? 'last' : 'first'} must be between 0 and ${max}`);
  // Cursors carry milliseconds; compare at that precision so no row slips between pages.
  const createdMs = sql`date_trunc('milliseconds', ${table.createdAt})`;
  const cursor = backward ? page.before : page.after;
  let keyset = where;
  if (cursor) {
    const [at, id] = decodeCreatedCursor(cursor, backward ? 'before' : 'after');
    keyset = and(where, backward ? sql`(${createdMs}, ${table.id}) > (${at}::timestamptz, ${id}::uuid)` : sql`(${createdMs}, ${table.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const select = list.columns ? db.select(list.columns) : db.select();
  // Backward reads the newer rows nearest the cursor first (oldest first), then turns them newest first.
  const order = backward ? [asc(createdMs), asc(table.id)] : [desc(createdMs), desc(table.id)];
  const [rows, totalCount] = await Promise.all([
    select.from(table).where(keyset).orderBy(...order).limit(size + 1) as unknown as Promise<T[]>,
    db.$count(table, where),
  ]);
  const nodes = rows.slice(0, size);
  if (backward) return { nodes: nodes.reverse(), hasNextPage: Boolean(page.before), hasPreviousPage: rows.length > size, totalCount };
  return { nodes, hasNextPage: rows.length > size, hasPreviousPage: Boolean(page.after), totalCount };
}
