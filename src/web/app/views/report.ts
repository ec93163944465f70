/** One report: live progress while it runs; then score, summary, findings → evidence, sections, integrity, delivery, versions. */
import { ApiError, gql } from '../api.ts';
import { formatCell, tableLayout } from '../../../render/labels.ts';
import { fmtDate, fmtDay, fmtNumber, h, lower, replace, select } from '../dom.ts';
import type { ConsoleEvidenceQuery, ConsoleFindingsQuery, ConsoleReportQuery, FindingFilter, FindingSeverity, FindingStatus } from '../gql/graphql.ts';
import * as Q from '../queries.ts';
import { statusFigure, tableCharts, trendFigure } from './charts.ts';
import { deliverSection } from './deliver.ts';
import { progressPanel } from './progress.ts';
import { scoreBreakdownTable } from './score-breakdown.ts';
import { statusText } from './reports.ts';

// The shapes the console reads, as codegen types them from its documents (src/web/app/gql/).
type ReportData = NonNullable<ConsoleReportQuery['report']>;
type Table = ReportData['sections'][number]['tables'][number];
type FindingNode = NonNullable<ConsoleFindingsQuery['report']>['findings']['edges'][number]['node'];
type EventNode = Extract<NonNullable<ConsoleEvidenceQuery['node']>, { evidence: unknown }>['evidence']['edges'][number]['node'];

const RUNNING = ['PENDING', 'GENERATING'];

export async function renderReport(root: HTMLElement, id: string): Promise<() => void> {
  const cleanups: Array<() => void> = [];
  const { report, frameworks } = await gql(Q.Report, { id });
  if (!report) {
    replace(root, h('h1', {}, 'Report not found'), h('p', {}, 'It does not exist in your organisation, or was deleted. '), h('a', { href: '#/reports' }, 'Back to reports'));
    return () => {};
  }
  const facts = h('dl', { class: 'facts' },
    ...dl([
      ['Framework', frameworks.find((f) => f.type === report.type)?.name ?? report.type], ['Status', statusText(report.status)], ['Period', `${fmtDay(report.period.start)} – ${fmtDay(report.period.end)}`],
      ['Environment', report.environment ?? 'all'], ['Agents', report.agents.length ? report.agents.join(', ') : 'all'],
      ...(report.dataSubject ? [['Data subject', report.dataSubject] as [string, string]] : []),
      ['Version', String(report.version)], ['Created', `${fmtDate(report.createdAt)} by ${report.createdBy}`], ['Completed', fmtDate(report.completedAt)],
    ]));
  const header = h('div', { class: 'report-head' }, h('p', {}, h('a', { href: '#/reports' }, '← Reports')), h('h1', {}, report.title), facts);

  if (RUNNING.includes(report.status)) {
    // Nothing is left to cancel once the report reached 100 % or finished.
    const cancellable = (e: { status: string; percent: number }) => RUNNING.includes(e.status) && e.percent < 100;
    const cancel = h('button', { type: 'button', class: 'secondary cancel-report', hidden: !cancellable({ status: report.status, ...report.progress }) }, 'Cancel report');
    const statusFact = facts.querySelectorAll('dd')[1];
    const { panel, stop } = progressPanel(report.id, { status: report.status, ...report.progress }, () => {
      // Let the final state show for a moment, then show the finished report.
      setTimeout(() => void rerender(), 600);
    }, (e) => {
      if (statusFact) statusFact.textContent = lower(e.status);
      cancel.hidden = !cancellable(e);
    });
    cleanups.push(stop);
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      await gql(Q.Cancel, { id: report.id }).catch((e: unknown) => alert(e instanceof Error ? e.message : String(e)));
    });
    replace(root, header, panel, cancel);
  } else {
    replace(root, header, ...(await finished(report)));
  }

  async function rerender() {
    cleanups.splice(0).forEach((c) => c());
    const stop = await renderReport(root, id);
    cleanups.push(stop);
    const heading = root.querySelector<HTMLElement>('h2#score-title');
    heading?.focus();
  }
  return () => cleanups.splice(0).forEach((c) => c());
}

function dl(pairs: Array<[string, string]>) {
  return pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]);
}

async function finished(report: ReportData): Promise<Node[]> {
  const out: Node[] = [];
  if (report.status === 'FAILED' || report.status === 'CANCELLED') {
    out.push(h('p', { class: 'form-error', role: 'alert' }, report.status === 'FAILED' ? `The report failed: ${report.error ?? 'unknown error'}` : 'The report was cancelled.'));
  }
  if (report.stale) out.push(h('p', { class: 'warning' }, 'Events for this period arrived after the report was built: regenerate it before handing it to an auditor.'));
  if (report.status !== 'COMPLETED' && report.status !== 'EXPIRED') {
    out.push(regenerateButton(report.id));
    return out;
  }
  out.push(
    h('section', { class: 'score card', 'aria-labelledby': 'score-title' },
      h('h2', { id: 'score-title', tabindex: -1 }, 'Score'),
      h('p', { class: 'score-value' }, h('span', { class: 'grade' }, report.grade ?? '—'), h('span', {}, report.score === null ? 'not scored' : `${report.score} / 100`)),
      h('p', { class: 'summary' }, report.summary ?? ''),
      await scoreBreakdownTable(report.id)),
    await chartsSection(report),
    findingsSection(report.id),
    sectionsSection(report),
    integritySection(report),
    await deliverSection(report.id, report.status),
    versionsSection(report),
    regenerateButton(report.id),
  );
  return out;
}

function regenerateButton(id: string) {
  const button = h('button', { type: 'button', class: 'secondary' }, 'Regenerate (new version)');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { regenerateReport } = await gql(Q.Regenerate, { id });
      location.hash = `#/reports/${encodeURIComponent(regenerateReport.id)}`;
    } catch (e) {
      button.after(h('p', { class: 'form-error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
      button.disabled = false;
    }
  });
  return button;
}

/** Pass/warn/fail, the report's own charts, and its score against its versions and against earlier reports of its type. */
async function chartsSection(report: ReportData) {
  const figures: HTMLElement[] = [
    statusFigure({ fail: report.fail.totalCount, warn: report.warn.totalCount, pass: report.pass.totalCount, not_applicable: report.notApplicable.totalCount }),
    ...tableCharts(report.sections.flatMap((s) => s.tables)),
  ];
  const versions = report.versions.filter((v) => v.score !== null).sort((a, b) => a.version - b.version);
  if (versions.length > 1) figures.push(trendFigure('Score across versions', versions.map((v) => ({ label: `v${v.version}`, score: v.score!, current: v.id === report.id })), 'versions'));
  try {
    const { reports, frameworks } = await gql(Q.ScoreTrend, { filter: { type: report.type, status: 'COMPLETED' }, first: 24 });
    // One point per report, its latest version (the versions have their own chart), oldest first.
    const nodes = reports.edges.map((e) => e.node);
    const superseded = new Set(nodes.map((r) => r.previousVersion?.id));
    const points = nodes.filter((r) => r.score !== null && !superseded.has(r.id)).slice(0, 12).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const name = frameworks.find((f) => f.type === report.type)?.name ?? report.type;
    if (points.length > 1) figures.push(trendFigure(`Score across ${name} reports`, points.map((r) => ({ label: r.period.end.slice(0, 10), score: r.score!, current: r.id === report.id })), 'reports'));
  } catch {
    // The trend is a comparison, not the report: without it the rest still stands.
  }
  return h('section', { class: 'card', 'aria-labelledby': 'charts-title' }, h('h2', { id: 'charts-title' }, 'At a glance'), h('div', { class: 'charts' }, ...figures));
}

const SEVERITY_RANK: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 };
const STATUS_RANK: Record<string, number> = { FAIL: 0, WARN: 1, PASS: 2, NOT_APPLICABLE: 3 };
const SORTS: Record<string, [label: string, compare: (a: FindingNode & { ordinal: number }, b: FindingNode & { ordinal: number }) => number]> = {
  risk: ['Failures first, by severity', (a, b) => STATUS_RANK[a.status]! - STATUS_RANK[b.status]! || SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]! || b.evidenceCount - a.evidenceCount || a.ordinal - b.ordinal],
  control: ['Control order', (a, b) => a.ordinal - b.ordinal],
  evidence: ['Most evidence first', (a, b) => b.evidenceCount - a.evidenceCount || a.ordinal - b.ordinal],
};
/** Findings shown per step; a report has at most a few hundred, all loaded once and sorted here. */
const SHOWN = 25;

function findingsSection(reportId: string) {
  const status = select('status', [['', 'All statuses'], ['FAIL', 'fail'], ['WARN', 'warn'], ['PASS', 'pass'], ['NOT_APPLICABLE', 'not applicable']]);
  const severity = select('severity', [['', 'All severities'], ['CRITICAL', 'critical'], ['HIGH', 'high'], ['MEDIUM', 'medium'], ['LOW', 'low'], ['INFO', 'info']]);
  const sort = select('sort', Object.entries(SORTS).map(([k, [label]]): [string, string] => [k, label]), 'risk');
  const search = h('input', { type: 'search', name: 'q', id: 'findings-search', placeholder: 'Control or words', autocomplete: 'off' });
  status.id = 'findings-status';
  severity.id = 'findings-severity';
  sort.id = 'findings-sort';
  const list = h('ul', { class: 'findings' });
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'More findings');
  const evidence = h('div', { class: 'evidence-slot' });
  let all: Array<FindingNode & { ordinal: number }> = [];
  let visible: typeof all = [];
  let shown = 0;

  let loads = 0;
  async function load() {
    // The old list goes at once, and only the latest request's answer is shown.
    const mine = ++loads;
    list.replaceChildren();
    more.hidden = true;
    count.textContent = 'Loading findings…';
    const filter: FindingFilter = { ...(status.value ? { statuses: [status.value as FindingStatus] } : {}), ...(severity.value ? { severities: [severity.value as FindingSeverity] } : {}) };
    const loaded: typeof all = [];
    let after: string | null = null;
    for (;;) {
      const data: ConsoleFindingsQuery = await gql(Q.Findings, { id: reportId, filter, first: 100, after });
      const f = data.report?.findings;
      if (!f) break;
      loaded.push(...f.edges.map((e) => e.node));
      if (!f.pageInfo.hasNextPage) break;
      after = f.pageInfo.endCursor;
    }
    if (mine !== loads) return;
    all = loaded;
    arrange();
  }
  /** Sorts and filters the loaded findings, then shows the first step. */
  function arrange() {
    const words = search.value.trim().toLowerCase();
    visible = all.filter((f) => !words || `${f.control.id} ${f.control.title} ${f.title} ${f.description}`.toLowerCase().includes(words)).sort(SORTS[sort.value]![1]);
    list.replaceChildren();
    shown = 0;
    showMore();
  }
  function showMore() {
    for (const f of visible.slice(shown, shown + SHOWN)) list.append(findingItem(f, evidence));
    shown = Math.min(visible.length, shown + SHOWN);
    count.textContent = `${fmtNumber(visible.length)} finding${visible.length === 1 ? '' : 's'}${visible.length > shown ? `, ${fmtNumber(shown)} shown` : ''}`;
    more.hidden = shown >= visible.length;
  }
  status.addEventListener('change', () => void load());
  severity.addEventListener('change', () => void load());
  sort.addEventListener('change', arrange);
  search.addEventListener('input', arrange);
  more.addEventListener('click', showMore);
  void load();
  return h('section', { class: 'card', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, 'Findings'),
    h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Sort and filter findings' },
      h('div', { class: 'field' }, h('label', { for: status.id }, 'Status'), status),
      h('div', { class: 'field' }, h('label', { for: severity.id }, 'Severity'), severity),
      h('div', { class: 'field' }, h('label', { for: sort.id }, 'Sort'), sort),
      h('div', { class: 'field' }, h('label', { for: search.id }, 'Search'), search)),
    count, list, more, evidence);
}

function findingItem(f: FindingNode, slot: HTMLElement) {
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, `Evidence (${fmtNumber(f.evidenceCount)} events)`);
  open.addEventListener('click', () => void openEvidence(f, slot, open));
  return h('li', { class: `finding finding-${f.status.toLowerCase()}`, 'data-finding-id': f.id, 'data-status': f.status, 'data-severity': f.severity },
    h('div', { class: 'finding-head' },
      h('span', { class: `badge status-${f.status.toLowerCase()}` }, lower(f.status)),
      h('span', { class: `badge severity-${f.severity.toLowerCase()}` }, lower(f.severity)),
      h('strong', {}, `${f.control.id} `), h('span', {}, f.title)),
    h('p', { class: 'finding-meta' }, f.control.title),
    h('p', {}, f.description),
    f.recommendation ? h('p', { class: 'recommendation' }, `Recommendation: ${f.recommendation}`) : null,
    open);
}

async function openEvidence(f: FindingNode, slot: HTMLElement, opener: HTMLButtonElement) {
  for (const b of document.querySelectorAll('.finding button[aria-expanded="true"]')) b.setAttribute('aria-expanded', 'false');
  opener.setAttribute('aria-expanded', 'true');
  const PAGE = 20;
  const cursors: Array<string | null> = [null];
  let index = 0;
  const heading = h('h3', { tabindex: -1, id: 'evidence-title' }, `Evidence for ${f.control.id}: ${f.title}`);
  const position = h('p', { class: 'muted', 'aria-live': 'polite', id: 'evidence-position' });
  const body = h('div', { class: 'events' });
  const prev = h('button', { type: 'button' }, 'Previous events');
  const next = h('button', { type: 'button' }, 'Next events');
  const close = h('button', { type: 'button', class: 'secondary' }, 'Close evidence');
  const panel = h('section', { class: 'evidence card', 'aria-labelledby': 'evidence-title' }, heading, position, body, h('div', { class: 'pager' }, prev, next, close));

  async function load() {
    prev.disabled = next.disabled = true;
    const data = await gql(Q.Evidence, { id: f.id, first: PAGE, after: cursors[index] });
    const ev = data.node?.evidence;
    if (!ev) return replace(body, h('p', {}, 'No evidence available.'));
    replace(body, ...ev.edges.map(({ node }) => eventItem(node)));
    if (!ev.edges.length) body.append(h('p', {}, 'No events.'));
    const from = index * PAGE + 1;
    position.textContent = ev.edges.length ? `Events ${from}–${from + ev.edges.length - 1} of ${fmtNumber(ev.totalCount)}` : `0 of ${fmtNumber(ev.totalCount)}`;
    cursors[index + 1] = ev.pageInfo.endCursor;
    prev.disabled = index === 0;
    next.disabled = !ev.pageInfo.hasNextPage;
  }
  prev.addEventListener('click', () => {
    index--;
    void load();
  });
  next.addEventListener('click', () => {
    index++;
    void load();
  });
  close.addEventListener('click', () => {
    slot.replaceChildren();
    opener.setAttribute('aria-expanded', 'false');
    opener.focus();
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close.click();
  });
  replace(slot, panel);
  await load().catch((e: unknown) => replace(body, h('p', { role: 'alert' }, e instanceof ApiError ? e.message : String(e))));
  heading.focus();
}

function eventItem(e: EventNode) {
  // What an auditor matches against the source system: its own event id, the sequence we stored it under, its time as sent.
  const source = [e.clientId ? `id ${e.clientId}` : null, `seq ${fmtNumber(e.sequence)}`].filter(Boolean).join(' · ');
  const summary = [e.occurredAt, e.category, e.action, e.decision ? lower(e.decision) : null, e.agentId, e.tool?.name, e.outcome ? lower(e.outcome) : null].filter(Boolean).join(' · ');
  const details: Array<[string, string]> = [
    ['Event id (source)', e.clientId ?? '—'], ['Sequence', String(e.sequence)], ['Occurred (as sent, UTC)', e.occurredAt], ['Received (UTC)', e.receivedAt],
    ['Environment', e.environment], ['Agent', e.agentId ?? '—'], ['Session', e.sessionId ?? '—'],
    ['Actor', e.actor ? `${lower(e.actor.type)} ${e.actor.id}${e.actor.email ? ` <${e.actor.email}>` : ''}` : '—'],
    ['Category', e.category], ['Action', e.action], ['Decision', lower(e.decision)], ['Policy', e.policyId ? `${e.policyId}${e.policyVersion ? ` v${e.policyVersion}` : ''}` : '—'],
    ['Tool', e.tool ? `${e.tool.name}${e.tool.tags.length ? ` [${e.tool.tags.join(', ')}]` : ''}` : '—'], ['Resource', e.resource ?? '—'],
    ['Severity', lower(e.severity)], ['Outcome', lower(e.outcome)], ['Correlation', e.correlationId ?? '—'],
    ['Data subjects', e.dataSubjects.join(', ') || '—'], ['Personal data', e.personalData.join(', ') || '—'], ['Legal basis', e.legalBasis ?? '—'],
    ['Recipient', e.recipient ?? '—'], ['Region', e.region ?? '—'], ['Lease TTL', e.ttlSeconds === null ? '—' : `${fmtNumber(e.ttlSeconds)} s`],
    ['Cost', e.costUsd === null ? '—' : `$${e.costUsd}`], ['API id', e.id],
  ];
  return h('details', { class: 'event', 'data-sequence': e.sequence }, h('summary', {}, h('span', { class: 'event-source' }, source), ' · ', summary),
    h('dl', { class: 'facts' }, ...dl(details.filter(([, v]) => v !== '—'))),
    e.attributes && Object.keys(e.attributes as object).length ? h('pre', {}, JSON.stringify(e.attributes, null, 2)) : null);
}

function sectionsSection(report: ReportData) {
  return h('section', { class: 'card', 'aria-labelledby': 'sections-title' }, h('h2', { id: 'sections-title' }, 'Sections'),
    ...report.sections.map((s) => h('details', { class: 'report-section' },
      h('summary', {}, s.title),
      h('p', {}, s.description),
      s.metrics.length ? h('dl', { class: 'metrics' }, ...dl(s.metrics.map((m) => [m.label, fmtNumber(m.value, m.unit)]))) : null,
      ...s.tables.map((t) => dataTable(t)))));
}

/** A report table with human headers and units; a long explanation column goes under its row. */
function dataTable(t: Table) {
  const rows = Array.isArray(t.rows) ? (t.rows as unknown[][]) : [];
  const { shown, noteIndex, noteLabel } = tableLayout(t.columns);
  return h('div', { class: 'table-wrap' },
    h('table', { 'data-table': t.id },
      h('caption', {}, t.title, t.truncated ? ` (${fmtNumber(t.truncated.shown)} of ${fmtNumber(t.truncated.total)} rows)` : ''),
      h('thead', {}, h('tr', {}, ...shown.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'data-column': c.id }, c.label)))),
      h('tbody', {}, ...rows.flatMap((r) => [
        h('tr', { class: noteIndex === null ? undefined : 'has-note' }, ...shown.map((c) => h('td', { class: c.numeric ? 'num' : undefined }, formatCell(r[c.index], c.unit)))),
        noteIndex === null ? null : h('tr', { class: 'note' }, h('td', { colspan: shown.length }, `${noteLabel}: ${formatCell(r[noteIndex])}`)),
      ].filter((x): x is HTMLTableRowElement => x !== null)))));
}

function integritySection(report: ReportData) {
  const i = report.integrity;
  if (!i) return h('section', { class: 'card' }, h('h2', {}, 'Integrity'), h('p', {}, 'Not available.'));
  return h('section', { class: 'card', 'aria-labelledby': 'integrity-title' }, h('h2', { id: 'integrity-title' }, 'Integrity'),
    h('dl', { class: 'facts' }, ...dl([
      ['Events analysed', fmtNumber(i.eventCount)], ['Time coverage', fmtNumber(i.timeCoverage, 'percent')], ['Monitoring gaps', fmtNumber(i.gapCount)],
      ['Watermark (event sequence)', fmtNumber(i.watermark)], ['Content SHA-256', i.contentSha256 ?? '—'],
      ['Event chain head', i.chainHead ? `link ${fmtNumber(i.chainLink)}: ${i.chainHead}` : '—'],
      ['Signature (Ed25519)', i.signature ?? 'unsigned'], ['Signing key', i.signatureKeyId ?? '—'],
    ])),
    i.completeness.length ? h('ul', {}, ...i.completeness.map((c) => h('li', {}, c))) : null,
    i.gaps.length ? h('details', {}, h('summary', {}, `Gaps in monitoring (${i.gapCount})`), h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: 'visually-hidden' }, 'Gaps in monitoring'),
      h('thead', {}, h('tr', {}, ...['From', 'To', 'Length', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...i.gaps.map((g) => h('tr', {}, h('td', {}, fmtDate(g.start)), h('td', {}, fmtDate(g.end)), h('td', {}, `${Math.round(g.seconds / 60)} min`), h('td', {}, lower(g.reason)))))))) : null);
}

function versionsSection(report: ReportData) {
  return h('section', { class: 'card', 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title' }, 'Versions'),
    h('ol', {}, ...report.versions.map((v) => h('li', {},
      v.id === report.id ? h('strong', { 'aria-current': 'page' }, `Version ${v.version} (this one)`) : h('a', { href: `#/reports/${encodeURIComponent(v.id)}` }, `Version ${v.version}`),
      ` · ${lower(v.status)} · ${v.score === null ? 'not scored' : `${v.score} ${v.grade ?? ''}`} · ${fmtDate(v.createdAt)}`))));
}

