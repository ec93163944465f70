/**
 * The evidence bundle: one zip an auditor can archive. The report in every
 * format, the events behind every finding (evidence.ndjson, streamed page by
 * page while the zip is written), manifest.json with each file's SHA-256 and
 * size, manifest.sig (raw Ed25519 signature of manifest.json's bytes) and
 * signature.json (algorithm, key id, public key).
 *
 * The manifest is written last, once the evidence has streamed through its
 * hash, so nothing is ever held whole in memory but the small files.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { canonicalJson } from '../reports/integrity.ts';
import { currentSigningKey, keyFingerprint, signBytes } from '../reports/signing.ts';
import type { Services } from '../services.ts';
import { ensureArtifact, readArtifact, renderFormat } from './artifacts.ts';
import { evidenceNdjson, type eventJson } from './evidence-stream.ts';
import { loadRenderable, type RenderableReport, type StoredFormat } from './model.ts';
import { scopeOf, type ReportRow } from '../reports/store.ts';

export const BUNDLE_SCHEMA = 'https://agent-reports.dev/schema/evidence-bundle/1';
export const MANIFEST = 'manifest.json';
export const MANIFEST_SIG = 'manifest.sig';
export const SIGNATURE_JSON = 'signature.json';
export const EVIDENCE = 'evidence.ndjson';
export const PUBLIC_KEY = 'public-key.pem';
/** `sha256sum -c` input for every other file, and its raw Ed25519 signature: checkable with stock tools alone. */
export const CHECKSUMS = 'SHA256SUMS';
export const CHECKSUMS_SIG = 'SHA256SUMS.sig';

export const BUNDLE_FILES: Array<{ format: StoredFormat; path: string; mediaType: string; description: string }> = [
  { format: 'json', path: 'report.json', mediaType: 'application/json', description: 'The canonical report with its content hash and signature' },
  { format: 'pdf', path: 'report.pdf', mediaType: 'application/pdf', description: 'The report for reading and printing' },
  { format: 'csv', path: 'report-csv.zip', mediaType: 'application/zip', description: 'Findings, metrics and tables as CSV files' },
  { format: 'md', path: 'report.md', mediaType: 'text/markdown', description: 'The report as Markdown' },
  { format: 'oscal', path: 'report-oscal.json', mediaType: 'application/json', description: 'OSCAL 1.2.1 assessment results' },
];

export interface ManifestFile {
  path: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  description: string;
}

/** The bundle's README: what each file is and how to check all of it with sha256sum and openssl alone. */
function bundleReadme(key: { keyId: string; publicKeyPem: string }): string {
  return `Evidence bundle of a compliance report.

report.json        the canonical report with its content hash and signature
report.pdf, report.md, report-csv.zip, report-oscal.json   the same report for reading and for tools
evidence.ndjson    the audit events behind every finding, one per line:
                   {"finding": <ordinal>, "controlId": "...", "event": {...}}
manifest.json      every file with its SHA-256 and size
manifest.sig       Ed25519 signature of manifest.json's exact bytes (64 raw bytes)
signature.json     signature algorithm, key id and public key (PEM)
${PUBLIC_KEY}     the public key that signed manifest.json and ${CHECKSUMS}
${CHECKSUMS}         the SHA-256 of every file, for sha256sum -c
${CHECKSUMS_SIG}     Ed25519 signature of ${CHECKSUMS}'s exact bytes (64 raw bytes)

Signing key id:      ${key.keyId}
Key fingerprint:     ${keyFingerprint(key.publicKeyPem)}
                     (SHA-256 of the raw 32-byte Ed25519 public key; the key id is its first 16 characters)

CHECK IT WITH STANDARD TOOLS ONLY (OpenSSL 3 and coreutils; nothing of ours), in the unzipped folder:

1. The key is the issuer's. Print its fingerprint and compare it with the one the organisation
   gave you (the shared page shows it; an API user sees it as Organization.signingKeys):
     openssl pkey -pubin -in ${PUBLIC_KEY} -outform DER | tail -c 32 | sha256sum
2. The checksum list is signed by that key (prints "Signature Verified Successfully"):
     openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY} -rawin -in ${CHECKSUMS} -sigfile ${CHECKSUMS_SIG}
   The manifest the same way:
     openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY} -rawin -in manifest.json -sigfile manifest.sig
3. Every file is the one signed for (every line must say OK):
     sha256sum -c ${CHECKSUMS}

The report's own signature (in report.json: integrity.signature.value, base64) is over the UTF-8 bytes of
its content hash, integrity.contentSha256; check it with the key named by integrity.signature.keyId.
The same checks in one command, for those who have the tool:  agent-reports verify THIS.zip
`;
}

/**
 * A redacted bundle (a pseudonymised share link): every file is rendered from
 * the redacted, re-signed report, each evidence event goes through `event`,
 * and the manifest says what was done and names the original's content hash.
 */
export interface BundleRedaction {
  profile: 'pseudonymise';
  /** The redacted report (its own content hash and signature). */
  renderable: RenderableReport;
  /** The original report's content hash. */
  originalContentSha256: string | null;
  event: (event: ReturnType<typeof eventJson>) => unknown;
}

/** Streams the bundle of a completed report. Renders any missing artifact first. */
export async function bundleStream(services: Services, row: ReportRow, redaction?: BundleRedaction): Promise<Readable> {
  const renderable = redaction?.renderable ?? (await loadRenderable(services, row));
  const files: Array<{ data: Buffer; meta: ManifestFile }> = [];
  for (const file of BUNDLE_FILES) {
    const meta = { path: file.path, mediaType: file.mediaType, description: file.description };
    if (redaction) {
      // Redacted files are rendered for this bundle only; they are never stored.
      const { data } = await renderFormat(services, renderable, file.format);
      files.push({ data, meta: { ...meta, sha256: sha256(data), sizeBytes: data.length } });
      continue;
    }
    const stored = await ensureArtifact(services, row, file.format, async () => renderable);
    const data = await readArtifact(services, row.orgId, row.id, file.format);
    files.push({ data, meta: { ...meta, sha256: stored.sha256, sizeBytes: stored.sizeBytes } });
  }
  const key = await currentSigningKey(services, row.orgId);
  const readme = Buffer.from(bundleReadme(key), 'utf8');
  const publicKey = Buffer.from(key.publicKeyPem, 'utf8');
  files.push({ data: readme, meta: { path: 'README.txt', sha256: sha256(readme), sizeBytes: readme.length, mediaType: 'text/plain', description: 'What the files are and how to check them' } });
  files.push({ data: publicKey, meta: { path: PUBLIC_KEY, sha256: sha256(publicKey), sizeBytes: publicKey.length, mediaType: 'application/x-pem-file', description: 'The Ed25519 public key that signs this bundle' } });

  // Fixed mtime: the same report bundles to the same bytes.
  const mtime = renderable.completedAt;
  const zip = new yazl.ZipFile();
  const add = (data: Buffer, path: string) => zip.addBuffer(data, path, { mtime, mode: 0o100644 });
  for (const f of files) add(f.data, f.meta.path);

  const scope = scopeOf(row);
  const findings = renderable.content.findings;
  const hash = createHash('sha256');
  let size = 0;
  let events = 0;
  async function* evidence(): AsyncGenerator<Buffer> {
    for await (const lines of evidenceNdjson(services.database.sql, scope, findings, redaction?.event)) {
      const chunk = Buffer.from(lines, 'utf8');
      hash.update(chunk);
      size += chunk.length;
      events += lines.split('\n').length - 1;
      yield chunk;
    }
    // The evidence has passed through the hash: the manifest can be written and signed now.
    const manifest = Buffer.from(
      canonicalJson({
        schema: BUNDLE_SCHEMA,
        report: {
          id: renderable.id,
          organizationId: renderable.orgId,
          type: renderable.type,
          title: renderable.content.title,
          completedAt: renderable.completedAt.toISOString(),
          contentSha256: renderable.contentSha256,
          signature: renderable.signature?.value ?? null,
          signatureKeyId: renderable.signature?.keyId ?? null,
        },
        ...(redaction
          ? {
              redaction: {
                profile: redaction.profile,
                description: "A redacted copy: people's e-mail addresses and ids are replaced by pseudonyms, stable within this copy, in every file and in the evidence events.",
                originalContentSha256: redaction.originalContentSha256,
              },
            }
          : {}),
        evidence: { path: EVIDENCE, events, findings: findings.filter((f) => f.evidenceCount > 0).length },
        files: [...files.map((f) => f.meta), { path: EVIDENCE, sha256: hash.digest('hex'), sizeBytes: size, mediaType: 'application/x-ndjson', description: 'The audit events behind every finding' }],
      }),
      'utf8',
    );
    const signed = await signBytes(services, row.orgId, manifest);
    const listed = JSON.parse(manifest.toString('utf8')) as { files: ManifestFile[] };
    const checksums = Buffer.from([...listed.files.map((f) => `${f.sha256}  ${f.path}\n`), `${sha256(manifest)}  ${MANIFEST}\n`].join(''), 'utf8');
    add(manifest, MANIFEST);
    add(signed.signature, MANIFEST_SIG);
    add(checksums, CHECKSUMS);
    add((await signBytes(services, row.orgId, checksums)).signature, CHECKSUMS_SIG);
    add(Buffer.from(`${JSON.stringify({ algorithm: 'Ed25519', signedFile: MANIFEST, signatureFile: MANIFEST_SIG, keyId: signed.keyId, publicKeyPem: signed.publicKeyPem }, null, 2)}\n`), SIGNATURE_JSON);
    zip.end();
  }
  const source = Readable.from(evidence());
  source.on('error', (error) => {
    services.log.error('evidence bundle failed while streaming', { reportId: row.id, err: error });
    (zip.outputStream as Readable).destroy(error);
  });
  zip.addReadStreamLazy(EVIDENCE, { mtime, mode: 0o100644 }, (cb) => cb(null, source));
  return zip.outputStream as Readable;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
