/**
 * Share links: a time-limited URL an external auditor opens without an API
 * key. The token (32 random bytes) and the optional password are shown once
 * and stored only as hashes (SHA-256 for the token, which is 256-bit random;
 * scrypt for the password, which a person may have to type). Wrong
 * passwords are counted per client address and link, in the database so that
 * every API process counts the same tries: MAX_FAILED_PASSWORDS in
 * a row lock that address out of that link for LOCK_MINUTES, so a stranger
 * holding the URL cannot lock the recipient out. A per-link ceiling,
 * MAX_FAILED_PASSWORDS_PER_LINK in a row from all addresses together, locks
 * the link itself and bounds guessing from many addresses. Every function is
 * scoped to the link's organisation.
 */
import type { Actor } from '../access.ts';
import { createHash, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { retryTransient } from '../db/transient.ts';
import { compliancePackages, dataExports, reports, shareLinkAddressFailures, shareLinks, shareLinkTokens } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { auditedTransaction } from '../events/ingest.ts';
import { isUuid } from '../ids.ts';
import { FORMATS } from '../render/model.ts';
import type { Services } from '../services.ts';

export type ShareLinkRow = typeof shareLinks.$inferSelect;
export type Redaction = ShareLinkRow['redaction'];

/** Wrong passwords in a row from one client address before that address is locked out of the link. */
const MAX_FAILED_PASSWORDS = 5;
/** Wrong passwords in a row from all addresses together before the link itself is locked. */
export const MAX_FAILED_PASSWORDS_PER_LINK = 100;
const LOCK_MINUTES = 15;
const MIN_HOURS = 1;
const MAX_HOURS = 720;
/** How long a page stays unlocked after the right password. */
const SESSION_MINUTES = 30;

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const HOUR_MS = 3_600_000;

/** What a link shares: a report, a data export or a compliance package of the requester's organisation. */
export type ShareTarget = { kind: 'report'; id: string } | { kind: 'export'; id: string } | { kind: 'package'; id: string };

/** The files a link to an export serves: the data file, and the zip of the file with its signed manifest. */
export const EXPORT_SHARE_FILES = ['file', 'bundle'] as const;
/** The files a link to a package serves. */
export const PACKAGE_SHARE_FILES = ['pdf', 'zip'] as const;

export interface CreateShareLinkInput {
  target: ShareTarget;
  expiresInHours: number;
  passwordProtected: boolean;
  /** Report formats for a report; `file`/`bundle` for an export; `pdf`/`zip` for a package. */
  formats: string[];
  redaction: Redaction;
}

interface CreatedShareLink {
  link: ShareLinkRow;
  /** `<base>/shared/<token>`: shown once. */
  url: string;
  /** The generated password, shown once; null without password protection. */
  password: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const TARGETS = {
  report: { table: reports, label: 'Report', field: 'reportId', files: FORMATS as readonly string[] },
  export: { table: dataExports, label: 'Data export', field: 'dataExportId', files: EXPORT_SHARE_FILES as readonly string[] },
  package: { table: compliancePackages, label: 'Compliance package', field: 'compliancePackageId', files: PACKAGE_SHARE_FILES as readonly string[] },
} as const;

/** The target's row in the requester's organisation; NOT_FOUND for a missing one and for another organisation's alike. */
async function targetRow(db: Db, orgId: string, target: ShareTarget): Promise<{ id: string; status: string }> {
  const { table, label } = TARGETS[target.kind];
  const [row] = isUuid(target.id)
    ? await db.select({ id: table.id, status: table.status }).from(table).where(and(eq(table.id, target.id), eq(table.orgId, orgId), isNull(table.deletedAt)))
    : [];
  if (!row) throw notFound(label);
  return row;
}

/** The link's own columns naming its target. */
const targetColumns = (target: ShareTarget) => ({
  reportId: target.kind === 'report' ? target.id : null,
  exportId: target.kind === 'export' ? target.id : null,
  packageId: target.kind === 'package' ? target.id : null,
});

/** What a link shares, read back from its row. */
export function targetOf(link: Pick<ShareLinkRow, 'reportId' | 'exportId' | 'packageId'>): ShareTarget {
  if (link.exportId) return { kind: 'export', id: link.exportId };
  if (link.packageId) return { kind: 'package', id: link.packageId };
  return { kind: 'report', id: link.reportId! };
}

/** `report:<id>`, `export:<id>` or `package:<id>`: the resource of the link's audit events. */
const resourceOf = (link: Pick<ShareLinkRow, 'reportId' | 'exportId' | 'packageId'>) => {
  const target = targetOf(link);
  return `${target.kind}:${target.id}`;
};

/** Creates a link to a completed report, export or package; `baseUrl` is PUBLIC_URL or the request's origin. */
export async function createShareLink(services: Services, requester: Actor, input: CreateShareLinkInput, baseUrl: string, now = new Date()): Promise<CreatedShareLink> {
  const { db } = services.database;
  const spec = TARGETS[input.target.kind];
  const target = await targetRow(db, requester.orgId, input.target);
  const what = spec.label.toLowerCase();
  if (target.status !== 'completed') throw badInput(spec.field, `Only a completed ${what} can be shared; this one is ${target.status}.`);
  if (!Number.isInteger(input.expiresInHours) || input.expiresInHours < MIN_HOURS || input.expiresInHours > MAX_HOURS) {
    throw badInput('expiresInHours', `expiresInHours must be a whole number from ${MIN_HOURS} to ${MAX_HOURS} (30 days)`);
  }
  const formats = [...new Set(input.formats)];
  if (!formats.length) throw badInput('formats', `Name at least one file to share: ${spec.files.join(', ')}`);
  const unknown = formats.find((f) => !spec.files.includes(f));
  if (unknown) throw badInput('formats', `A ${what} link cannot share "${unknown}"; use ${spec.files.join(', ')}`);
  // Export and package files are signed as written: a pseudonymised copy would carry no valid signature, so they are shared whole or not at all.
  if (input.target.kind !== 'report' && input.redaction !== 'none') {
    throw badInput('redaction', `A ${what} is shared as signed; it cannot be pseudonymised. Share it with redaction NONE, or share a pseudonymised report instead.`);
  }
  const token = randomBytes(32).toString('base64url');
  // 20 characters from 120 random bits: typed by a person, far beyond guessing with 5 tries per 15 minutes.
  const password = input.passwordProtected ? randomBytes(15).toString('base64url') : null;
  const passwordHash = password ? await hashPassword(password) : null;
  const link = await retryTransient(() => auditedTransaction(services, requester.orgId, async (tx) => {
    const [row] = await tx
      .insert(shareLinks)
      .values({
        orgId: requester.orgId,
        ...targetColumns({ ...input.target, id: target.id }),
        passwordHash,
        formats,
        redaction: input.redaction,
        expiresAt: new Date(now.getTime() + input.expiresInHours * HOUR_MS),
        createdBy: requester.name,
      })
      .returning();
    await tx.insert(shareLinkTokens).values({ tokenHash: hashToken(token), orgId: requester.orgId, linkId: row!.id });
    return row!;
  }, (link) => ({
    action: `${input.target.kind}.shared`,
    actorId: requester.actorId,
    resource: resourceOf(link),
    attributes: { shareLinkId: link.id, expiresAt: link.expiresAt.toISOString(), passwordProtected: Boolean(password), formats, redaction: input.redaction },
  })));
  return { link, url: `${baseUrl.replace(/\/+$/, '')}/shared/${token}`, password };
}

export async function revokeShareLink(services: Services, requester: Actor, id: string, now = new Date()): Promise<ShareLinkRow> {
  const { db } = services.database;
  const [current] = isUuid(id) ? await db.select().from(shareLinks).where(and(eq(shareLinks.id, id), eq(shareLinks.orgId, requester.orgId))) : [];
  if (!current) throw notFound('Share link');
  if (current.revokedAt) return current;
  const [row] = await auditedTransaction(
    services,
    requester.orgId,
    (tx) => tx.update(shareLinks).set({ revokedAt: now }).where(and(eq(shareLinks.id, current.id), eq(shareLinks.orgId, requester.orgId))).returning(),
    () => ({ action: 'share_link.revoked', actorId: requester.actorId, resource: resourceOf(current), attributes: { shareLinkId: current.id } }),
  );
  return row!;
}

/** Links of a report, export or package, newest first; NOT_FOUND for one of another organisation. */
export async function listShareLinks(db: Db, orgId: string, target: ShareTarget): Promise<ShareLinkRow[]> {
  await targetRowAnyStatus(db, orgId, target);
  const column = target.kind === 'report' ? shareLinks.reportId : target.kind === 'export' ? shareLinks.exportId : shareLinks.packageId;
  return db.select().from(shareLinks).where(and(eq(shareLinks.orgId, orgId), eq(column, target.id))).orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
}

/** Links outlive a soft deletion of their target (the page then answers 410), so listing them does not look at deleted_at. */
async function targetRowAnyStatus(db: Db, orgId: string, target: ShareTarget): Promise<void> {
  const { table, label } = TARGETS[target.kind];
  const [row] = isUuid(target.id) ? await db.select({ id: table.id }).from(table).where(and(eq(table.id, target.id), eq(table.orgId, orgId))) : [];
  if (!row) throw notFound(label);
}

type LinkState = 'active' | 'expired' | 'revoked' | 'locked';

export function stateOf(link: ShareLinkRow, now: Date): LinkState {
  if (link.revokedAt && link.revokedAt <= now) return 'revoked';
  if (link.expiresAt <= now) return 'expired';
  if (link.lockedUntil && link.lockedUntil > now) return 'locked';
  return 'active';
}

export async function findByToken(db: Db, token: string): Promise<ShareLinkRow | null> {
  // Tokens are 43 base64url characters; anything else cannot match and is not hashed or looked up.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  // The token finds the organisation first (a reference table), so the link is read from its own shard.
  const [known] = await db.select().from(shareLinkTokens).where(eq(shareLinkTokens.tokenHash, hashToken(token)));
  if (!known) return null;
  const [link] = await db.select().from(shareLinks).where(and(eq(shareLinks.orgId, known.orgId), eq(shareLinks.id, known.linkId)));
  return link ?? null;
}

type PasswordCheck = { ok: true } | { ok: false; locked: false; remaining: number } | { ok: false; locked: true; until: Date; scope: 'address' | 'link' };

/** When this address is locked out of this link, until when. */
async function addressLockedUntil(db: Db, link: ShareLinkRow, address: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: shareLinkAddressFailures.lockedUntil })
    .from(shareLinkAddressFailures)
    .where(and(eq(shareLinkAddressFailures.orgId, link.orgId), eq(shareLinkAddressFailures.linkId, link.id), eq(shareLinkAddressFailures.address, address)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts a wrong try from this address in one statement, so tries arriving
 * at once through several processes are each counted; a lock that has run
 * out starts the count again.
 */
async function countAddressFailure(db: Db, link: ShareLinkRow, address: string, now: Date): Promise<{ count: number; lockedUntil: Date | null }> {
  const t = shareLinkAddressFailures;
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const count = sql`case when ${t.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${t.failures} + 1 end`;
  const [row] = await db
    .insert(t)
    .values({ orgId: link.orgId, linkId: link.id, address, failures: 1 })
    .onConflictDoUpdate({
      target: [t.orgId, t.linkId, t.address],
      set: { failures: count, lockedUntil: sql`case when ${count} >= ${MAX_FAILED_PASSWORDS} then ${lockUntil}::timestamptz end` },
    })
    .returning({ count: t.failures, lockedUntil: t.lockedUntil });
  return row!;
}

/**
 * Checks a password attempt from a client address. An address locked out of
 * the link is refused without looking at the password. The per-link count and
 * lock are updated in one statement, so concurrent attempts cannot slip past
 * the ceiling.
 */
export async function checkPassword(services: Services, link: ShareLinkRow, password: string, address: string, now = new Date()): Promise<PasswordCheck> {
  const { db } = services.database;
  const addressLock = await addressLockedUntil(db, link, address, now);
  if (addressLock) return { ok: false, locked: true, until: addressLock, scope: 'address' };
  if (link.passwordHash && (await verifyPassword(password, link.passwordHash))) {
    const t = shareLinkAddressFailures;
    await db.delete(t).where(and(eq(t.orgId, link.orgId), eq(t.linkId, link.id), eq(t.address, address)));
    await db.update(shareLinks).set({ failedAttempts: 0 }).where(and(eq(shareLinks.id, link.id), eq(shareLinks.orgId, link.orgId)));
    return { ok: true };
  }
  const forAddress = await countAddressFailure(db, link, address, now);
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const lockedUntilOf = (row: { lockedUntil: Date | null } | undefined) => (row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null);
  const [row] = await auditedTransaction(
    services,
    link.orgId,
    (tx) => tx
      .update(shareLinks)
      .set({
        failedAttempts: sql`case when ${shareLinks.failedAttempts} + 1 >= ${MAX_FAILED_PASSWORDS_PER_LINK} then 0 else ${shareLinks.failedAttempts} + 1 end`,
        lockedUntil: sql`case when ${shareLinks.failedAttempts} + 1 >= ${MAX_FAILED_PASSWORDS_PER_LINK} then ${lockUntil.toISOString()}::timestamptz else ${shareLinks.lockedUntil} end`,
      })
      .where(and(eq(shareLinks.id, link.id), eq(shareLinks.orgId, link.orgId)))
      .returning({ failedAttempts: shareLinks.failedAttempts, lockedUntil: shareLinks.lockedUntil }),
    ([row]) => ({
      action: 'share_link.password_failed',
      actorId: `share_link:${link.id}`,
      resource: resourceOf(link),
      attributes: { shareLinkId: link.id, clientAddress: address, addressLockedUntil: forAddress.lockedUntil?.toISOString() ?? null, lockedUntil: lockedUntilOf(row)?.toISOString() ?? null },
    }),
  );
  const linkLocked = lockedUntilOf(row);
  if (linkLocked) return { ok: false, locked: true, until: linkLocked, scope: 'link' };
  if (forAddress.lockedUntil) return { ok: false, locked: true, until: forAddress.lockedUntil, scope: 'address' };
  return { ok: false, locked: false, remaining: MAX_FAILED_PASSWORDS - forAddress.count };
}

/** Counts a use (page view or download) and records it in the service's audit trail. */
export async function recordUse(services: Services, link: ShareLinkRow, use: { what: 'page' | 'download'; format?: string }, now = new Date()): Promise<void> {
  await auditedTransaction(
    services,
    link.orgId,
    (tx) => tx.update(shareLinks).set({ useCount: sql`${shareLinks.useCount} + 1`, lastUsedAt: now }).where(and(eq(shareLinks.id, link.id), eq(shareLinks.orgId, link.orgId))),
    () => ({
      action: 'share_link.used',
      actorId: `share_link:${link.id}`,
      resource: resourceOf(link),
      attributes: { shareLinkId: link.id, use: use.what, ...(use.format ? { format: use.format } : {}), redaction: link.redaction },
    }),
  );
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `${salt.toString('hex')}:${hash.toString('hex')}`;
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = await scryptAsync(password.slice(0, 200), Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * Secrets derived per link from the service secret (SIGNING_KEY_SECRET, or
 * the same development default): nothing a link holder or a database dump
 * alone knows, and the same in every API process.
 */
function linkKey(config: Config, linkId: string, purpose: string): Buffer {
  const secret = config.SIGNING_KEY_SECRET ?? `agent-reports-development-secret:${path.resolve(config.DATA_DIR)}`;
  return Buffer.from(hkdfSync('sha256', secret, `agent-reports/share-links/${purpose}`, linkId, 32));
}

/** Cookie value proving the password was given: `<expiry ms>.<HMAC>`, bound to the link and its password hash. */
export function sessionValue(config: Config, link: ShareLinkRow, now = new Date()): { value: string; maxAgeSeconds: number } {
  const expires = Math.min(now.getTime() + SESSION_MINUTES * 60_000, link.expiresAt.getTime());
  const mac = createHmac('sha256', linkKey(config, link.id, 'session')).update(`${link.id}|${expires}|${link.passwordHash ?? ''}`).digest('base64url');
  return { value: `${expires}.${mac}`, maxAgeSeconds: Math.max(0, Math.floor((expires - now.getTime()) / 1000)) };
}

export function validSession(config: Config, link: ShareLinkRow, value: string | null, now = new Date()): boolean {
  if (!value) return false;
  const [expiresText, mac] = value.split('.');
  const expires = Number(expiresText);
  if (!mac || !Number.isSafeInteger(expires) || expires <= now.getTime()) return false;
  const expected = createHmac('sha256', linkKey(config, link.id, 'session')).update(`${link.id}|${expires}|${link.passwordHash ?? ''}`).digest();
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The key of a link's pseudonyms: stable for the link, different between links. */
export function pseudonymKey(config: Config, link: ShareLinkRow): Buffer {
  return linkKey(config, link.id, 'pseudonyms');
}
