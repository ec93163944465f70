import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Actor, Role } from '../access.ts';
import { ROLES } from '../access.ts';
import type { Db } from '../db/client.ts';
import { retryTransient } from '../db/transient.ts';
import { apiKeys, apiKeyUses, organizations } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { auditedTransaction } from '../events/ingest.ts';
import { isUuid } from '../ids.ts';
import type { Services } from '../services.ts';

/** A key as shown to its organisation: its row and when it was last used. */
export type ApiKeyRow = typeof apiKeys.$inferSelect & { lastUsedAt: Date | null };

export interface Principal {
  orgId: string;
  orgName: string;
  keyId: string;
  keyName: string;
  role: Role;
}

const PREFIX = 'agr_';

const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Creates a key and returns it in clear once; only its hash is stored. */
export function createApiKey(db: Db, orgId: string, input: { name: string; role: string }) {
  return retryTransient(() => insertApiKey(db, orgId, input));
}

/** `createApiKey` inside a caller's transaction, which retries as a whole if it must. */
export async function insertApiKey(db: Db, orgId: string, input: { name: string; role: string }) {
  const name = input.name.trim();
  if (!name || name.length > 100) throw badInput('name', 'name must be 1 to 100 characters');
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw badInput('role', `role must be one of ${ROLES.join(', ')}`);
  }
  const key = PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(apiKeys)
    .values({ orgId, name, role: input.role as Role, keyHash: hashApiKey(key), prefix: key.slice(0, 10) })
    .returning();
  return { key, apiKey: { ...row!, lastUsedAt: null } as ApiKeyRow };
}

// The caller is named by its key's id: a key itself never enters the audit trail.
const keyEvent = (action: string, actorId: string, key: ApiKeyRow, extra: Record<string, unknown> = {}) => ({
  action,
  actorId,
  resource: `api_key:${key.id}`,
  attributes: { name: key.name, role: key.role, prefix: key.prefix, ...extra },
});

/** `createApiKey` on behalf of `requester`, with its audit event in the same transaction (`via` says how, when not the API). */
export function issueApiKey(services: Services, requester: Pick<Actor, 'orgId' | 'actorId'>, input: { name: string; role: string }, via?: string) {
  return retryTransient(() =>
    auditedTransaction(services, requester.orgId, (tx) => insertApiKey(tx as unknown as Db, requester.orgId, input), ({ apiKey }) =>
      keyEvent('api_key.created', requester.actorId, apiKey, via ? { via } : {})),
  );
}

/** Revokes the key at once, with its audit event in the same transaction. */
export async function revokeApiKey(services: Services, requester: Actor, id: string): Promise<ApiKeyRow> {
  if (!isUuid(id)) throw notFound('API key');
  const { orgId } = requester;
  const row = await retryTransient(() =>
    auditedTransaction(services, orgId, async (tx) => {
      const [revoked] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.id, id), eq(apiKeys.orgId, orgId))).returning();
      if (!revoked) throw notFound('API key');
      return { ...revoked, lastUsedAt: null };
    }, (key) => keyEvent('api_key.revoked', requester.actorId, key)),
  );
  const [used] = await services.database.db.select({ at: apiKeyUses.lastUsedAt }).from(apiKeyUses).where(and(eq(apiKeyUses.orgId, orgId), eq(apiKeyUses.keyId, id)));
  return { ...row, lastUsedAt: used?.at ?? null };
}

export async function listApiKeys(db: Db, orgId: string): Promise<ApiKeyRow[]> {
  const rows = await db
    .select({ key: apiKeys, lastUsedAt: apiKeyUses.lastUsedAt })
    .from(apiKeys)
    // Both sides name the organisation, so on a cluster this is one shard's join with the reference table.
    .leftJoin(apiKeyUses, and(eq(apiKeyUses.orgId, orgId), eq(apiKeyUses.keyId, apiKeys.id)))
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
  return rows.map((r) => ({ ...r.key, lastUsedAt: r.lastUsedAt }));
}

/**
 * Resolves a presented key to its organisation and role, or null. Keys are
 * looked up on every request, so successful lookups are cached briefly; a
 * revoked key stops working within `CACHE_MS`.
 */
export class ApiKeyAuthenticator {
  private cache = new Map<string, { principal: Principal | null; at: number }>();
  private lastTouched = new Map<string, number>();
  private static CACHE_MS = 2_000;
  private static TOUCH_MS = 60_000;
  private db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  private revokedListeners = new Set<(keyId: string) => void>();

  /** Forgets cached lookups, so a key revoked in this process stops at once. */
  forget() {
    this.cache.clear();
  }

  /** A key was revoked in this process: forget cached lookups and tell the listeners (open connections end). */
  revoked(keyId: string) {
    this.forget();
    // Next turn: a request revoking its own key still gets its answer.
    setImmediate(() => {
      for (const listener of this.revokedListeners) listener(keyId);
    });
  }

  /** Calls `listener` with each key revoked in this process; returns the function that removes it. */
  onRevoked(listener: (keyId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  async authenticate(key: string | null | undefined): Promise<Principal | null> {
    if (!key || !key.startsWith(PREFIX) || key.length > 200) return null;
    const hash = hashApiKey(key);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && now - cached.at < ApiKeyAuthenticator.CACHE_MS) return cached.principal;
    const [row] = await this.db
      .select({ key: apiKeys, orgName: organizations.name })
      .from(apiKeys)
      .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
    const principal: Principal | null = row
      ? { orgId: row.key.orgId, orgName: row.orgName, keyId: row.key.id, keyName: row.key.name, role: row.key.role }
      : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { principal, at: now });
    if (principal && now - (this.lastTouched.get(principal.keyId) ?? 0) > ApiKeyAuthenticator.TOUCH_MS) {
      // "Last used" is informative: written at most once a minute per key, never awaited, into
      // the organisation's own rows (api_key_uses), never into the key table every node shares.
      this.lastTouched.set(principal.keyId, now);
      const at = new Date();
      this.db
        .insert(apiKeyUses)
        .values({ orgId: principal.orgId, keyId: principal.keyId, lastUsedAt: at })
        .onConflictDoUpdate({ target: [apiKeyUses.orgId, apiKeyUses.keyId], set: { lastUsedAt: at } })
        .catch(() => {});
    }
    return principal;
  }
}

export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
