/**
 * Per-organisation Ed25519 signing keys. The private key is kept encrypted
 * (AES-256-GCM) under a key derived from SIGNING_KEY_SECRET, so a database
 * dump alone cannot forge a report signature.
 *
 * What is signed: the UTF-8 bytes of the report's lowercase hex content hash
 * (64 characters), so anyone can check it with stock tools, e.g.
 * `printf %s HASH > h && openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in h -sigfile sig.bin`.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { and, asc, eq, isNull, sql as dsql } from 'drizzle-orm';
import { openSecret, sealSecret } from '../accounts/secrets.ts';
import { signingKeys } from '../db/schema.ts';
import type { Services } from '../services.ts';

export interface PublicSigningKey {
  id: string;
  publicKeyPem: string;
  createdAt: Date;
  retiredAt: Date | null;
}

interface ActiveKey {
  id: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

const PURPOSE = 'signing-keys';
// Decrypted keys per process: a key never changes once created, and decrypting per report is waste.
const activeKeys = new WeakMap<Services, Map<string, Promise<ActiveKey>>>();

/** Signs a report's content hash with the organisation's key, creating the key on first need. */
export async function signReportHash(services: Services, orgId: string, contentSha256: string): Promise<{ signature: string; keyId: string }> {
  if (!/^[0-9a-f]{64}$/.test(contentSha256)) throw new Error('contentSha256 must be 64 lowercase hex characters');
  const key = await activeKey(services, orgId);
  return { signature: sign(null, Buffer.from(contentSha256, 'utf8'), key.privateKey).toString('base64'), keyId: key.id };
}

/** Signs arbitrary bytes (the bundle manifest) with the organisation's key. */
export async function signBytes(services: Services, orgId: string, bytes: Buffer): Promise<{ signature: Buffer; keyId: string; publicKeyPem: string }> {
  const key = await activeKey(services, orgId);
  return { signature: sign(null, bytes, key.privateKey), keyId: key.id, publicKeyPem: key.publicKeyPem };
}

/** Public keys of an organisation, oldest first (retired keys stay: old reports were signed with them). */
export async function listSigningKeys(services: Services, orgId: string): Promise<PublicSigningKey[]> {
  return services.database.db
    .select({ id: signingKeys.id, publicKeyPem: signingKeys.publicKeyPem, createdAt: signingKeys.createdAt, retiredAt: signingKeys.retiredAt })
    .from(signingKeys)
    .where(eq(signingKeys.orgId, orgId))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.id));
}

export async function publicKeyById(services: Services, orgId: string, keyId: string): Promise<string | null> {
  const [row] = await services.database.db
    .select({ publicKeyPem: signingKeys.publicKeyPem })
    .from(signingKeys)
    .where(and(eq(signingKeys.orgId, orgId), eq(signingKeys.id, keyId)));
  return row?.publicKeyPem ?? null;
}

/** The organisation's current signing key (created on first need): what bundles are signed with. */
export async function currentSigningKey(services: Services, orgId: string): Promise<{ keyId: string; publicKeyPem: string }> {
  const key = await activeKey(services, orgId);
  return { keyId: key.id, publicKeyPem: key.publicKeyPem };
}

/**
 * The key's fingerprint: SHA-256 (hex) of the raw 32-byte public key, of which
 * the key id is the first 16 characters. Stock tools compute it from the PEM:
 * `openssl pkey -pubin -in key.pem -outform DER | tail -c 32 | sha256sum`.
 */
export function keyFingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url')).digest('hex');
}

/** First 16 hex characters of the SHA-256 of the raw 32-byte public key. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const raw = Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function verifySignature(publicKeyPem: string, message: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, message, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

function activeKey(services: Services, orgId: string): Promise<ActiveKey> {
  let cache = activeKeys.get(services);
  if (!cache) activeKeys.set(services, (cache = new Map()));
  let key = cache.get(orgId);
  if (!key) {
    key = loadOrCreateKey(services, orgId);
    key.catch(() => cache.delete(orgId));
    cache.set(orgId, key);
  }
  return key;
}

async function loadOrCreateKey(services: Services, orgId: string): Promise<ActiveKey> {
  // The advisory lock makes concurrent workers agree on one key per organisation.
  const row = await services.database.db.transaction(async (tx) => {
    await tx.execute(dsql`select pg_advisory_xact_lock(hashtextextended(${`signing-key:${orgId}`}, 0))`);
    const [existing] = await tx
      .select()
      .from(signingKeys)
      .where(and(eq(signingKeys.orgId, orgId), isNull(signingKeys.retiredAt)))
      .orderBy(asc(signingKeys.createdAt))
      .limit(1);
    if (existing) return existing;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const id = keyIdOf(publicKey);
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const [created] = await tx
      .insert(signingKeys)
      .values({ id, orgId, publicKeyPem, privateKeyEncrypted: sealSecret(services, orgId, PURPOSE, id, der) })
      .returning();
    services.log.info('created a report signing key', { orgId, keyId: id });
    return created!;
  });
  const der = openSecret(services, orgId, PURPOSE, row.id, row.privateKeyEncrypted);
  return { id: row.id, publicKeyPem: row.publicKeyPem, privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
}
