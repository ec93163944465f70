import { createdCursor, type KeysetPage } from '../db/keyset.ts';

/** A page of a newest-first list as a Relay connection, its cursors those `after` accepts. */
export function keysetConnection<T extends { createdAt: Date; id: string }>(page: KeysetPage<T>) {
  const edges = page.nodes.map((node) => ({ node, cursor: createdCursor(node) }));
  return {
    totalCount: page.totalCount,
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
