/**
 * Data exports and compliance packages: request one, watch its progress
 * live, download its files, share them with an auditor through a link, and
 * cancel one still running. Each running row follows its own progress
 * subscription; the list is read again when one finishes.
 */
import { ApiError, download, gql } from '../api.ts';
import { field, fmtDate, fmtDay, h, lower, replace, select } from '../dom.ts';
import * as X from '../exports-queries.ts';
import type { ExportFormat, ExportKind } from '../gql/graphql.ts';
import { subscribe } from '../live.ts';
import { typeOptions } from './reports.ts';

const KINDS: Array<[ExportKind, string]> = [['DECISIONS', 'Gateway decisions'], ['AUDIT_LOG', 'Audit log'], ['ESCALATIONS', 'Escalations'], ['CONFIG_CHANGES', 'Configuration changes']];
const FORMATS: Array<[ExportFormat, string]> = [['CSV', 'CSV'], ['JSON', 'JSON'], ['NDJSON', 'NDJSON'], ['PARQUET', 'Parquet']];
const DAYS: Array<[string, string]> = [['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days']];
const RUNNING = ['PENDING', 'GENERATING'];
const DAY_MS = 86_400_000;

type Progress = { status: string; percent: number; stage: string; message: string };

/** The period of the last `days` whole UTC days. */
function periodOf(days: string) {
  const end = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  return { start: new Date(end.getTime() - Number(days) * DAY_MS).toISOString(), end: end.toISOString() };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A live status cell: the status, and while running a percentage and stage that stream in. */
function statusCell(initial: Progress) {
  const cell = h('td', { class: 'status' });
  const show = (p: Progress) => {
    cell.dataset.status = p.status;
    cell.textContent = RUNNING.includes(p.status) ? `${lower(p.status)} ${Math.round(p.percent)} % · ${p.stage}` : lower(p.status);
    cell.title = p.message;
  };
  show(initial);
  return { cell, show };
}

export async function renderExports(root: HTMLElement): Promise<() => void> {
  const stops = new Map<string, () => void>();
  const note = h('p', { class: 'muted', 'aria-live': 'polite' });
  const shared = h('div', { class: 'created', 'aria-live': 'polite' });
  const exportRows = h('tbody');
  const packageRows = h('tbody');

  /** Follows a running row until it finishes, then reads the lists again. */
  function follow(id: string, kind: 'export' | 'package', show: (p: Progress) => void) {
    if (stops.has(id)) return;
    const finished = (p: Progress) => {
      show(p);
      if (!RUNNING.includes(p.status)) {
        stops.get(id)?.();
        stops.delete(id);
        void load();
      }
    };
    const stop =
      kind === 'export'
        ? subscribe(X.ExportProgress, { id }, { next: ({ dataExportProgress }) => finished(dataExportProgress), error: (m) => (note.textContent = `Live progress unavailable: ${m}`) })
        : subscribe(X.PackageProgress, { id }, { next: ({ compliancePackageProgress }) => finished(compliancePackageProgress), error: (m) => (note.textContent = `Live progress unavailable: ${m}`) });
    stops.set(id, stop);
  }

  const button = (label: string, run: () => Promise<void>, attrs: Record<string, string> = {}) => {
    const b = h('button', { type: 'button', class: 'secondary', ...attrs }, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await run();
      } catch (e) {
        note.textContent = message(e);
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  const fetchFile = async (path: string, fallback: string) => {
    note.textContent = 'Preparing the download…';
    const { name, size } = await download(path, fallback);
    note.textContent = `Downloaded ${name} (${size.toLocaleString()} bytes).`;
  };
  /** A link valid 7 days, protected by a generated password shown once. */
  const share = async (what: string, create: () => Promise<{ url: string; password?: string | null }>) => {
    const link = await create();
    replace(shared, h('p', {}, `Share link for ${what} (valid 7 days; the password is shown only now, send it separately):`),
      h('p', {}, h('code', { class: 'share-url' }, link.url)), link.password ? h('p', {}, 'Password: ', h('code', { class: 'share-password' }, link.password)) : null);
  };

  async function load() {
    const [{ dataExports }, { compliancePackages }] = await Promise.all([gql(X.DataExports), gql(X.CompliancePackages)]);
    replace(exportRows, ...dataExports.edges.map(({ node: e }) => {
      const { cell, show } = statusCell({ status: e.status, ...e.progress });
      const path = `/exports/${encodeURIComponent(e.id)}`;
      const label = `${lower(e.kind)} ${lower(e.format)}`;
      const actions = e.status === 'COMPLETED'
        ? [
            button('Download', () => fetchFile(`${path}/download`, 'export'), { 'data-action': 'download' }),
            button('Signed bundle', () => fetchFile(`${path}/download?as=bundle`, 'export.zip'), { 'data-action': 'bundle' }),
            button('Share', () => share(label, async () => (await gql(X.ShareExport, { input: { dataExportId: e.id, expiresInHours: 168, passwordProtected: true } })).createDataExportShareLink), { 'data-action': 'share' }),
          ]
        : RUNNING.includes(e.status) ? [button('Cancel', async () => void (await gql(X.CancelExport, { id: e.id }), await load()))] : [];
      if (RUNNING.includes(e.status)) follow(e.id, 'export', show);
      return h('tr', { 'data-id': e.id }, h('td', {}, lower(e.kind)), h('td', {}, e.format), h('td', {}, `${fmtDay(e.period.start)} – ${fmtDay(e.period.end)}`), cell,
        h('td', { class: 'num' }, e.rowCount === null || e.rowCount === undefined ? '—' : e.rowCount.toLocaleString()), h('td', {}, fmtDate(e.createdAt)),
        h('td', { class: 'actions' }, ...actions, e.error ? h('span', { class: 'form-error' }, e.error) : null));
    }));
    if (!dataExports.edges.length) exportRows.append(h('tr', {}, h('td', { colspan: 7 }, 'No data exports yet.')));
    replace(packageRows, ...compliancePackages.edges.map(({ node: p }) => {
      const { cell, show } = statusCell({ status: p.status, ...p.progress });
      const path = `/packages/${encodeURIComponent(p.id)}/download`;
      const actions = p.status === 'COMPLETED'
        ? [
            ...p.downloads.map((d) => button(`Download ${d.file}`, () => fetchFile(`${path}?file=${d.file.toLowerCase()}`, `package.${d.file.toLowerCase()}`), { 'data-action': `download-${d.file.toLowerCase()}` })),
            button('Share', () => share(p.title, async () => (await gql(X.SharePackage, { input: { compliancePackageId: p.id, expiresInHours: 168, passwordProtected: true } })).createCompliancePackageShareLink), { 'data-action': 'share' }),
          ]
        : RUNNING.includes(p.status) ? [button('Cancel', async () => void (await gql(X.CancelPackage, { id: p.id }), await load()))] : [];
      if (RUNNING.includes(p.status)) follow(p.id, 'package', show);
      return h('tr', { 'data-id': p.id }, h('td', {}, p.title), h('td', {}, p.frameworks.join(', ')), h('td', {}, `${fmtDay(p.period.start)} – ${fmtDay(p.period.end)}`), cell,
        h('td', {}, fmtDate(p.createdAt)), h('td', { class: 'actions' }, ...actions, p.error ? h('span', { class: 'form-error' }, p.error) : null));
    }));
    if (!compliancePackages.edges.length) packageRows.append(h('tr', {}, h('td', { colspan: 6 }, 'No compliance packages yet.')));
  }

  // A new data export.
  const kind = field('Kind', select('kind', KINDS, 'DECISIONS'));
  const format = field('Format', select('format', FORMATS, 'CSV'));
  const exportDays = field('Period', select('exportPeriod', DAYS, '30'));
  const exportError = h('p', { class: 'form-error', role: 'alert' });
  const exportForm = h('form', { class: 'card', 'aria-labelledby': 'new-export' }, h('h2', { id: 'new-export' }, 'New data export'), kind.wrapper, format.wrapper, exportDays.wrapper, exportError,
    h('button', { type: 'submit' }, 'Request export'));
  exportForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    exportError.textContent = '';
    try {
      await gql(X.RequestExport, { input: { kind: (kind.control as HTMLSelectElement).value as ExportKind, format: (format.control as HTMLSelectElement).value as ExportFormat, period: periodOf((exportDays.control as HTMLSelectElement).value) } });
      note.textContent = 'Export requested.';
      await load();
    } catch (e) {
      exportError.textContent = message(e);
    }
  });

  // A new compliance package: frameworks to tick, the exports it holds.
  const types = await typeOptions();
  const frameworkBoxes = types.map(([value, label]) => h('input', { type: 'checkbox', name: 'frameworks', value, id: `package-fw-${value}`, checked: value === 'soc2' }));
  const kindBoxes = KINDS.map(([value, label]) => ({ box: h('input', { type: 'checkbox', name: 'exportKinds', value, id: `package-kind-${value}` }), label }));
  const title = field('Title', h('input', { type: 'text', name: 'title', maxlength: 300 }), 'Optional; defaults to the frameworks and the period.');
  const packageDays = field('Period', select('packagePeriod', DAYS, '30'));
  const packageError = h('p', { class: 'form-error', role: 'alert' });
  const packageForm = h('form', { class: 'card', 'aria-labelledby': 'new-package' }, h('h2', { id: 'new-package' }, 'New compliance package'),
    h('fieldset', { class: 'field formats' }, h('legend', {}, 'Frameworks'), ...frameworkBoxes.map((box, i) => h('label', { for: box.id, class: 'check' }, box, ` ${types[i]![1]}`))),
    h('fieldset', { class: 'field formats' }, h('legend', {}, 'Data exports in the package'), ...kindBoxes.map(({ box, label }) => h('label', { for: box.id, class: 'check' }, box, ` ${label}`))),
    title.wrapper, packageDays.wrapper, packageError, h('button', { type: 'submit' }, 'Request package'));
  packageForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    packageError.textContent = '';
    const titleText = (title.control as HTMLInputElement).value.trim();
    try {
      await gql(X.RequestPackage, {
        input: {
          frameworks: frameworkBoxes.filter((b) => b.checked).map((b) => b.value),
          exportKinds: kindBoxes.filter(({ box }) => box.checked).map(({ box }) => box.value as ExportKind),
          period: periodOf((packageDays.control as HTMLSelectElement).value),
          ...(titleText ? { title: titleText } : {}),
        },
      });
      note.textContent = 'Package requested: its reports and exports start at once.';
      await load();
    } catch (e) {
      packageError.textContent = message(e);
    }
  });

  const table = (caption: string, columns: string[], body: HTMLElement) =>
    h('div', { class: 'table-wrap' }, h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))), body));
  replace(root, h('h1', {}, 'Exports and packages'), note, shared,
    table('Data exports', ['Kind', 'Format', 'Period', 'Status', 'Rows', 'Requested', 'Actions'], exportRows),
    table('Compliance packages', ['Title', 'Frameworks', 'Period', 'Status', 'Requested', 'Actions'], packageRows),
    exportForm, packageForm);
  try {
    await load();
  } catch (e) {
    note.textContent = e instanceof ApiError && e.code === 'FORBIDDEN' ? 'Exports and packages hold raw audit data: your key\'s role may not read them.' : message(e);
  }
  return () => {
    for (const stop of stops.values()) stop();
    stops.clear();
  };
}
