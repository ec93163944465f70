/**
 * The page behind a share link to a data export or a compliance package: what
 * it is (kind or frameworks, period, scope), its files with their sizes and
 * hashes, the signature and the key that checks it, and the commands that
 * check them with standard tools. Server-rendered, no script; it shows this
 * export or package and nothing else of the organisation.
 */
import { esc } from '../render/escape.ts';
import type { ExportRecord } from '../exports/exports.ts';
import { KINDS } from '../exports/kinds.ts';
import type { PackageRecord } from '../packages/packages.ts';
import type { ReportRow } from '../reports/store.ts';
import { keyFingerprint } from '../reports/signing.ts';
import { page } from './shared-page.ts';

interface Signed {
  signature: string | null;
  keyId: string | null;
  publicKeyPem: string | null;
}

const n = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : value.toLocaleString('en-US'));
const day = (d: Date) => d.toISOString().slice(0, 10);
const dl = (rows: Array<[string, string]>) => `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
const code = (value: string | null) => (value ? `<code class="wrap-any">${esc(value)}</code>` : 'n/a');

function header(title: string, organizationName: string, expiresAt: Date, periodStart: Date, periodEnd: Date): string {
  return `<h1>${esc(title)}</h1>
<p>Shared by <strong>${esc(organizationName)}</strong>. Covers ${esc(periodStart.toISOString())} to ${esc(periodEnd.toISOString())}. This link works until ${esc(expiresAt.toISOString())}.</p>`;
}

function signatureSection(signed: Signed, how: string): string {
  const fingerprint = signed.publicKeyPem ? keyFingerprint(signed.publicKeyPem) : null;
  return `<section id="integrity" aria-labelledby="integrity-title"><h2 id="integrity-title">Integrity</h2>
${dl([
    ['Signature (Ed25519)', code(signed.signature)],
    ['Signing key id', code(signed.keyId)],
    ['Key fingerprint (SHA-256)', fingerprint ? `<code class="fingerprint">${esc(fingerprint)}</code>` : 'n/a'],
  ])}
${signed.publicKeyPem ? `<h3>Public key</h3><pre class="key">${esc(signed.publicKeyPem)}</pre>` : ''}
<h3>Check it yourself, with standard tools only</h3>
<p>Save the key above as <code>key.pem</code>. Its fingerprint, which must equal the one above and the one the organisation gave you:</p>
<pre>openssl pkey -pubin -in key.pem -outform DER | tail -c 32 | sha256sum</pre>
${how}
</section>`;
}

function downloadList(token: string, files: Array<{ file: string; label: string; detail: string }>): string {
  if (!files.length) return '';
  return `<section aria-labelledby="downloads-title"><h2 id="downloads-title">Downloads</h2><ul class="downloads">${files
    .map((f) => `<li><a href="/shared/${esc(token)}/download?format=${esc(f.file)}">${esc(f.label)}</a> <span class="note">${f.detail}</span></li>`)
    .join('')}</ul></section>`;
}

export interface SharedExportView {
  token: string;
  row: ExportRecord;
  fileName: string;
  organizationName: string;
  files: string[];
  expiresAt: Date;
  publicKeyPem: string | null;
}

export function sharedExportPage(view: SharedExportView): string {
  const { row } = view;
  const kind = KINDS[row.kind];
  const filters = Object.entries(row.filters).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length));
  const files = [
    { file: 'file', label: view.fileName, detail: `${n(row.sizeBytes)} bytes, SHA-256 <code class="wrap-any">${esc(row.sha256 ?? '')}</code>` },
    { file: 'bundle', label: `${view.fileName}.zip`, detail: 'the file with its signed manifest, the public key and a README' },
  ].filter((f) => view.files.includes(f.file));
  return page(
    `${kind.title} — shared data export`,
    `${header(`Data export: ${kind.title}`, view.organizationName, view.expiresAt, row.periodStart, row.periodEnd)}
<p>${esc(kind.description)}.</p>
${dl([
      ['Format', esc(row.format.toUpperCase())],
      ['Rows', esc(n(row.rowCount))],
      ['Filters', filters.length ? filters.map(([k, v]) => `${esc(k)}: ${esc(Array.isArray(v) ? v.join(', ') : String(v))}`).join('<br>') : 'none'],
      ['Watermark', esc(`events up to sequence ${n(row.watermark)}`)],
      ['File SHA-256', code(row.sha256)],
      ['Completed', esc(row.completedAt?.toISOString() ?? 'n/a')],
    ])}
${downloadList(view.token, files)}
${signatureSection(
      { signature: row.signature, keyId: row.signatureKeyId, publicKeyPem: view.publicKeyPem },
      `<p>The bundle holds <code>manifest.json</code> (the export, its filters, watermark, columns, and the file's SHA-256 and size) and <code>manifest.sig</code>, its signature:</p>
<pre>openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig
sha256sum ${esc(view.fileName)}</pre>
<p>The hash must equal the manifest's <code>file.sha256</code> and the one above. <code>agent-reports verify BUNDLE.zip</code> does all of it.</p>`,
    )}`,
  );
}

export interface SharedPackageView {
  token: string;
  row: PackageRecord;
  reports: ReportRow[];
  exports: ExportRecord[];
  fileNames: Record<'pdf' | 'zip', string>;
  organizationName: string;
  files: string[];
  expiresAt: Date;
  publicKeyPem: string | null;
}

export function sharedPackagePage(view: SharedPackageView): string {
  const { row } = view;
  const scope = [row.environment ? `environment ${row.environment}` : 'every environment', row.agentIds.length ? `agents ${row.agentIds.join(', ')}` : 'every agent'].join(', ');
  const files = [
    { file: 'pdf', label: view.fileNames.pdf, detail: `${n(row.pdfPageCount)} pages, ${n(row.pdfSizeBytes)} bytes, SHA-256 <code class="wrap-any">${esc(row.pdfSha256 ?? '')}</code>` },
    { file: 'zip', label: view.fileNames.zip, detail: `every report in every format, the exports, the PDF and one signed manifest; ${n(row.zipSizeBytes)} bytes, SHA-256 <code class="wrap-any">${esc(row.zipSha256 ?? '')}</code>` },
  ].filter((f) => view.files.includes(f.file));
  const reports = view.reports.length
    ? `<div class="wrap"><table><caption>Reports</caption><thead><tr><th scope="col">Framework</th><th scope="col">Title</th><th scope="col" class="num">Score</th><th scope="col">Content SHA-256</th></tr></thead><tbody>${view.reports
        .map((r) => `<tr><td>${esc(r.type)}</td><td>${esc(r.title)}</td><td class="num">${esc(r.score === null ? 'n/a' : `${r.score} (${r.grade ?? ''})`)}</td><td>${code(r.contentSha256)}</td></tr>`)
        .join('')}</tbody></table></div>`
    : '';
  const exports = view.exports.length
    ? `<div class="wrap"><table><caption>Data exports</caption><thead><tr><th scope="col">Kind</th><th scope="col" class="num">Rows</th><th scope="col">SHA-256</th></tr></thead><tbody>${view.exports
        .map((e) => `<tr><td>${esc(KINDS[e.kind].title)}</td><td class="num">${esc(n(e.rowCount))}</td><td>${code(e.sha256)}</td></tr>`)
        .join('')}</tbody></table></div>`
    : '';
  return page(
    `${row.title} — shared compliance package`,
    `${header(row.title, view.organizationName, view.expiresAt, row.periodStart, row.periodEnd)}
<p>A compliance package of ${esc(String(row.frameworks.length))} framework${row.frameworks.length === 1 ? '' : 's'} (${esc(row.frameworks.join(', '))}) over ${esc(day(row.periodStart))} to ${esc(day(row.periodEnd))}, ${esc(scope)}.</p>
${reports}
${exports}
${downloadList(view.token, files)}
${signatureSection(
      { signature: row.signature, keyId: row.signatureKeyId, publicKeyPem: view.publicKeyPem },
      `<p>The zip holds <code>manifest.json</code> (every report, export and file with its SHA-256) and <code>manifest.sig</code>, and a signed checksum list:</p>
<pre>openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig
openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
sha256sum -c SHA256SUMS</pre>
<p><code>agent-reports verify PACKAGE.zip</code> does all of it, and checks each report's and export's own signature too.</p>`,
    )}`,
  );
}
