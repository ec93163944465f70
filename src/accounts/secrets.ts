/**
 * An organisation's secrets at rest (its report signing keys, storage
 * credentials): AES-256-GCM under a key derived from SIGNING_KEY_SECRET for
 * the organisation and the secret's purpose, bound to the secret's id, so a
 * database dump alone reveals none of them.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Services } from '../services.ts';

const ENCRYPTION_VERSION = 'v1';
const warned = new WeakSet<Services>();

function encryptionSecret(services: Services): string {
  if (services.config.SIGNING_KEY_SECRET) return services.config.SIGNING_KEY_SECRET;
  if (!warned.has(services)) {
    warned.add(services);
    services.log.warn(
      'SIGNING_KEY_SECRET is not set: report signing keys are encrypted under a development default derived from DATA_DIR. Set SIGNING_KEY_SECRET (32+ random characters) in production.',
    );
  }
  return `agent-reports-development-secret:${path.resolve(services.config.DATA_DIR)}`;
}

/** A key per organisation and purpose: a ciphertext moved to another organisation's row, or to another kind of secret, does not decrypt. */
function wrappingKey(secret: string, orgId: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, `agent-reports/${purpose}`, `org:${orgId}`, 32));
}

/** Encrypts a secret of the organisation for `purpose`, bound to `id` (stored beside the ciphertext). */
export function sealSecret(services: Services, orgId: string, purpose: string, id: string, plain: Buffer): string {
  return encrypt(encryptionSecret(services), orgId, id, plain, purpose);
}

export function openSecret(services: Services, orgId: string, purpose: string, id: string, stored: string): Buffer {
  return decrypt(encryptionSecret(services), orgId, id, stored, purpose);
}

function encrypt(secret: string, orgId: string, keyId: string, plain: Buffer, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret, orgId, purpose), iv);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [ENCRYPTION_VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

function decrypt(secret: string, orgId: string, keyId: string, stored: string, purpose: string): Buffer {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== ENCRYPTION_VERSION || !iv || !tag || !body) throw new Error(`signing key ${keyId} is stored in an unknown format`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret, orgId, purpose), Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  } catch {
    throw new Error(`${purpose} secret ${keyId} cannot be decrypted: SIGNING_KEY_SECRET differs from the one it was encrypted with`);
  }
}
