/**
 * The PDF of a compliance package: one document, not a stack of files. One
 * cover, one table of contents (every report and its sections, with page
 * numbers), then each report as its own PDF shows it (cover and sections,
 * anchors kept apart per report), the data exports with their hashes, and
 * the hashes and signatures that tie it together. Printed by the same
 * Chromium renderer as a report.
 */
import type { Config } from '../config.ts';
import { tocPageSlot } from './chromium.ts';
import { esc } from './escape.ts';
import { htmlDocument, reportParts } from './html.ts';
import type { RenderableReport } from './model.ts';
import { htmlToPdf, type RenderedPdf } from './pdf.ts';

interface PackageDocument {
  id: string;
  title: string;
  organizationName: string;
  period: { start: Date; end: Date };
  environment: string | null;
  agentIds: string[];
  createdAt: Date;
  reports: RenderableReport[];
  exports: Array<{ id: string; title: string; format: string; fileName: string; rowCount: number; sizeBytes: number; sha256: string; signatureKeyId: string }>;
}

const CSS = `
.report { break-before: page; }
.toc ol ol { font-size: 9.5pt; line-height: 1.6; margin-bottom: 4pt; }
.toc li.report-entry > a { font-weight: bold; }
`;

function renderPackageHtml(doc: PackageDocument): string {
  const parts = doc.reports.map((r, i) => ({ report: r, ...reportParts(r, `r${i + 1}-`), anchor: `r${i + 1}` }));
  const toc = [
    ...parts.map(
      (p) =>
        `<li class="report-entry"><a href="#${p.anchor}"><span>${esc(p.report.content.title)}</span>${tocPageSlot(p.anchor)}</a><ol>${p.toc
          .map(([id, title]) => `<li><a href="#${id}"><span>${esc(title)}</span>${tocPageSlot(id)}</a></li>`)
          .join('')}</ol></li>`,
    ),
    ...(doc.exports.length ? [`<li class="report-entry"><a href="#package-exports"><span>Data exports</span>${tocPageSlot('package-exports')}</a></li>`] : []),
    `<li class="report-entry"><a href="#package-integrity"><span>Package integrity</span>${tocPageSlot('package-integrity')}</a></li>`,
  ];
  const body = [
    cover(doc),
    `<section class="page toc"><h2>Contents</h2><ol>${toc.join('')}</ol></section>`,
    ...parts.map((p) => `<article class="report" id="${p.anchor}">${p.cover}${p.body.join('\n')}</article>`),
    ...(doc.exports.length ? [exportsSection(doc)] : []),
    integritySection(doc),
  ];
  return htmlDocument(doc.title, body, CSS);
}

export function renderPackagePdf(config: Pick<Config, 'CHROMIUM_PATH'>, doc: PackageDocument): Promise<RenderedPdf> {
  return htmlToPdf(config, renderPackageHtml(doc), `${doc.title.slice(0, 80)} · package ${doc.id.slice(0, 8)}`);
}

function cover(doc: PackageDocument): string {
  const scope = [`Environment: ${doc.environment ?? 'all environments'}`, `Agents: ${doc.agentIds.length ? doc.agentIds.join(', ') : 'all agents'}`];
  const rows = doc.reports
    .map((r) => `<tr><td>${esc(r.content.framework.name)}</td><td class="num">${esc(r.content.score ?? 'n/a')}</td><td class="num">${esc(r.content.grade ?? 'n/a')}</td><td class="hash">${esc(r.contentSha256)}</td></tr>`)
    .join('');
  return `<section class="page cover">
<div class="org">${esc(doc.organizationName)}</div>
<h1>${esc(doc.title)}</h1>
<div class="framework">Compliance package · ${esc(doc.reports.length)} report${doc.reports.length === 1 ? '' : 's'}${doc.exports.length ? ` · ${esc(doc.exports.length)} data export${doc.exports.length === 1 ? '' : 's'}` : ''}</div>
<table class="kv">
<tr><td>Period</td><td>${esc(doc.period.start.toISOString())} to ${esc(doc.period.end.toISOString())} (end exclusive)</td></tr>
<tr><td>Scope</td><td>${scope.map(esc).join('<br>')}</td></tr>
<tr><td>Requested</td><td>${esc(doc.createdAt.toISOString())}</td></tr>
<tr><td>Package id</td><td>${esc(doc.id)}</td></tr>
</table>
<table><thead><tr><th>Framework</th><th class="num">Score</th><th class="num">Grade</th><th>Report content SHA-256</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function exportsSection(doc: PackageDocument): string {
  const rows = doc.exports
    .map((e) => `<tr><td>${esc(e.title)}</td><td>${esc(e.format)}</td><td class="num">${esc(e.rowCount.toLocaleString('en-US'))}</td><td>${esc(e.fileName)}</td><td class="hash">${esc(e.sha256)}</td></tr>`)
    .join('');
  return `<section class="report" id="package-exports"><h2>Data exports</h2>
<p>The raw records of the period, in the package's zip under <code>exports/</code>, each with its own signed manifest.</p>
<table><thead><tr><th>Export</th><th>Format</th><th class="num">Records</th><th>File</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function integritySection(doc: PackageDocument): string {
  const rows = doc.reports
    .map((r) => `<tr><td>${esc(r.content.title)}</td><td class="hash">${esc(r.contentSha256)}</td><td class="hash">${esc(r.signature?.keyId ?? 'unsigned')}</td></tr>`)
    .join('');
  return `<section class="report" id="package-integrity"><h2>Package integrity</h2>
<p>Each report is signed on its own (its content hash, above, and its integrity section). The package's zip holds every
report in every format, the data exports, and <code>manifest.json</code>: the SHA-256 of every file, this PDF included,
signed once with the organisation's Ed25519 key (<code>manifest.sig</code>). Check it offline with
<code>agent-reports verify PACKAGE.zip</code>, or with <code>sha256sum</code> and <code>openssl</code> as its README says.</p>
<table><thead><tr><th>Report</th><th>Content SHA-256</th><th>Signing key</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
