const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Malformed ids are simply not found; they never reach SQL as a type error. */
export const isUuid = (value: string) => UUID.test(value);

/*
 * Global ids, the Relay format (base64 of `Type:id`, as @pothos/plugin-relay writes them): the
 * schema's builder encodes and decodes through these two, and so do the download routes and the
 * outbox's webhook body. Here rather than in the schema because the outbox runs in workers,
 * which load no GraphQL.
 */

export const globalId = (typename: string, id: string | number | bigint) => Buffer.from(`${typename}:${id}`).toString('base64');

const GLOBAL_ID = /^([A-Z_a-z]\w*):(.+)$/s;

/** The type and id inside a global id, or null unless it is canonical base64 (padding may be left off) of `Type:id`. */
export function parseGlobalId(value: string): { typename: string; id: string } | null {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const match = GLOBAL_ID.exec(decoded);
  // Buffer skips what is not base64; re-encoding tells a real id from text that decodes to something.
  if (!match || globalId(match[1]!, match[2]!).replace(/=+$/, '') !== value.replace(/=+$/, '')) return null;
  return { typename: match[1]!, id: match[2]! };
}
