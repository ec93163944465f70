/**
 * Print HTML for the PDF: cover, table of contents, sections with metrics,
 * tables, charts and findings, the control → evidence table, and the
 * integrity section. Every piece of text is escaped with `esc` and the page
 * carries no script, so an agent or tool named `<script>` stays text.
 */
import type { ReportContent } from '../reports/generate.ts';
import { formatDenominator, formatValue } from '../reports/summary.ts';
import { isSelectorId, selectors } from '../library/selectors.ts';
import { bandsOfTable, daysOfTable, decisionsChart, riskChart, statusChart, svgString } from './charts.ts';
import { tocPageSlot } from './chromium.ts';
import { esc } from './escape.ts';
import { formatCell, tableLayout } from './labels.ts';
import { evidencePath, reproductionText, standardToolsCheck, STATUS_LABEL, type RenderableReport } from './model.ts';

type Section = ReportContent['sections'][number];
type Table = Section['tables'][number];
type Finding = ReportContent['findings'][number];

/** Longest daily table printed in full; longer periods show the chart, and the CSV has every day. */
const MAX_DAILY_ROWS = 62;

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10pt; color: #1a1a1a; line-height: 1.4; margin: 0; }
h1 { font-size: 24pt; margin: 0 0 8pt; }
h2 { font-size: 15pt; border-bottom: 2px solid #1a237e; padding-bottom: 3pt; margin: 18pt 0 8pt; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 6pt; break-after: avoid; }
.page { break-after: page; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; }
.cover .org { font-size: 12pt; color: #555; text-transform: uppercase; letter-spacing: 1px; }
.cover .framework { font-size: 13pt; color: #1a237e; margin-bottom: 18pt; }
.score { display: flex; gap: 16pt; align-items: center; margin: 18pt 0; }
.score .value { font-size: 42pt; font-weight: bold; }
.score .grade { font-size: 30pt; font-weight: bold; border: 3px solid #1a237e; border-radius: 8pt; padding: 2pt 12pt; color: #1a237e; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 8.5pt; }
th, td { border: 1px solid #ccc; padding: 3pt 5pt; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.nowrap, th.nowrap { white-space: nowrap; }
th { background: #eef0f8; }
tr { break-inside: avoid; }
.kv td:first-child { width: 32%; font-weight: bold; background: #fafafa; }
.toc ol { font-size: 11pt; line-height: 1.9; }
.toc a { color: #1a237e; text-decoration: none; display: flex; }
.toc-page { flex: none; width: 3em; margin-left: auto; text-align: right; font-variant-numeric: tabular-nums; }
.metrics { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin-bottom: 8pt; }
.metric { border: 1px solid #ddd; border-radius: 4pt; padding: 5pt 7pt; break-inside: avoid; }
.metric .label { color: #555; font-size: 8pt; }
.metric .v { font-size: 13pt; font-weight: bold; }
.finding { border: 1px solid #ddd; border-left: 5px solid #999; border-radius: 3pt; padding: 6pt 8pt; margin: 6pt 0; break-inside: avoid; }
.finding.pass { border-left-color: #2e7d32; } .finding.warn { border-left-color: #f9a825; } .finding.fail { border-left-color: #c62828; }
.badge { display: inline-block; font-weight: bold; font-size: 8pt; padding: 1pt 5pt; border-radius: 3pt; color: #fff; background: #777; }
.badge.pass { background: #2e7d32; } .badge.warn { background: #b58100; } .badge.fail { background: #c62828; }
.meta { color: #555; font-size: 8.5pt; }
.rec { background: #fff8e1; padding: 4pt 6pt; margin-top: 4pt; }
.hash { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
pre.hash { white-space: pre-wrap; }
.chart { display: block; margin: 6pt 0 10pt; max-width: 100%; height: auto; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.note td { border-top: 0; color: #555; font-size: 7.5pt; padding-top: 0; }
tr.has-note td { border-bottom: 0; }
`;

export function renderHtml(report: RenderableReport): string {
  const { toc, cover: coverPage, body } = reportParts(report);
  const contents = `<section class="page toc"><h2>Contents</h2><ol>${toc.map(([id, title]) => `<li><a href="#${id}"><span>${esc(title)}</span>${tocPageSlot(id)}</a></li>`).join('')}</ol></section>`;
  return htmlDocument(report.content.title, [coverPage, contents, ...body]);
}

/** A whole print document around `body`: the one stylesheet and policy every PDF shares. */
export function htmlDocument(title: string, body: string[], extraCss = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${CSS}${extraCss}</style></head>
<body>${body.join('\n')}</body></html>`;
}

/**
 * A report's pieces for a document that holds it: its cover, its contents
 * entries (anchor, title) and its sections. `prefix` keeps the anchors of
 * several reports in one document (a compliance package) apart.
 */
export function reportParts(report: RenderableReport, prefix = ''): { toc: Array<[string, string]>; cover: string; body: string[] } {
  const c = report.content;
  const sectionAnchor = (s: Section) => `${prefix}section-${esc(s.id)}`;
  const toc: Array<[string, string]> = [
    [`${prefix}summary`, 'Summary'],
    ...c.sections.map((s): [string, string] => [sectionAnchor(s), s.title]),
    [`${prefix}control-evidence`, 'Controls and their evidence'],
    [`${prefix}recommendations`, 'Recommendations'],
    [`${prefix}integrity`, 'Data integrity'],
  ];
  const body = [
    `<section id="${prefix}summary"><h2>Summary</h2><p>${esc(c.summary)}</p>${statusCounts(c.findings)}</section>`,
    ...c.sections.map((s) => section(s, c, sectionAnchor(s))),
    controlEvidence(report, prefix),
    recommendations(c, prefix),
    integrity(report, prefix),
  ];
  return { toc, cover: cover(report), body };
}

function cover(report: RenderableReport): string {
  const c = report.content;
  const scope = [
    `Environment: ${c.scope.environment ?? 'all environments'}`,
    `Agents: ${c.scope.agentIds.length ? c.scope.agentIds.join(', ') : 'all agents'}`,
    ...(c.scope.dataSubject ? [`Data subject: ${c.scope.dataSubject}`] : []),
  ];
  return `<section class="page cover">
<div class="org">${esc(report.organizationName)}</div>
<h1>${esc(c.title)}</h1>
<div class="framework">${esc(c.framework.name)} · framework version ${esc(c.framework.version)}</div>
<table class="kv">
<tr><td>Period</td><td>${esc(c.scope.period.start)} to ${esc(c.scope.period.end)} (end exclusive)</td></tr>
<tr><td>Scope</td><td>${scope.map(esc).join('<br>')}</td></tr>
<tr><td>Events analysed</td><td>${esc(c.integrity.eventCount.toLocaleString('en-US'))}</td></tr>
<tr><td>Completed</td><td>${esc(report.completedAt.toISOString())}</td></tr>
<tr><td>Report id</td><td>${esc(report.id)} (version ${esc(report.version)})</td></tr>
</table>
<div class="score"><div><div class="meta">Score</div><div class="value">${esc(c.score ?? 'n/a')}<span class="meta"> / 100</span></div></div>
<div><div class="meta">Grade</div><div class="grade">${esc(c.grade ?? 'n/a')}</div></div></div>
${scoreFactors(c)}
<div class="meta">Content SHA-256</div><div class="hash">${esc(report.contentSha256)}</div>
</section>`;
}

/** How the score is made up, factor by factor. */
function scoreFactors(c: ReportContent): string {
  const factors = c.scoreBreakdown?.factors ?? [];
  if (!factors.length) return '';
  const rows = factors.map((f) => `<tr><td>${esc(f.label)}</td><td>${esc(f.value === null ? 'n/a (not counted)' : `${f.value} / 100`)}</td><td>${esc(`${f.effectiveWeight}%`)}</td><td>${esc(f.points)}</td><td>${esc(f.detail)}</td></tr>`).join('');
  return `<table class="score-factors"><tr><th>Score factor</th><th>Value</th><th>Weight</th><th>Points</th><th>What was measured</th></tr>${rows}</table>`;
}

function statusCounts(findings: Finding[]): string {
  const count = (s: Finding['status']) => findings.filter((f) => f.status === s).length;
  const counts = { pass: count('pass'), warn: count('warn'), fail: count('fail'), not_applicable: count('not_applicable') };
  return `${svgString(statusChart(counts))}<table><tr><th class="num">Fail</th><th class="num">Warn</th><th class="num">Pass</th><th class="num">Not applicable</th></tr><tr><td class="num">${counts.fail}</td><td class="num">${counts.warn}</td><td class="num">${counts.pass}</td><td class="num">${counts.not_applicable}</td></tr></table>`;
}

function section(s: Section, c: ReportContent, anchor: string): string {
  const byOrdinal = new Map(c.findings.map((f) => [f.ordinal, f]));
  const metrics = s.metrics.length
    ? `<div class="metrics">${s.metrics.map((m) => `<div class="metric"><div class="label">${esc(m.label)}</div><div class="v">${esc(formatValue(m.value, m.unit))}</div>${m.denominator ? `<div class="meta">${esc(formatDenominator(m.denominator))}</div>` : ''}</div>`).join('')}</div>`
    : '';
  return `<section id="${anchor}"><h2>${esc(s.title)}</h2><p>${esc(s.description)}</p>${metrics}
${s.tables.map(table).join('\n')}
${s.findings.length ? '<h3>Findings</h3>' : ''}${s.findings.map((o) => byOrdinal.get(o)).filter((f): f is Finding => Boolean(f)).map(finding).join('\n')}
</section>`;
}

function table(t: Table): string {
  let chart = '';
  let rows = t.rows as unknown[][];
  let note = t.truncated ? `<p class="meta">Showing ${esc(t.truncated.shown.toLocaleString('en-US'))} of ${esc(t.truncated.total.toLocaleString('en-US'))} rows.</p>` : '';
  if (t.id === 'decisions_by_day') {
    chart = `<h3>Decisions over time</h3>${svgString(decisionsChart(daysOfTable(t.columns, rows)))}`;
    if (rows.length > MAX_DAILY_ROWS) {
      note = `<p class="meta">${esc(rows.length)} days: the daily figures are in the CSV download (table-decisions_by_day.csv).</p>`;
      rows = [];
    }
  }
  if (t.id === 'risk_distribution') chart = `<h3>Risk distribution</h3>${svgString(riskChart(bandsOfTable(rows)))}`;
  return `${chart}<h3>${esc(t.title)}</h3>${rows.length ? dataTable(t.columns, rows) : ''}${note}`;
}

/** A table with human headers and units; a long free-text column (an explanation) goes under its row. */
function dataTable(columns: string[], rows: unknown[][]): string {
  const { shown, noteIndex, noteLabel } = tableLayout(columns);
  const cls = (numeric: boolean) => (numeric ? ' class="num"' : '');
  const head = `<tr>${shown.map((c) => `<th${cls(c.numeric)}>${esc(c.label)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => {
    const cells = `<tr${noteIndex === null ? '' : ' class="has-note"'}>${shown.map((c) => `<td${cls(c.numeric)}>${esc(formatCell(r[c.index], c.unit))}</td>`).join('')}</tr>`;
    return noteIndex === null ? cells : `${cells}<tr class="note"><td colspan="${shown.length}">${esc(noteLabel)}: ${esc(formatCell(r[noteIndex]))}</td></tr>`;
  });
  return `<table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function finding(f: Finding): string {
  return `<div class="finding ${esc(f.status)}">
<div><span class="badge ${esc(f.status)}">${STATUS_LABEL[f.status]}</span> <strong>${esc(f.controlId)}</strong> · ${esc(f.title)}</div>
<div class="meta">${esc(f.controlTitle)} · severity ${esc(f.severity)} · ${esc(f.category)} · value ${esc(formatValue(f.value, f.unit))} · ${esc(f.evidenceCount.toLocaleString('en-US'))} evidence events · finding ${esc(f.ordinal)}</div>
<p>${esc(f.description)}</p>
${f.recommendation ? `<div class="rec"><strong>Recommendation:</strong> ${esc(f.recommendation)}</div>` : ''}
</div>`;
}

function controlEvidence(report: RenderableReport, prefix: string): string {
  const rows = report.content.findings.map((f) => {
    const label = isSelectorId(f.evidenceSelector) ? selectors[f.evidenceSelector].label : f.evidenceSelector;
    return `<tr><td class="nowrap">${esc(f.controlId)}</td><td>${esc(f.controlTitle)}</td><td class="nowrap"><span class="badge ${esc(f.status)}">${STATUS_LABEL[f.status]}</span></td><td class="nowrap">${esc(f.evidenceCount.toLocaleString('en-US'))}</td><td>${esc(label)}${f.evidenceKind === 'exceptions' ? ' (exceptions)' : ''}</td><td class="nowrap">${esc(f.ordinal)}</td></tr>`;
  });
  return `<section id="${prefix}control-evidence"><h2>Controls and their evidence</h2>
<p class="meta">Each finding's evidence is the report's events (up to its watermark) matched by the named selector. Auditors can list them through the API (${esc(`${report.baseUrl}${evidencePath(report.id, 1)}`.replace(/\/1\/evidence$/, '/{finding}/evidence'))}) or in the evidence bundle's evidence.ndjson.</p>
<table><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Evidence events</th><th>Evidence selector</th><th>Finding</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function recommendations(c: ReportContent, prefix: string): string {
  const items = c.recommendations.map((r) => `<li><span class="badge ${esc(r.status)}">${STATUS_LABEL[r.status]}</span> <strong>${esc(r.controlId)}</strong> (${esc(r.severity)}, finding ${esc(r.finding)}): ${esc(r.text)}</li>`);
  return `<section id="${prefix}recommendations"><h2>Recommendations</h2>${items.length ? `<ol>${items.join('')}</ol>` : '<p>No check warned or failed.</p>'}</section>`;
}

function integrity(report: RenderableReport, prefix: string): string {
  const i = report.content.integrity;
  const gaps = i.gaps.slice(0, 20);
  const check = standardToolsCheck(report);
  return `<section id="${prefix}integrity"><h2>Data integrity</h2>
<table class="kv">
<tr><td>Events analysed</td><td>${esc(i.eventCount.toLocaleString('en-US'))}</td></tr>
<tr><td>Time coverage</td><td>${esc(i.timeCoverage === null ? 'n/a' : `${i.timeCoverage}%`)}</td></tr>
<tr><td>Observed</td><td>${esc(i.observedFrom)} to ${esc(i.observedUntil)}</td></tr>
<tr><td>Monitoring gaps</td><td>${esc(i.gapCount)} longer than ${esc(i.gapThresholdMinutes)} minutes, ${esc(Math.round(i.gapSeconds / 60).toLocaleString('en-US'))} minutes in total</td></tr>
<tr><td>Watermark</td><td>events up to sequence ${esc(report.content.watermark)}</td></tr>
<tr><td>Event chain head</td><td>${report.content.integrity.chain?.head ? `link ${esc(report.content.integrity.chain.link)}: <code>${esc(report.content.integrity.chain.head)}</code>` : 'not recorded'}</td></tr>
<tr><td>Content SHA-256</td><td class="hash">${esc(report.contentSha256)}</td></tr>
<tr><td>Signature (Ed25519)</td><td class="hash">${esc(report.signature?.value ?? 'unsigned')}</td></tr>
<tr><td>Signing key id</td><td class="hash">${esc(report.signature?.keyId ?? 'n/a')}</td></tr>
<tr><td>Key fingerprint (SHA-256)</td><td class="hash">${esc(check?.fingerprint ?? 'n/a')}</td></tr>
<tr><td>Reproduced at its watermark</td><td>${esc(reproductionText(report))}</td></tr>
</table>
${gaps.length ? `<h3>Gaps</h3><table><thead><tr><th>Start</th><th>End</th><th>Minutes</th><th>Reason</th></tr></thead><tbody>${gaps.map((g) => `<tr><td>${esc(g.start)}</td><td>${esc(g.end)}</td><td>${esc(Math.round(g.seconds / 60))}</td><td>${esc(g.reason)}</td></tr>`).join('')}</tbody></table>${i.gapCount > gaps.length ? `<p class="meta">First ${gaps.length} of ${esc(i.gapCount)} gaps; all are in the JSON and CSV downloads.</p>` : ''}` : ''}
<ul>${i.completeness.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<p>The hash covers the RFC 8785 canonical JSON of the report content; the signature is over the hash's 64 characters.</p>
${report.signature && check ? `<div class="meta">Public key</div><pre class="hash">${esc(report.signature.publicKeyPem)}</pre>
<p>Check it with standard tools alone (OpenSSL 3, coreutils): save the public key as <code>key.pem</code>; its fingerprint, printed by <code>${esc(check.keyCommand)}</code>, must be the one above and the one the organisation gave you; then this must print "Signature Verified Successfully":</p>
<pre class="hash">${esc(check.signatureCommands)}</pre>
<p class="meta">The evidence bundle's README checks every file of the report the same way (<code>sha256sum</code>, <code>openssl</code>).</p>` : ''}
</section>`;
}
