/**
 * Offline verification of a downloaded report (JSON) or evidence bundle
 * (zip). Needs no database and no network: hashes are recomputed and
 * signatures checked against the public key the file carries; compare that
 * key's id with `Organization.signingKeys` (or pass trusted key ids) to know
 * who signed it. Every check is reported, each failure saying what failed.
 *
 * A JSON download must be canonical JSON with exactly the expected members,
 * so no byte of it escapes a check. In a bundle every file's content is
 * covered by the signed manifest; zip metadata (timestamps) is not.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../reports/integrity.ts';
import { keyIdOf, verifySignature } from '../reports/signing.ts';
import { BUNDLE_SCHEMA, CHECKSUMS, CHECKSUMS_SIG, MANIFEST, MANIFEST_SIG, SIGNATURE_JSON } from './bundle.ts';
import { jsonIntegrityTemplate } from './json.ts';
import { isZip, readZip, ZipError, type ZipFileEntry } from './zip-reader.ts';

export interface VerifyCheck {
  ok: boolean;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  kind: 'json' | 'bundle' | 'unknown';
  /** Ids of the keys whose signatures verified. */
  keyIds: string[];
  checks: VerifyCheck[];
}

export interface VerifyOptions {
  /** When given, a signature by any other key fails. */
  trustedKeyIds?: string[];
}

class Checks {
  readonly list: VerifyCheck[] = [];
  readonly keyIds = new Set<string>();
  pass(message: string) {
    this.list.push({ ok: true, message });
  }
  fail(message: string) {
    this.list.push({ ok: false, message });
  }
  check(ok: boolean, passMessage: string, failMessage: string) {
    if (ok) this.pass(passMessage);
    else this.fail(failMessage);
    return ok;
  }
  get ok() {
    return this.list.length > 0 && this.list.every((c) => c.ok);
  }
}

export function verifyReportFile(buffer: Buffer, filename = 'file', options: VerifyOptions = {}): VerifyResult {
  const checks = new Checks();
  let kind: VerifyResult['kind'] = 'unknown';
  if (isZip(buffer)) {
    kind = 'bundle';
    verifyBundle(buffer, filename, checks, options);
  } else if (buffer.subarray(0, 1).toString() === '{') {
    kind = 'json';
    verifyJson(buffer, filename, checks, options);
  } else {
    checks.fail(`${filename}: neither a JSON report nor an evidence bundle (zip)`);
  }
  return { ok: checks.ok, kind, keyIds: [...checks.keyIds], checks: checks.list };
}

function verifyJson(buffer: Buffer, label: string, checks: Checks, options: VerifyOptions): string | null {
  const text = buffer.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    checks.fail(`${label}: not valid JSON (${(error as Error).message})`);
    return null;
  }
  const file = parsed as { content?: unknown; integrity?: Record<string, unknown> };
  if (!isObject(file) || !isObject(file.content) || !isObject(file.integrity)) {
    checks.fail(`${label}: not a report download: expected {"content": {...}, "integrity": {...}}`);
    return null;
  }
  const extra = Object.keys(file).filter((k) => k !== 'content' && k !== 'integrity');
  checks.check(!extra.length, `${label}: has exactly the members content and integrity`, `${label}: unexpected member(s) ${extra.join(', ')} beside content and integrity`);
  checks.check(
    canonicalJson(parsed) === text,
    `${label}: is in RFC 8785 canonical form`,
    `${label}: is not in RFC 8785 canonical form: bytes outside the values were changed (whitespace, escapes, number or key formatting)`,
  );

  const integrity = file.integrity;
  const claimed = integrity.contentSha256;
  const actual = sha256Hex(canonicalJson(file.content));
  const hashOk = checks.check(
    actual === claimed,
    `${label}: content SHA-256 ${actual} matches integrity.contentSha256`,
    `${label}: content hash mismatch: the content hashes to ${actual} but integrity.contentSha256 says ${String(claimed)}: the report content (or the recorded hash) was changed`,
  );

  const template = jsonIntegrityTemplate();
  for (const [key, value] of Object.entries(template)) {
    if (key === 'contentSha256' || key === 'signature') continue;
    checks.check(integrity[key] === value, `${label}: integrity.${key} is "${value}"`, `${label}: integrity.${key} is ${JSON.stringify(integrity[key])}, expected "${value}"`);
  }
  const unknownKeys = Object.keys(integrity).filter((k) => !(k in template));
  if (unknownKeys.length) checks.fail(`${label}: unexpected member(s) in integrity: ${unknownKeys.join(', ')}`);

  const signature = integrity.signature as Record<string, unknown> | null | undefined;
  if (!isObject(signature)) {
    checks.fail(`${label}: the report is not signed (integrity.signature is missing)`);
    return typeof claimed === 'string' ? claimed : null;
  }
  for (const [key, value] of Object.entries(template.signature)) {
    if (key === 'keyId' || key === 'publicKeyPem' || key === 'value') continue;
    checks.check(signature[key] === value, `${label}: signature.${key} is "${value}"`, `${label}: signature.${key} is ${JSON.stringify(signature[key])}, expected "${value}"`);
  }
  const unknownSig = Object.keys(signature).filter((k) => !(k in template.signature));
  if (unknownSig.length) checks.fail(`${label}: unexpected member(s) in integrity.signature: ${unknownSig.join(', ')}`);
  verifyKeyAndSignature(
    checks,
    label,
    'the content hash',
    signature.publicKeyPem,
    signature.keyId,
    Buffer.from(String(claimed), 'utf8'),
    typeof signature.value === 'string' ? Buffer.from(signature.value, 'base64') : null,
    options,
  );
  return hashOk ? actual : null;
}

function verifyKeyAndSignature(
  checks: Checks,
  label: string,
  what: string,
  publicKeyPem: unknown,
  keyId: unknown,
  message: Buffer,
  signature: Buffer | null,
  options: VerifyOptions,
) {
  let actualKeyId: string;
  try {
    actualKeyId = keyIdOf(String(publicKeyPem));
  } catch {
    checks.fail(`${label}: the public key is not a valid Ed25519 PEM key`);
    return;
  }
  if (!checks.check(actualKeyId === keyId, `${label}: key id ${actualKeyId} matches the public key`, `${label}: the public key's id is ${actualKeyId} but the file says ${String(keyId)}`)) return;
  if (options.trustedKeyIds?.length) {
    checks.check(options.trustedKeyIds.includes(actualKeyId), `${label}: key ${actualKeyId} is trusted`, `${label}: key ${actualKeyId} is not among the trusted keys ${options.trustedKeyIds.join(', ')}`);
  }
  const ok = signature !== null && signature.length === 64 && verifySignature(String(publicKeyPem), message, signature);
  if (checks.check(ok, `${label}: Ed25519 signature of ${what} verifies with key ${actualKeyId}`, `${label}: the Ed25519 signature of ${what} does not verify with key ${actualKeyId}: the signature or what it covers was changed`)) {
    checks.keyIds.add(actualKeyId);
  }
}

function verifyBundle(buffer: Buffer, label: string, checks: Checks, options: VerifyOptions) {
  let entries: ZipFileEntry[];
  try {
    entries = readZip(buffer);
  } catch (error) {
    checks.fail(`${label}: ${error instanceof ZipError ? error.message : `cannot be read as a zip (${(error as Error).message})`}`);
    return;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const e of entries) if (e.problem) checks.fail(`${e.name}: ${e.problem}`);

  const manifestEntry = byName.get(MANIFEST);
  const sigEntry = byName.get(MANIFEST_SIG);
  const sigJsonEntry = byName.get(SIGNATURE_JSON);
  for (const [name, entry] of [[MANIFEST, manifestEntry], [MANIFEST_SIG, sigEntry], [SIGNATURE_JSON, sigJsonEntry]] as const) {
    if (!entry) checks.fail(`${name} is missing from the bundle`);
  }
  if (!manifestEntry?.data) return;

  let manifest: { schema?: unknown; report?: { contentSha256?: unknown }; files?: Array<{ path: string; sha256: string; sizeBytes: number }> };
  try {
    manifest = JSON.parse(manifestEntry.data.toString('utf8'));
  } catch (error) {
    checks.fail(`${MANIFEST}: not valid JSON (${(error as Error).message})`);
    return;
  }
  checks.check(manifest.schema === BUNDLE_SCHEMA, `${MANIFEST}: schema ${BUNDLE_SCHEMA}`, `${MANIFEST}: schema is ${JSON.stringify(manifest.schema)}, expected ${BUNDLE_SCHEMA}`);

  if (sigEntry?.data && sigJsonEntry?.data) {
    let sigInfo: Record<string, unknown> = {};
    try {
      sigInfo = JSON.parse(sigJsonEntry.data.toString('utf8'));
    } catch (error) {
      checks.fail(`${SIGNATURE_JSON}: not valid JSON (${(error as Error).message})`);
    }
    if (sigInfo.algorithm !== 'Ed25519') checks.fail(`${SIGNATURE_JSON}: algorithm is ${JSON.stringify(sigInfo.algorithm)}, expected "Ed25519"`);
    verifyKeyAndSignature(checks, MANIFEST_SIG, MANIFEST, sigInfo.publicKeyPem, sigInfo.keyId, manifestEntry.data, sigEntry.data, options);
    // The checksum list for stock tools (sha256sum -c), signed by the same key; older bundles have none.
    const sums = byName.get(CHECKSUMS);
    if (sums?.data) {
      verifyKeyAndSignature(checks, CHECKSUMS_SIG, CHECKSUMS, sigInfo.publicKeyPem, sigInfo.keyId, sums.data, byName.get(CHECKSUMS_SIG)?.data ?? null, options);
      // Its lines must say what the manifest says (the files themselves are checked against the manifest below).
      const manifestHashes = new Map((Array.isArray(manifest.files) ? manifest.files : []).map((f) => [f.path, f.sha256]));
      manifestHashes.set(MANIFEST, createHash('sha256').update(manifestEntry.data).digest('hex'));
      const lines = sums.data.toString('utf8').split('\n').filter(Boolean);
      const disagree = lines.filter((line) => manifestHashes.get(line.slice(66)) !== line.slice(0, 64) || line.slice(64, 66) !== '  ');
      checks.check(
        !disagree.length && lines.length === manifestHashes.size,
        `${CHECKSUMS}: lists the manifest and every file with the manifest's hashes`,
        `${CHECKSUMS}: ${disagree.length ? `disagrees with the manifest on ${disagree.map((l) => l.slice(66)).join(', ')}` : `lists ${lines.length} files, the manifest ${manifestHashes.size}`}`,
      );
    }
  }

  const listed = new Set<string>();
  for (const file of Array.isArray(manifest.files) ? manifest.files : []) {
    listed.add(file.path);
    const entry = byName.get(file.path);
    if (!entry) {
      checks.fail(`${file.path}: listed in the manifest but missing from the bundle`);
      continue;
    }
    if (!entry.data) continue;
    const actual = createHash('sha256').update(entry.data).digest('hex');
    checks.check(
      actual === file.sha256 && entry.data.length === file.sizeBytes,
      `${file.path}: SHA-256 and size (${entry.data.length} bytes) match the manifest`,
      actual !== file.sha256
        ? `${file.path}: SHA-256 is ${actual}, the manifest says ${file.sha256}: the file was changed`
        : `${file.path}: size is ${entry.data.length} bytes, the manifest says ${file.sizeBytes}`,
    );
  }
  if (!listed.size) checks.fail(`${MANIFEST}: lists no files`);
  for (const e of entries) {
    if (!listed.has(e.name) && ![MANIFEST, MANIFEST_SIG, SIGNATURE_JSON, CHECKSUMS, CHECKSUMS_SIG].includes(e.name)) checks.fail(`${e.name}: in the bundle but not listed in the manifest`);
  }

  const report = byName.get('report.json');
  if (!report?.data) {
    checks.fail('report.json is missing from the bundle');
    return;
  }
  const contentSha256 = verifyJson(report.data, 'report.json', checks, options);
  if (contentSha256) {
    checks.check(
      manifest.report?.contentSha256 === contentSha256,
      `${MANIFEST}: names the same content hash as report.json`,
      `${MANIFEST}: names content hash ${String(manifest.report?.contentSha256)}, report.json has ${contentSha256}`,
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
