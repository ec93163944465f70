/**
 * Offline verification of a downloaded report (JSON), evidence bundle,
 * compliance package or data-export bundle (zips, told apart by their
 * manifest's schema). Needs no database and no network: hashes are recomputed and
 * signatures checked against the public key the file carries; compare that
 * key's id with `Organization.signingKeys` (or pass trusted key ids) to know
 * who signed it. Every check is reported, each failure saying what failed.
 *
 * A JSON download must be canonical JSON with exactly the expected members,
 * so no byte of it escapes a check. In a bundle every file's content is
 * covered by the signed manifest; zip metadata (timestamps) is not.
 */
import { createHash } from 'node:crypto';
import { CONTENT_SCHEMA, contentProblems } from '../reports/content.ts';
import { canonicalJson, sha256Hex } from '../reports/integrity.ts';
import { keyIdOf, verifySignature } from '../reports/signing.ts';
import { EXPORT_BUNDLE_UNSIGNED, EXPORT_MANIFEST_SCHEMA } from '../exports/manifest.ts';
import { PACKAGE_SCHEMA, type PackageManifest } from '../packages/manifest.ts';
import { BUNDLE_SCHEMA, CHECKSUMS, CHECKSUMS_SIG, MANIFEST, MANIFEST_SIG, SIGNATURE_JSON } from '../render/bundle.ts';
import { jsonIntegrityTemplate } from '../render/json.ts';
import { isZip, readZip, ZipError, type ZipFileEntry } from '../render/zip-reader.ts';

interface VerifyCheck {
  ok: boolean;
  message: string;
}

interface VerifyResult {
  ok: boolean;
  kind: 'json' | 'bundle' | 'package' | 'export' | 'unknown';
  /** Ids of the keys whose signatures verified. */
  keyIds: string[];
  checks: VerifyCheck[];
}

interface VerifyOptions {
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

export async function verifyReportFile(buffer: Buffer, filename = 'file', options: VerifyOptions = {}): Promise<VerifyResult> {
  const checks = new Checks();
  let kind: VerifyResult['kind'] = 'unknown';
  if (isZip(buffer)) {
    kind = await verifyZip(buffer, filename, checks, options);
  } else if (buffer.subarray(0, 1).toString() === '{') {
    kind = 'json';
    verifyJson(buffer, filename, checks, options);
  } else {
    checks.fail(`${filename}: neither a JSON report nor a zip (evidence bundle, compliance package or export bundle)`);
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

  const problems = contentProblems(file.content);
  checks.check(
    !problems.length,
    `${label}: the content follows the report content contract (${CONTENT_SCHEMA})`,
    `${label}: the content does not follow the report content contract (${CONTENT_SCHEMA}): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`,
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

type ZipManifest = { schema?: unknown; report?: { contentSha256?: unknown }; files?: Array<{ path: string; sha256: string; sizeBytes: number }> };

/**
 * A zip of ours: the manifest's signature (manifest.sig with the key in
 * signature.json), the checksum list when there is one, every listed file's
 * hash and size, nothing unlisted; then what its kind adds (the report's own
 * signature, each report and export of a package).
 */
async function verifyZip(buffer: Buffer, label: string, checks: Checks, options: VerifyOptions): Promise<VerifyResult['kind']> {
  let entries: ZipFileEntry[];
  try {
    entries = await readZip(buffer);
  } catch (error) {
    checks.fail(`${label}: ${error instanceof ZipError ? error.message : `cannot be read as a zip (${(error as Error).message})`}`);
    return 'bundle';
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const e of entries) if (e.problem) checks.fail(`${e.name}: ${e.problem}`);

  const manifestEntry = byName.get(MANIFEST);
  const sigEntry = byName.get(MANIFEST_SIG);
  const sigJsonEntry = byName.get(SIGNATURE_JSON);
  for (const [name, entry] of [[MANIFEST, manifestEntry], [MANIFEST_SIG, sigEntry], [SIGNATURE_JSON, sigJsonEntry]] as const) {
    if (!entry) checks.fail(`${name} is missing from the zip`);
  }
  if (!manifestEntry?.data) return 'bundle';

  let manifest: ZipManifest;
  try {
    manifest = JSON.parse(manifestEntry.data.toString('utf8'));
  } catch (error) {
    checks.fail(`${MANIFEST}: not valid JSON (${(error as Error).message})`);
    return 'bundle';
  }
  const kind = manifest.schema === PACKAGE_SCHEMA ? 'package' : manifest.schema === EXPORT_MANIFEST_SCHEMA ? 'export' : 'bundle';
  checks.check(
    kind !== 'bundle' || manifest.schema === BUNDLE_SCHEMA,
    `${MANIFEST}: schema ${String(manifest.schema)}`,
    `${MANIFEST}: schema is ${JSON.stringify(manifest.schema)}, expected ${BUNDLE_SCHEMA}, ${PACKAGE_SCHEMA} or ${EXPORT_MANIFEST_SCHEMA}`,
  );

  let publicKeyPem: string | null = null;
  if (sigEntry?.data && sigJsonEntry?.data) {
    let sigInfo: Record<string, unknown> = {};
    try {
      sigInfo = JSON.parse(sigJsonEntry.data.toString('utf8'));
    } catch (error) {
      checks.fail(`${SIGNATURE_JSON}: not valid JSON (${(error as Error).message})`);
    }
    if (sigInfo.algorithm !== 'Ed25519') checks.fail(`${SIGNATURE_JSON}: algorithm is ${JSON.stringify(sigInfo.algorithm)}, expected "Ed25519"`);
    const before = checks.keyIds.size;
    verifyKeyAndSignature(checks, MANIFEST_SIG, MANIFEST, sigInfo.publicKeyPem, sigInfo.keyId, manifestEntry.data, sigEntry.data, options);
    if (checks.keyIds.size > before || checks.keyIds.has(String(sigInfo.keyId))) publicKeyPem = String(sigInfo.publicKeyPem);
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
      checks.fail(`${file.path}: listed in the manifest but missing from the zip`);
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
  const unsigned = kind === 'export' ? EXPORT_BUNDLE_UNSIGNED : [];
  for (const e of entries) {
    if (listed.has(e.name) || [MANIFEST, MANIFEST_SIG, SIGNATURE_JSON, CHECKSUMS, CHECKSUMS_SIG].includes(e.name)) continue;
    if (unsigned.includes(e.name)) checks.pass(`${e.name}: instructions for people, not covered by the signature`);
    else checks.fail(`${e.name}: in the zip but not listed in the manifest`);
  }

  if (kind === 'package') verifyPackageParts(manifest as unknown as PackageManifest, byName, publicKeyPem, checks, options);
  if (kind === 'bundle') {
    const report = byName.get('report.json');
    if (!report?.data) {
      checks.fail('report.json is missing from the bundle');
      return kind;
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
  return kind;
}

/**
 * A package's parts beside its own manifest: each report.json is a signed
 * report whose content hash the manifest names, and each export's own
 * manifest is signed and names the export file's hash.
 */
function verifyPackageParts(manifest: PackageManifest, byName: Map<string, ZipFileEntry>, packageKeyPem: string | null, checks: Checks, options: VerifyOptions) {
  const reports = Array.isArray(manifest.reports) ? manifest.reports : [];
  if (!reports.length) checks.fail(`${MANIFEST}: names no reports`);
  for (const r of reports) {
    const path = `${r.folder}report.json`;
    const entry = byName.get(path);
    if (!entry?.data) {
      checks.fail(`${path}: missing from the package`);
      continue;
    }
    const contentSha256 = verifyJson(entry.data, path, checks, options);
    if (contentSha256) {
      checks.check(r.contentSha256 === contentSha256, `${path}: the manifest names its content hash`, `${path}: content hash ${contentSha256}, the manifest names ${String(r.contentSha256)}`);
    }
  }
  for (const e of Array.isArray(manifest.exports) ? manifest.exports : []) {
    const file = byName.get(e.path);
    const own = byName.get(e.manifestPath);
    const sig = byName.get(e.signaturePath);
    if (!file?.data || !own?.data || !sig?.data) {
      checks.fail(`${e.path}: the export, its manifest or its signature is missing from the package`);
      continue;
    }
    let listed: { schema?: unknown; files?: Array<{ sha256?: unknown }> } = {};
    try {
      listed = JSON.parse(own.data.toString('utf8'));
    } catch (error) {
      checks.fail(`${e.manifestPath}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const actual = createHash('sha256').update(file.data).digest('hex');
    checks.check(
      listed.schema === EXPORT_MANIFEST_SCHEMA && listed.files?.[0]?.sha256 === actual,
      `${e.path}: its own manifest names its SHA-256`,
      `${e.path}: its own manifest (${e.manifestPath}) does not name its SHA-256 ${actual}`,
    );
    // The export was signed by the organisation's key of its day; when that is the package's key it is checked here too.
    if (packageKeyPem && keyIdOf(packageKeyPem) === e.signatureKeyId) {
      checks.check(
        sig.data.length === 64 && verifySignature(packageKeyPem, own.data, sig.data),
        `${e.signaturePath}: Ed25519 signature of the export's manifest verifies with key ${e.signatureKeyId}`,
        `${e.signaturePath}: the signature of the export's manifest does not verify: it or the manifest was changed`,
      );
    } else {
      checks.pass(`${e.signaturePath}: signed by key ${e.signatureKeyId}, not the package's; the package's signature covers it`);
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
