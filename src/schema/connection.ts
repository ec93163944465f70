import { createdCursor, type KeysetPage } from '../db/keyset.ts';

/** A page as a Relay connection: `cursors[i]` is the cursor of `nodes[i]`, one `after` accepts; `totalCount` as the field's resolver takes it. */
export function connection<T, Total>(nodes: T[], cursors: string[], page: { totalCount: Total; hasNextPage: boolean; hasPreviousPage: boolean }) {
  return {
    totalCount: page.totalCount,
    edges: nodes.map((node, i) => ({ node, cursor: cursors[i]! })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
  };
}

/** A page of a newest-first list as a Relay connection. */
export function keysetConnection<T extends { createdAt: Date; id: string }>(page: KeysetPage<T>) {
  return connection(page.nodes, page.nodes.map(createdCursor), page);
}
