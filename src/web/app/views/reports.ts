/** The reports list: filters, pagination, rows kept live by `reportUpdates`. */
import { gql } from '../api.ts';
import { fmtDate, fmtDay, h, lower, replace, select } from '../dom.ts';
import { subscribe } from '../live.ts';
import type { ConsoleReportsQuery, ReportFilter, ReportStatus } from '../gql/graphql.ts';
import * as Q from '../queries.ts';

const PAGE = 20;

type Page = ConsoleReportsQuery;
type Row = Page['reports']['edges'][number]['node'];

export async function typeOptions(): Promise<Array<[string, string]>> {
  try {
    const { frameworks } = await gql(Q.Frameworks);
    return frameworks.map((f) => [f.type, f.name]);
  } catch {
    return Q.STATIC_TYPES;
  }
}

export function statusText(status: string, progress?: { percent: number; stage: string }) {
  return status === 'GENERATING' && progress ? `generating ${progress.percent} % (${progress.stage})` : lower(status);
}

export async function renderReports(root: HTMLElement): Promise<() => void> {
  const types = await typeOptions();
  const typeName = new Map(types);
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const typeFilter = select('type', [['', 'All types'], ...types], params.get('type') ?? '');
  const statusFilter = select('status', [['', 'All statuses'], ...Q.STATUSES.map((s): [string, string] => [s, lower(s)])], params.get('status') ?? '');
  typeFilter.id = 'filter-type';
  statusFilter.id = 'filter-status';
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const body = h('tbody');
  const prev = h('button', { type: 'button' }, 'Previous page');
  const next = h('button', { type: 'button' }, 'Next page');
  let cursor: { after?: string | null; before?: string | null } = {};
  const rows = new Map<string, HTMLTableRowElement>();

  async function load() {
    const filter: ReportFilter = { ...(typeFilter.value ? { type: typeFilter.value } : {}), ...(statusFilter.value ? { status: statusFilter.value as ReportStatus } : {}) };
    const vars = cursor.before ? { filter, last: PAGE, before: cursor.before } : { filter, first: PAGE, after: cursor.after ?? null };
    const { reports } = await gql(Q.Reports, vars);
    rows.clear();
    replace(body, ...reports.edges.map(({ node }) => row(node)));
    if (!reports.edges.length) body.append(h('tr', {}, h('td', { colspan: 7 }, 'No reports match. Generate one from the Generate page.')));
    count.textContent = `${reports.totalCount} report${reports.totalCount === 1 ? '' : 's'}`;
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = reports.pageInfo;
    // Relay answers hasPreviousPage only when paging backwards: a forward cursor implies a previous page.
    prev.disabled = cursor.before ? !hasPreviousPage : !cursor.after;
    next.disabled = cursor.before ? false : !hasNextPage;
    prev.onclick = () => ((cursor = { before: startCursor }), void load());
    next.onclick = () => ((cursor = { after: endCursor }), void load());
  }

  function row(r: Row) {
    const tr = h(
      'tr',
      { 'data-report-id': r.id },
      h('td', {}, h('a', { href: `#/reports/${encodeURIComponent(r.id)}` }, r.title)),
      h('td', {}, typeName.get(r.type) ?? r.type),
      h('td', { class: 'status', 'data-status': r.status }, statusText(r.status, r.progress)),
      h('td', {}, r.score === null ? '—' : `${r.score} ${r.grade ?? ''}`),
      h('td', {}, `${fmtDay(r.period.start)} – ${fmtDay(r.period.end)}`),
      h('td', {}, r.createdBy),
      h('td', {}, fmtDate(r.createdAt)),
    );
    rows.set(r.id, tr);
    return tr;
  }

  const onFilter = () => {
    cursor = {};
    const q = new URLSearchParams({ ...(typeFilter.value ? { type: typeFilter.value } : {}), ...(statusFilter.value ? { status: statusFilter.value } : {}) });
    history.replaceState(null, '', `#/reports${q.size ? `?${q}` : ''}`);
    void load();
  };
  typeFilter.addEventListener('change', onFilter);
  statusFilter.addEventListener('change', onFilter);

  replace(
    root,
    h('h1', {}, 'Reports'),
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Filters' },
      h('div', { class: 'field' }, h('label', { for: typeFilter.id }, 'Type'), typeFilter),
      h('div', { class: 'field' }, h('label', { for: statusFilter.id }, 'Status'), statusFilter),
      h('a', { class: 'button', href: '#/generate' }, 'Generate a report'),
    ),
    count,
    h(
      'div',
      { class: 'table-wrap' },
      h('table', { class: 'reports' }, h('caption', { class: 'visually-hidden' }, 'Reports, newest first'),
        h('thead', {}, h('tr', {}, ...['Title', 'Type', 'Status', 'Score', 'Period', 'Created by', 'Created'].map((c) => h('th', { scope: 'col' }, c)))),
        body),
    ),
    h('div', { class: 'pager' }, prev, next),
  );
  await load();

  // A change to a shown row updates it in place; a new or finished report reloads the page (debounced).
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const reload = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void load(), 400);
  };
  const stop = subscribe(Q.ReportUpdates, {}, {
    next: ({ reportUpdates: u }) => {
      const tr = rows.get(u.reportId);
      const cell = tr?.querySelector<HTMLElement>('.status');
      if (cell) {
        cell.textContent = statusText(u.status, { percent: u.percent, stage: u.stage });
        cell.dataset.status = u.status;
      }
      if (!tr || !['PENDING', 'GENERATING'].includes(u.status)) reload();
    },
  });
  return () => {
    clearTimeout(reloadTimer);
    stop();
  };
}
