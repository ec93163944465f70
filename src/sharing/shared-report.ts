/**
 * The auditor's read-only view behind a share link: the report as the
 * console shows it (summary, charts, findings failures first, each finding's
 * evidence paged, sections, integrity with the signing key), server-rendered
 * HTML with no script, under the link's password, expiry and redaction. It
 * shows this one report and nothing else of the organisation.
 */
import { bandsOfTable, daysOfTable, decisionsChart, riskChart, statusChart, svgString } from '../render/charts.ts';
import { esc } from '../render/escape.ts';
import { formatCell, tableLayout } from '../render/labels.ts';
import { standardToolsCheck, type Format, type RenderableReport } from '../render/model.ts';
import type { FindingContent } from '../reports/generate.ts';
import { FORMAT_LABELS, page } from './shared-page.ts';

interface AuditorView {
  token: string;
  /** The report as shared: the pseudonymised, re-signed copy when the link redacts. */
  report: RenderableReport;
  organizationName: string;
  formats: Format[];
  expiresAt: Date;
  pseudonymised: boolean;
  /** The original's content hash, named by a pseudonymised copy. */
  originalContentSha256: string | null;
}

interface FindingQuery {
  status: string | null;
  severity: string | null;
  sort: 'risk' | 'control' | 'evidence';
}

const STATUS_RANK: Record<string, number> = { fail: 0, warn: 1, pass: 2, not_applicable: 3 };
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const STATUS_WORD: Record<string, string> = { fail: 'fail', warn: 'warn', pass: 'pass', not_applicable: 'not applicable' };
const SORTS: Record<FindingQuery['sort'], [string, (a: FindingContent, b: FindingContent) => number]> = {
  risk: ['Failures first, by severity', (a, b) => STATUS_RANK[a.status]! - STATUS_RANK[b.status]! || SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]! || b.evidenceCount - a.evidenceCount || a.ordinal - b.ordinal],
  control: ['Control order', (a, b) => a.ordinal - b.ordinal],
  evidence: ['Most evidence first', (a, b) => b.evidenceCount - a.evidenceCount || a.ordinal - b.ordinal],
};

/** Reads the findings' filter and order from the page's query string; anything unknown means "all". */
export function findingQuery(params: URLSearchParams): FindingQuery {
  const pick = (name: string, allowed: string[]) => {
    const v = params.get(name);
    return v && allowed.includes(v) ? v : null;
  };
  return {
    status: pick('status', Object.keys(STATUS_RANK)),
    severity: pick('severity', Object.keys(SEVERITY_RANK)),
    sort: (pick('sort', Object.keys(SORTS)) ?? 'risk') as FindingQuery['sort'],
  };
}

const n = (v: number) => v.toLocaleString('en-US');
const day = (iso: string) => iso.slice(0, 10);
const instant = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const dl = (pairs: Array<[string, string]>) => `<dl>${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;

export function auditorPage(view: AuditorView, query: FindingQuery): string {
  const c = view.report.content;
  const base = `/shared/${esc(view.token)}`;
  const scope = [c.scope.environment ?? 'all environments', c.scope.agentIds.length ? c.scope.agentIds.join(', ') : 'all agents', ...(c.scope.dataSubject ? [`data subject ${c.scope.dataSubject}`] : [])].join(' · ');
  const counts = { fail: 0, warn: 0, pass: 0, not_applicable: 0 };
  for (const f of c.findings) counts[f.status]++;
  const tables = c.sections.flatMap((s) => s.tables);
  const days = tables.find((t) => t.id === 'decisions_by_day');
  const risk = tables.find((t) => t.id === 'risk_distribution');
  const body = `<p class="note">Read-only copy shared by ${esc(view.organizationName)}. This link works until ${esc(instant(view.expiresAt))}.</p>
<h1>${esc(view.report.content.title)}</h1>
${view.pseudonymised ? '<p class="notice-info">People\'s e-mail addresses and ids are replaced by pseudonyms (person-…), the same person always by the same pseudonym, here and in every file of this link. This copy is re-signed by the organisation and names the original report\'s hash.</p>' : ''}
<nav class="toc" aria-label="On this page"><a href="#summary">Summary</a> · <a href="#findings">Findings</a> · <a href="#sections">Sections</a> · <a href="#integrity">Integrity</a> · <a href="#downloads">Downloads</a></nav>
<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
${dl([
    ['Report type', esc(c.framework.name)],
    ['Period', `${esc(day(c.scope.period.start))} to ${esc(day(new Date(Date.parse(c.scope.period.end) - 1).toISOString()))} (UTC)`],
    ['Scope', esc(scope)],
    ['Score', c.score === null ? 'not scored' : `<strong class="score">${esc(c.score)} / 100</strong> (grade ${esc(c.grade ?? '')})`],
    ['Events analysed', esc(n(c.integrity.eventCount))],
    ['Completed', esc(instant(view.report.completedAt))],
  ])}
<p>${esc(c.summary)}</p>
<div class="charts">
<figure data-figure="status"><figcaption>Pass, warn and fail</figcaption>${svgString(statusChart(counts))}</figure>
${days ? `<figure data-figure="decisions"><figcaption>Decisions over time</figcaption>${svgString(decisionsChart(daysOfTable(days.columns, days.rows as unknown[][])))}</figure>` : ''}
${risk ? `<figure data-figure="risk"><figcaption>Risk distribution of agents</figcaption>${svgString(riskChart(bandsOfTable(risk.rows as unknown[][])))}</figure>` : ''}
</div></section>
${findingsSection(view, query, base)}
${sectionsSection(view)}
${integritySection(view)}
<section id="downloads" aria-labelledby="downloads-title"><h2 id="downloads-title">Downloads</h2>
<ul class="downloads">${view.formats.map((f) => `<li><a href="${base}/download?format=${f}" download>${esc(FORMAT_LABELS[f])}</a></li>`).join('')}</ul></section>`;
  return page(`${view.report.content.title} — shared report`, body);
}

function findingsSection(view: AuditorView, query: FindingQuery, base: string): string {
  const all = view.report.content.findings;
  const shown = all.filter((f) => (!query.status || f.status === query.status) && (!query.severity || f.severity === query.severity)).sort(SORTS[query.sort][1]);
  const option = (value: string, label: string, current: string | null) => `<option value="${esc(value)}"${value === (current ?? '') ? ' selected' : ''}>${esc(label)}</option>`;
  const form = `<form method="get" action="${base}#findings" class="filters">
<label>Status <select name="status">${option('', 'All statuses', query.status)}${Object.keys(STATUS_RANK).map((s) => option(s, STATUS_WORD[s]!, query.status)).join('')}</select></label>
<label>Severity <select name="severity">${option('', 'All severities', query.severity)}${Object.keys(SEVERITY_RANK).map((s) => option(s, s, query.severity)).join('')}</select></label>
<label>Sort <select name="sort">${Object.entries(SORTS).map(([k, [label]]) => option(k, label, query.sort)).join('')}</select></label>
<button type="submit">Show</button></form>`;
  const items = shown.map((f) => `<li class="finding ${esc(f.status)}" data-status="${esc(f.status)}" data-severity="${esc(f.severity)}">
<div><span class="badge ${esc(f.status)}">${esc(STATUS_WORD[f.status])}</span> <span class="sev">${esc(f.severity)}</span> <strong>${esc(f.controlId)}</strong> ${esc(f.title)}</div>
<div class="note">${esc(f.controlTitle)}</div>
<p>${esc(f.description)}</p>
${f.recommendation ? `<p class="rec">Recommendation: ${esc(f.recommendation)}</p>` : ''}
${f.evidenceCount > 0 ? `<a href="${base}/findings/${f.ordinal}">Evidence (${esc(n(f.evidenceCount))} events)</a>` : '<span class="note">No evidence events</span>'}
</li>`);
  return `<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Findings</h2>${form}
<p class="note">${esc(n(shown.length))} of ${esc(n(all.length))} findings.</p>
<ul class="findings">${items.join('\n')}</ul></section>`;
}

function sectionsSection(view: AuditorView): string {
  const parts = view.report.content.sections.map((s) => `<details><summary>${esc(s.title)}</summary><p>${esc(s.description)}</p>
${s.metrics.length ? dl(s.metrics.map((m) => [m.label, esc(m.value === null ? 'n/a' : `${formatCell(m.value, m.unit === 'usd' ? 'usd' : 'count')}${m.unit === 'percent' ? ' %' : m.unit === 'seconds' ? ' s' : ''}`)])) : ''}
${s.tables.map((t) => tableHtml(t.id, t.title, t.columns, t.rows as unknown[][], t.truncated)).join('\n')}</details>`);
  return `<section id="sections" aria-labelledby="sections-title"><h2 id="sections-title">Sections</h2>${parts.join('\n')}</section>`;
}

function tableHtml(id: string, title: string, columns: string[], rows: unknown[][], truncated: { shown: number; total: number } | null): string {
  const { shown, noteIndex, noteLabel } = tableLayout(columns);
  const cls = (numeric: boolean) => (numeric ? ' class="num"' : '');
  const body = rows.map((r) => `<tr>${shown.map((c) => `<td${cls(c.numeric)}>${esc(formatCell(r[c.index], c.unit))}</td>`).join('')}</tr>${noteIndex === null ? '' : `<tr class="rownote"><td colspan="${shown.length}">${esc(noteLabel)}: ${esc(formatCell(r[noteIndex]))}</td></tr>`}`);
  return `<div class="wrap"><table data-table="${esc(id)}"><caption>${esc(title)}${truncated ? ` (${esc(n(truncated.shown))} of ${esc(n(truncated.total))} rows)` : ''}</caption>
<thead><tr>${shown.map((c) => `<th scope="col"${cls(c.numeric)}>${esc(c.label)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

function integritySection(view: AuditorView): string {
  const i = view.report.content.integrity;
  const sig = view.report.signature;
  const check = standardToolsCheck(view.report);
  const fingerprint = check?.fingerprint ?? null;
  return `<section id="integrity" aria-labelledby="integrity-title"><h2 id="integrity-title">Integrity</h2>
${dl([
    ['Events analysed', esc(n(i.eventCount))],
    ['Time coverage', esc(i.timeCoverage === null ? 'n/a' : `${i.timeCoverage} %`)],
    ['Monitoring gaps', esc(`${n(i.gapCount)} longer than ${i.gapThresholdMinutes} minutes`)],
    ['Watermark', esc(`events up to sequence ${view.report.content.watermark}`)],
    ['Event chain head', i.chain?.head ? `link ${esc(i.chain.link)}: <code>${esc(i.chain.head)}</code>` : 'not recorded'],
    ['Content SHA-256', `<code>${esc(view.report.contentSha256)}</code>`],
    ...(view.originalContentSha256 ? [['Original report SHA-256', `<code>${esc(view.originalContentSha256)}</code>`] as [string, string]] : []),
    ['Signature (Ed25519)', sig ? `<code class="wrap-any">${esc(sig.value)}</code>` : 'unsigned'],
    ['Signing key id', sig ? `<code>${esc(sig.keyId)}</code>` : 'n/a'],
    ['Key fingerprint (SHA-256)', fingerprint ? `<code class="fingerprint">${esc(fingerprint)}</code>` : 'n/a'],
  ])}
${i.completeness.length ? `<ul>${i.completeness.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : ''}
${sig && check ? `<h3>Public key</h3><pre class="key">${esc(sig.publicKeyPem)}</pre>
<h3>Check it yourself, with standard tools only</h3>
<p>Save the key above as <code>key.pem</code>. Its fingerprint, which must equal the one above and the one the organisation gave you:</p>
<pre class="check-key">${esc(check.keyCommand)}</pre>
<p>The signature is over the content hash's 64 characters (both above, and in the JSON download as <code>integrity.contentSha256</code> and <code>integrity.signature.value</code>); this must print "Signature Verified Successfully":</p>
<pre class="check-signature">${esc(check.signatureCommands)}</pre>
<p>The evidence bundle carries the same key (<code>public-key.pem</code>), a signed <code>SHA256SUMS</code> and a README: <code>openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig</code>, then <code>sha256sum -c SHA256SUMS</code>.</p>` : '<p>This report is not signed.</p>'}
</section>`;
}

/** One page of a finding's evidence: each event with its own id, sequence and time as the source sent it. */
interface EvidenceView {
  token: string;
  reportTitle: string;
  finding: FindingContent;
  events: Array<Record<string, unknown>>;
  /** Position of the first event (1-based). */
  from: number;
  next: string | null;
  pseudonymised: boolean;
}

export function evidencePage(view: EvidenceView): string {
  const base = `/shared/${esc(view.token)}`;
  const f = view.finding;
  const text = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const rows = view.events.map((e) => {
    const actor = e.actor as { type?: string; id?: string; email?: string } | undefined;
    const tool = e.tool as { name?: string } | undefined;
    return `<tr data-sequence="${esc(e.sequence)}"><td class="num">${esc(e.sequence)}</td><td><code>${esc(text(e.id))}</code></td><td>${esc(text(e.occurredAt))}</td><td>${esc(`${text(e.category)} · ${text(e.action)}`)}</td><td>${esc(text(e.decision ?? e.outcome))}</td><td>${esc(text(e.agentId))}</td><td>${esc(actor ? `${actor.type} ${actor.id ?? ''}${actor.email ? ` <${actor.email}>` : ''}` : '—')}</td><td>${esc(text(tool?.name))}</td></tr>
<tr class="rownote"><td colspan="8"><details><summary>All fields</summary><pre>${esc(JSON.stringify(e, null, 2))}</pre></details></td></tr>`;
  });
  const to = view.from + view.events.length - 1;
  const body = `<p><a href="${base}#findings">← Back to the report</a></p>
<h1>Evidence for ${esc(f.controlId)}: ${esc(f.title)}</h1>
<p class="note">${esc(view.reportTitle)} · ${esc(f.controlTitle)} · ${esc(STATUS_WORD[f.status])}, ${esc(f.severity)}</p>
${view.pseudonymised ? '<p class="notice-info">People\'s e-mail addresses and ids are replaced by pseudonyms.</p>' : ''}
<p id="evidence-position">${view.events.length ? `Events ${esc(n(view.from))}–${esc(n(to))} of ${esc(n(f.evidenceCount))}` : `No events (of ${esc(n(f.evidenceCount))})`}, in time order. Match them to your source by the event id it sent, the sequence and the time it recorded.</p>
<div class="wrap"><table class="events"><caption class="vh">Evidence events</caption><thead><tr><th scope="col" class="num">Sequence</th><th scope="col">Event id (source)</th><th scope="col">Occurred (as sent, UTC)</th><th scope="col">Category · action</th><th scope="col">Decision or outcome</th><th scope="col">Agent</th><th scope="col">Actor</th><th scope="col">Tool</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
<nav class="pager" aria-label="Evidence pages">${view.from > 1 ? `<a href="${base}/findings/${f.ordinal}">First events</a>` : ''}${view.next ? ` <a href="${base}/findings/${f.ordinal}?after=${esc(view.next)}&amp;from=${to + 1}" rel="next">Next events</a>` : ''}</nav>`;
  return page(`Evidence ${f.controlId} — shared report`, body);
}
