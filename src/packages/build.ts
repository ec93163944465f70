/**
 * Building a compliance package: wait for its reports (and their rendered
 * files) and exports, print the one PDF, then write the zip: every report in
 * every format, the exports with their own signed manifests, the PDF, and
 * one manifest of every file's SHA-256 signed once. Every hash is known
 * before the zip is written (stored files carry theirs), so the manifest is
 * signed first and the zip streams into `package_files` with the memory of
 * one chunk; nothing large is held whole but the PDF.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import yazl from 'yazl';
import { compliancePackages, packageFiles, reportArtifacts } from '../db/schema.ts';
import { MEDIA_TYPES } from '../exports/encode.ts';
import { exportFileChunks, exportManifest, exportsByIds, fileNameOf, type ExportRecord } from '../exports/exports.ts';
import { KINDS } from '../exports/kinds.ts';
import { expiryFor, organizationSettings } from '../accounts/settings.ts';
import { artifactChunks, ensureArtifact } from '../render/artifacts.ts';
import { BUNDLE_FILES, CHECKSUMS, CHECKSUMS_SIG, MANIFEST, MANIFEST_SIG, PUBLIC_KEY, SIGNATURE_JSON } from '../render/bundle.ts';
import { findReport, loadRenderable, STORED_FORMATS, type RenderableReport } from '../render/model.ts';
import type { ReportRow } from '../reports/store.ts';
import { renderPackagePdf } from '../render/package-pdf.ts';
import { canonicalJson } from '../reports/integrity.ts';
import { reportsByIds } from '../reports/lifecycle.ts';
import { currentSigningKey, keyFingerprint, signBytes } from '../reports/signing.ts';
import type { Services } from '../services.ts';
import { PACKAGE_PDF, PACKAGE_SCHEMA, type PackageManifest } from './manifest.ts';
import { deletePackageFiles, getPackage, updatePackage, type PackageFile, type PackageRecord } from './packages.ts';

/** Thrown from a progress step when the package is no longer generating (cancelled or deleted). */
export class PackageCancelled extends Error {}
/** A part failed, was cancelled or deleted: the package cannot be made, and retrying would not help. */
export class PackageFailed extends Error {}

export interface PackageProgress {
  percent: number;
  stage: string;
  message: string;
}

const CHUNK_BYTES = 1024 * 1024;
/** How often the parts are looked at while they build. */
const POLL_MS = 250;
/** A completed report whose files have not appeared by then is rendered here (its worker's render failed or is slow). */
const ARTIFACT_GRACE_MS = 30_000;

export async function buildPackage(services: Services, orgId: string, packageId: string, onProgress: (p: PackageProgress) => Promise<void>): Promise<PackageRecord> {
  const { db } = services.database;
  const row = await getPackage(db, orgId, packageId);
  await waitForParts(services, row, onProgress);

  await onProgress({ percent: 82, stage: 'assembling', message: 'Reading the reports' });
  const reportRows: ReportRow[] = [];
  for (const id of row.reportIds) {
    const report = await findReport(services, orgId, id);
    if (!report) throw new PackageFailed(`Report ${id} of the package was deleted.`);
    // Files the report worker has not rendered yet are rendered now (the first stored copy wins).
    for (const format of STORED_FORMATS) await ensureArtifact(services, report, format);
    reportRows.push(report);
  }
  const renderables: RenderableReport[] = [];
  for (const report of reportRows) renderables.push(await loadRenderable(services, report));
  const exportRows = (await exportsByIds(db, orgId, row.exportIds)).map((e, i) => {
    if (!e || e.status !== 'completed') throw new PackageFailed(`Data export ${row.exportIds[i]} of the package is no longer available.`);
    return e;
  });
  const exportManifests = await Promise.all(exportRows.map(async (e) => (await exportManifest(db, orgId, e.id))!));

  await onProgress({ percent: 85, stage: 'rendering', message: `Printing the PDF of ${renderables.length} report${renderables.length === 1 ? '' : 's'}` });
  const { pdf, pageCount } = await renderPackagePdf(services.config, {
    id: row.id,
    title: row.title,
    organizationName: renderables[0]?.organizationName ?? '',
    period: { start: row.periodStart, end: row.periodEnd },
    environment: row.environment,
    agentIds: row.agentIds,
    createdAt: row.createdAt,
    reports: renderables,
    exports: exportRows.map((e) => ({ id: e.id, title: KINDS[e.kind].title, format: e.format, fileName: fileNameOf(e), rowCount: e.rowCount ?? 0, sizeBytes: e.sizeBytes ?? 0, sha256: e.sha256!, signatureKeyId: e.signatureKeyId! })),
  });
  await deletePackageFiles(db, orgId, row.id);
  const pdfSha256 = sha256(pdf);
  const pdfWriter = fileWriter(services, orgId, row.id, 'pdf');
  await pdfWriter.write(pdf);
  await pdfWriter.end();

  await onProgress({ percent: 93, stage: 'signing', message: 'Writing and signing the zip' });
  const completedAt = new Date();
  const key = await currentSigningKey(services, orgId);
  type Entry = { path: string; meta: PackageManifest['files'][number]; source: () => Readable | Buffer };
  const entries: Entry[] = [];
  const add = (path: string, sha: string, sizeBytes: number, mediaType: string, description: string, source: Entry['source']) =>
    entries.push({ path, meta: { path, sha256: sha, sizeBytes, mediaType, description }, source });
  add(PACKAGE_PDF, pdfSha256, pdf.length, 'application/pdf', 'The whole package as one document: cover, contents, every report, the exports and their hashes', () => pdf);
  const reportsListed: PackageManifest['reports'] = [];
  const artifacts = await db
    .select({ reportId: reportArtifacts.reportId, format: reportArtifacts.format, sizeBytes: reportArtifacts.sizeBytes, sha256: reportArtifacts.sha256 })
    .from(reportArtifacts)
    .where(and(eq(reportArtifacts.orgId, orgId), inArray(reportArtifacts.reportId, row.reportIds)));
  renderables.forEach((r, i) => {
    const folder = `reports/${String(i + 1).padStart(2, '0')}-${r.type.replace(/[^A-Za-z0-9_-]/g, '-')}/`;
    reportsListed.push({
      id: r.id,
      type: r.type,
      title: r.content.title,
      folder,
      contentSha256: r.contentSha256,
      signature: r.signature?.value ?? null,
      signatureKeyId: r.signature?.keyId ?? null,
      score: r.content.score ?? null,
      grade: r.content.grade ?? null,
    });
    for (const file of BUNDLE_FILES) {
      const stored = artifacts.find((a) => a.reportId === r.id && a.format === file.format);
      if (!stored) throw new Error(`artifact ${file.format} of report ${r.id} vanished while the package was built`);
      add(`${folder}${file.path}`, stored.sha256, stored.sizeBytes, file.mediaType, `${r.content.framework.name}: ${file.description}`, () =>
        Readable.from(artifactChunks(services, orgId, r.id, file.format, stored.sizeBytes)),
      );
    }
  });
  const exportsListed: PackageManifest['exports'] = [];
  exportRows.forEach((e: ExportRecord, i) => {
    const signed = exportManifests[i]!;
    const path = `exports/${fileNameOf(e)}`;
    const manifestBytes = Buffer.from(signed.manifest, 'utf8');
    const sigBytes = Buffer.from(signed.signature, 'base64');
    exportsListed.push({ id: e.id, kind: e.kind, format: e.format, path, manifestPath: `${path}.manifest.json`, signaturePath: `${path}.manifest.sig`, sha256: e.sha256!, rowCount: e.rowCount ?? 0, signatureKeyId: signed.keyId });
    add(path, e.sha256!, e.sizeBytes ?? 0, MEDIA_TYPES[e.format], `${KINDS[e.kind].title}: ${KINDS[e.kind].description}`, () => Readable.from(exportFileChunks(services, orgId, e.id)));
    add(`${path}.manifest.json`, sha256(manifestBytes), manifestBytes.length, 'application/json', "The export's own signed manifest", () => manifestBytes);
    add(`${path}.manifest.sig`, sha256(sigBytes), sigBytes.length, 'application/octet-stream', "Ed25519 signature of the export's manifest (64 raw bytes)", () => sigBytes);
  });
  const readme = Buffer.from(packageReadme(key), 'utf8');
  const publicKey = Buffer.from(key.publicKeyPem, 'utf8');
  add('README.txt', sha256(readme), readme.length, 'text/plain', 'What the files are and how to check them', () => readme);
  add(PUBLIC_KEY, sha256(publicKey), publicKey.length, 'application/x-pem-file', 'The Ed25519 public key that signs this package', () => publicKey);

  const manifest: PackageManifest = {
    schema: PACKAGE_SCHEMA,
    package: {
      id: row.id,
      organizationId: orgId,
      title: row.title,
      period: { start: row.periodStart.toISOString(), end: row.periodEnd.toISOString() },
      scope: { environment: row.environment, agentIds: row.agentIds },
      frameworks: row.frameworks,
      exportKinds: row.exportKinds,
      exportFormat: row.exportFormat,
      completedAt: completedAt.toISOString(),
    },
    reports: reportsListed,
    exports: exportsListed,
    files: entries.map((e) => e.meta),
  };
  const manifestText = canonicalJson(manifest);
  const manifestBytes = Buffer.from(manifestText, 'utf8');
  const signed = await signBytes(services, orgId, manifestBytes);
  const checksums = Buffer.from([...entries.map((e) => `${e.meta.sha256}  ${e.path}\n`), `${sha256(manifestBytes)}  ${MANIFEST}\n`].join(''), 'utf8');
  const checksumsSig = (await signBytes(services, orgId, checksums)).signature;

  // Fixed mtime: the zip's metadata says when the package completed, not when it is read.
  const zip = new yazl.ZipFile();
  const options = { mtime: completedAt, mode: 0o100644 };
  for (const e of entries) {
    const source = e.source;
    if (e.meta.sizeBytes > CHUNK_BYTES) zip.addReadStreamLazy(e.path, options, (cb) => cb(null, source() as Readable));
    else {
      const data = source();
      if (Buffer.isBuffer(data)) zip.addBuffer(data, e.path, options);
      else zip.addReadStreamLazy(e.path, options, (cb) => cb(null, data));
    }
  }
  zip.addBuffer(manifestBytes, MANIFEST, options);
  zip.addBuffer(signed.signature, MANIFEST_SIG, options);
  zip.addBuffer(Buffer.from(`${JSON.stringify({ algorithm: 'Ed25519', signedFile: MANIFEST, signatureFile: MANIFEST_SIG, keyId: signed.keyId, publicKeyPem: signed.publicKeyPem }, null, 2)}\n`), SIGNATURE_JSON, options);
  zip.addBuffer(checksums, CHECKSUMS, options);
  zip.addBuffer(checksumsSig, CHECKSUMS_SIG, options);
  zip.end();
  const zipWriter = fileWriter(services, orgId, row.id, 'zip');
  for await (const chunk of zip.outputStream as Readable) await zipWriter.write(chunk as Buffer);
  const zipped = await zipWriter.end();

  const done = await updatePackage(services, orgId, row.id, eq(compliancePackages.status, 'generating'), {
    status: 'completed',
    progressPercent: 100,
    progressStage: 'completed',
    progressMessage: `${renderables.length} report${renderables.length === 1 ? '' : 's'} and ${exportRows.length} export${exportRows.length === 1 ? '' : 's'} packaged`,
    manifest: manifestText,
    signature: signed.signature.toString('base64'),
    signatureKeyId: signed.keyId,
    pdfSha256,
    pdfSizeBytes: pdf.length,
    pdfPageCount: pageCount,
    zipSha256: zipped.sha256,
    zipSizeBytes: zipped.size,
    completedAt,
    expiresAt: expiryFor((await organizationSettings(db, orgId)).retentionDays, completedAt),
  });
  if (!done) {
    await deletePackageFiles(db, orgId, row.id);
    throw new PackageCancelled();
  }
  return done;
}

/**
 * Until every report is completed with its files rendered and every export
 * completed; progress is the parts' mean. A part that failed, was cancelled
 * or deleted fails the package.
 */
async function waitForParts(services: Services, row: PackageRecord, onProgress: (p: PackageProgress) => Promise<void>): Promise<void> {
  const { db } = services.database;
  const completedSince = new Map<string, number>();
  let last = '';
  for (;;) {
    const [reportRows, exportRows, rendered] = await Promise.all([
      reportsByIds(db, row.orgId, row.reportIds),
      exportsByIds(db, row.orgId, row.exportIds),
      row.reportIds.length
        ? db
            .select({ reportId: reportArtifacts.reportId })
            .from(reportArtifacts)
            .where(and(eq(reportArtifacts.orgId, row.orgId), inArray(reportArtifacts.reportId, row.reportIds)))
        : [],
    ]);
    const parts = [
      ...reportRows.map((r, i) => ({ what: `report ${r?.title ?? row.reportIds[i]}`, row: r })),
      ...exportRows.map((e, i) => ({ what: `data export ${e ? KINDS[e.kind].title.toLowerCase() : row.exportIds[i]}`, row: e })),
    ];
    for (const p of parts) {
      if (!p.row) throw new PackageFailed(`The package's ${p.what} was deleted.`);
      if (p.row.status === 'failed' || p.row.status === 'cancelled' || p.row.status === 'expired') {
        throw new PackageFailed(`The package's ${p.what} ${p.row.status === 'failed' ? `failed${p.row.error ? `: ${p.row.error}` : ''}` : `was ${p.row.status}`}.`);
      }
    }
    const files = new Map<string, number>();
    for (const a of rendered) files.set(a.reportId, (files.get(a.reportId) ?? 0) + 1);
    const now = Date.now();
    const reportReady = reportRows.map((r) => {
      if (r!.status !== 'completed') return false;
      if (!completedSince.has(r!.id)) completedSince.set(r!.id, now);
      return (files.get(r!.id) ?? 0) >= STORED_FORMATS.length || now - completedSince.get(r!.id)! > ARTIFACT_GRACE_MS;
    });
    const ready = reportReady.filter(Boolean).length + exportRows.filter((e) => e!.status === 'completed').length;
    const mean = parts.reduce((sum, p) => sum + (p.row!.status === 'completed' ? 100 : p.row!.progressPercent), 0) / parts.length;
    const message = `${ready} of ${parts.length} parts ready`;
    const percent = Math.min(80, Math.max(2, Math.floor(2 + (78 * mean) / 100)));
    if (message + percent !== last) {
      last = message + percent;
      await onProgress({ percent, stage: 'waiting', message });
    }
    if (ready === parts.length) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Writes one of the package's files in ~1 MiB slices, hashing on the way. */
function fileWriter(services: Services, orgId: string, packageId: string, file: PackageFile) {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let part = 0;
  let size = 0;
  const flush = async (final: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending, pendingBytes);
      const take = Math.min(CHUNK_BYTES, all.length);
      pending = take < all.length ? [all.subarray(take)] : [];
      pendingBytes = all.length - take;
      await services.database.db.insert(packageFiles).values({ orgId, packageId, file, part: part++, content: all.subarray(0, take) });
    }
  };
  return {
    async write(data: Buffer) {
      hash.update(data);
      size += data.length;
      pending.push(data);
      pendingBytes += data.length;
      await flush(false);
    },
    async end() {
      await flush(true);
      return { sha256: hash.digest('hex'), size };
    },
  };
}

function packageReadme(key: { keyId: string; publicKeyPem: string }): string {
  return `A compliance package: the reports of several frameworks and data exports over one period and scope.

${PACKAGE_PDF}        the whole package as one document (cover, contents, every report, the exports)
reports/NN-TYPE/   each report in every format: report.json (canonical, with its own content hash and
                   signature), report.pdf, report.md, report-csv.zip, report-oscal.json
exports/           each data export, with its own signed manifest (FILE.manifest.json, FILE.manifest.sig)
${MANIFEST}      the package, its reports and exports, and every file with its SHA-256 and size
${MANIFEST_SIG}       Ed25519 signature of ${MANIFEST}'s exact bytes (64 raw bytes)
${SIGNATURE_JSON}     signature algorithm, key id and public key (PEM)
${PUBLIC_KEY}     the public key that signed ${MANIFEST} and ${CHECKSUMS}
${CHECKSUMS}         the SHA-256 of every file, for sha256sum -c
${CHECKSUMS_SIG}     Ed25519 signature of ${CHECKSUMS}'s exact bytes (64 raw bytes)

Signing key id:      ${key.keyId}
Key fingerprint:     ${keyFingerprint(key.publicKeyPem)}

CHECK IT WITH STANDARD TOOLS ONLY (OpenSSL 3 and coreutils), in the unzipped folder:

1. The key is the issuer's (compare with Organization.signingKeys or the fingerprint you were given):
     openssl pkey -pubin -in ${PUBLIC_KEY} -outform DER | tail -c 32 | sha256sum
2. The checksum list and the manifest are signed by that key:
     openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY} -rawin -in ${CHECKSUMS} -sigfile ${CHECKSUMS_SIG}
     openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY} -rawin -in ${MANIFEST} -sigfile ${MANIFEST_SIG}
3. Every file is the one signed for (every line must say OK):
     sha256sum -c ${CHECKSUMS}

The same checks, and each report's and export's own signature, in one command:  agent-reports verify THIS.zip
`;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
