/**
 * The front page: live compliance posture, a tile per followed framework
 * (grade, counts, failing checks first, the 30-day trend), kept current by
 * `postureChanges` without reloading; each check opens its evidence.
 */
import { ApiError, gql } from '../api.ts';
import { fmtDate, fmtNumber, h, lower, replace } from '../dom.ts';
import { subscribe } from '../live.ts';
import type { ConsolePostureQuery } from '../gql/graphql.ts';
import * as Q from '../queries.ts';
import { trendFigure } from './charts.ts';

// The shapes the console reads, as codegen types them from its documents (src/web/app/gql/).
type FrameworkNode = ConsolePostureQuery['posture']['frameworks'][number];
type ControlNode = FrameworkNode['controls'][number];
type Threshold = ControlNode['threshold'];

/** Checks listed on a tile before "all checks". */
const SHOWN = 6;

const controlHref = (framework: string, c: { controlId: string; checkId: string }) => `#/posture/${[framework, c.controlId, c.checkId].map(encodeURIComponent).join('/')}`;
const statusLabel = (s: string) => (s === 'NOT_APPLICABLE' ? 'N/A' : s);
const thresholdText = (t: Threshold, unit: string) => `pass ${t.direction === 'min' ? '≥' : '≤'} ${fmtNumber(t.pass, unit)}, warn ${t.direction === 'min' ? '≥' : '≤'} ${fmtNumber(t.warn, unit)}`;

export async function renderPosture(root: HTMLElement): Promise<() => void> {
  const tiles = h('div', { class: 'posture-tiles' });
  const intro = h('p', { class: 'muted' });
  const latest = h('p', { class: 'muted', 'aria-live': 'polite', id: 'posture-latest' });
  replace(root, h('h1', {}, 'Compliance posture'), intro, latest, tiles);
  const expanded = new Set<string>();

  async function load() {
    const { posture } = await gql(Q.Posture);
    intro.textContent = `Every check of the frameworks this organisation follows, over the last ${posture.windowDays} days, updated as events arrive.`;
    replace(tiles, ...posture.frameworks.map(tile));
  }

  function tile(f: FrameworkNode) {
    const all = expanded.has(f.framework);
    const list = h('ul', { class: 'posture-controls' }, ...(all ? f.controls : f.controls.slice(0, SHOWN)).map((c) => controlItem(f.framework, c)));
    const more = f.controls.length > SHOWN
      ? h('button', { type: 'button', class: 'link', 'aria-expanded': String(all) }, all ? 'Show fewer checks' : `All ${f.controls.length} checks`)
      : null;
    more?.addEventListener('click', () => {
      if (all) expanded.delete(f.framework);
      else expanded.add(f.framework);
      void load();
    });
    const points = f.history.filter((p) => p.score !== null).map((p) => ({ label: p.day, score: p.score!, current: p.day === f.history.at(-1)?.day }));
    return h('section', { class: 'card posture-tile', 'data-framework': f.framework, 'aria-labelledby': `tile-${f.framework}` },
      h('div', { class: 'tile-head' },
        h('h2', { id: `tile-${f.framework}` }, f.name),
        h('span', { class: 'grade', 'data-grade': f.grade ?? '' }, f.grade ?? '—'),
        h('span', { class: 'tile-score' }, f.score === null ? 'no score yet' : `score ${f.score}`)),
      h('p', { class: 'tile-counts' },
        h('span', { class: 'status-fail', 'data-count': 'fail' }, `${f.counts.fail} fail`), ' · ',
        h('span', { class: 'status-warn', 'data-count': 'warn' }, `${f.counts.warn} warn`), ' · ',
        h('span', { class: 'status-pass', 'data-count': 'pass' }, `${f.counts.pass} pass`), ' · ',
        h('span', { class: 'status-not_applicable', 'data-count': 'notApplicable' }, `${f.counts.notApplicable} n/a`)),
      f.evaluatedAt ? null : h('p', { class: 'muted' }, 'Not evaluated yet: the first evaluation follows the next events.'),
      list, more,
      points.length > 1 ? trendFigure(`${f.name}: score, last 30 days`, points, `trend-${f.framework}`) : null,
      h('p', { class: 'muted' }, f.evaluatedAt ? `Evaluated ${fmtDate(f.evaluatedAt)}` : ''));
  }

  function controlItem(framework: string, c: ControlNode) {
    return h('li', { class: `posture-control finding-${c.status.toLowerCase()}`, 'data-check': `${c.controlId}/${c.checkId}` },
      h('span', { class: `status status-${c.status.toLowerCase()}` }, statusLabel(c.status)), ' ',
      h('a', { href: controlHref(framework, c) }, `${c.controlId} ${c.title}`),
      h('span', { class: 'muted' }, ` ${fmtNumber(c.value, c.unit)} (${thresholdText(c.threshold, c.unit)}) · ${fmtNumber(c.evidenceCount)} events · since ${fmtDate(c.changedAt)}`));
  }

  // Subscribe before the first read, so no change falls in between; a burst of changes reloads once.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const stop = subscribe(Q.PostureChanges, {}, {
    next: ({ postureChanges: c }) => {
      latest.textContent = `${c.framework} ${c.controlId}: ${c.from ? statusLabel(c.from) : 'new'} → ${statusLabel(c.to)} (${fmtDate(c.at)})`;
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        void load().catch(() => {});
      }, 250);
    },
    error: (message) => (latest.textContent = message),
  });
  await load();
  return () => {
    stop();
    if (pending) clearTimeout(pending);
  };
}


/** One check: its status now and the events behind it (auditor or admin). */
export async function renderPostureControl(root: HTMLElement, framework: string, controlId: string, checkId: string): Promise<() => void> {
  const key = { framework, controlId, checkId };
  const { postureControl: c } = await gql(Q.PostureControl, key);
  const events = h('div', { class: 'events' });
  const position = h('p', { class: 'muted', 'aria-live': 'polite' });
  const next = h('button', { type: 'button' }, 'Next events');
  const prev = h('button', { type: 'button' }, 'Previous events');
  replace(root,
    h('p', {}, h('a', { href: '#/posture' }, '← Posture')),
    h('h1', {}, `${c.controlId}: ${c.title}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', { class: `status-${c.status.toLowerCase()}` }, statusLabel(c.status)),
      h('dt', {}, 'Value'), h('dd', {}, fmtNumber(c.value, c.unit)),
      h('dt', {}, 'Threshold'), h('dd', {}, thresholdText(c.threshold, c.unit)),
      h('dt', {}, 'Since'), h('dd', {}, fmtDate(c.changedAt)),
      h('dt', {}, 'Evidence'), h('dd', {}, `${c.evidenceSelector}: ${fmtNumber(c.evidenceCount)} events`)),
    h('section', { class: 'card', 'aria-labelledby': 'posture-evidence' }, h('h2', { id: 'posture-evidence' }, 'Evidence'), position, events, h('div', { class: 'pager' }, prev, next)));
  const PAGE = 20;
  const cursors: Array<string | null> = [null];
  let index = 0;
  async function load() {
    prev.disabled = next.disabled = true;
    try {
      const { postureControl } = await gql(Q.PostureEvidence, { ...key, first: PAGE, after: cursors[index] });
      const ev = postureControl.evidence;
      replace(events, ...ev.edges.map(({ node: e }) =>
        h('p', { class: 'event', 'data-sequence': e.sequence },
          [e.clientId ? `id ${e.clientId}` : null, `seq ${fmtNumber(e.sequence)}`, e.occurredAt, e.category, e.action, e.decision ? lower(e.decision) : null, e.agentId, e.tool?.name, e.outcome ? lower(e.outcome) : null].filter(Boolean).join(' · '))));
      const from = index * PAGE + 1;
      position.textContent = ev.edges.length ? `Events ${from}–${from + ev.edges.length - 1} of ${fmtNumber(ev.totalCount)}` : 'No events.';
      cursors[index + 1] = ev.pageInfo.endCursor;
      prev.disabled = index === 0;
      next.disabled = !ev.pageInfo.hasNextPage;
    } catch (error) {
      const forbidden = error instanceof ApiError && error.code === 'FORBIDDEN';
      replace(events, h('p', { role: 'alert' }, forbidden ? 'Evidence needs an auditor or admin key; this key sees statuses and values.' : error instanceof Error ? error.message : String(error)));
    }
  }
  prev.addEventListener('click', () => ((index -= 1), void load()));
  next.addEventListener('click', () => ((index += 1), void load()));
  await load();
  return () => {};
}
