/**
 * The report's charts, one module for the console, the shared page and the
 * PDF: each chart is a small SVG tree (plain data), which `svgString` prints
 * for server-rendered pages and the console turns into DOM nodes with
 * createElementNS. No chart library and no script: the PDF renders the same
 * everywhere, nothing in a chart can execute, and the console keeps its
 * "no innerHTML" rule. Every mark carries its series and value (`data-*` and
 * a <title> tooltip), so a reader and a test can check it against the table.
 */
import { esc } from './escape.ts';

export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: Array<SvgNode | string>;
}

const n = (tag: string, attrs: SvgNode['attrs'] = {}, ...children: Array<SvgNode | string | null | false>): SvgNode => ({
  tag,
  attrs,
  children: children.filter((c): c is SvgNode | string => c !== null && c !== false),
});
const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });
const px = (v: number) => Number(v.toFixed(2));

/** Prints a chart as SVG markup; every text and attribute is escaped. */
export function svgString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<${node.tag}${attrs}>${node.children.map((c) => (typeof c === 'string' ? esc(c) : svgString(c))).join('')}</${node.tag}>`;
}

function frame(kind: string, label: string, width: number, height: number, description: string, ...body: Array<SvgNode | null | false>): SvgNode {
  return n('svg', { class: 'chart', 'data-chart': kind, role: 'img', 'aria-label': label, xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'system-ui, Arial, sans-serif' },
    n('title', {}, label), n('desc', {}, description), ...body);
}

function legend(items: Array<{ label: string; color: string }>, x: number, y: number, spacing: number): SvgNode[] {
  return items.map((item, i) => n('g', {}, n('rect', { x: x + i * spacing, y, width: 11, height: 11, fill: item.color }), n('text', { x: x + i * spacing + 15, y: y + 10, 'font-size': 13 }, item.label)));
}

const DECISION_COLORS = { allow: '#2e7d32', alert: '#f9a825', hold: '#1565c0', deny: '#c62828' } as const;
type DecisionKey = keyof typeof DECISION_COLORS;
const DECISION_KEYS: DecisionKey[] = ['allow', 'alert', 'hold', 'deny'];
const DECISION_LABELS: Record<DecisionKey, string> = { allow: 'allowed', alert: 'alerted', hold: 'held', deny: 'denied' };

interface DayDecisions {
  day: string;
  allow: number;
  deny: number;
  alert: number;
  hold: number;
}

/** Stacked bars: policy decisions per day. */
export function decisionsChart(days: DayDecisions[]): SvgNode {
  // The top margin holds the legend clear of the highest tick's value; the title names the unit (decisions per day).
  const [width, height, left, right, top, bottom] = [680, 242, 52, 8, 32, 36];
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...days.map((d) => DECISION_KEYS.reduce((s, k) => s + d[k], 0)));
  const step = days.length ? plotW / days.length : plotW;
  const barW = Math.max(1, step * 0.8);
  const bars: SvgNode[] = [];
  days.forEach((d, i) => {
    let y = top + plotH;
    for (const k of DECISION_KEYS) {
      const h = (d[k] / max) * plotH;
      if (d[k] <= 0) continue;
      y -= h;
      bars.push(n('rect', { x: px(left + i * step + (step - barW) / 2), y: px(y), width: px(barW), height: px(Math.max(h, 0.5)), fill: DECISION_COLORS[k], 'data-series': k, 'data-label': d.day, 'data-value': d[k] },
        n('title', {}, `${d.day}: ${fmt(d[k])} ${DECISION_LABELS[k]}`)));
    }
  });
  const ticks = [0, 0.5, 1].map((f) => {
    const y = px(top + plotH - f * plotH);
    return n('g', {}, n('line', { x1: left, x2: width - right, y1: y, y2: y, stroke: '#ddd' }), n('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 12 }, fmt(Math.round(f * max))));
  });
  const total = days.reduce((s, d) => s + DECISION_KEYS.reduce((t, k) => t + d[k], 0), 0);
  return frame('decisions', 'Policy decisions per day', width, height,
    `${fmt(total)} decisions over ${days.length} days, stacked by outcome: allowed, alerted, held, denied.`,
    ...legend(DECISION_KEYS.map((k) => ({ label: DECISION_LABELS[k], color: DECISION_COLORS[k] })), left, 6, 90),
    ...ticks, ...bars,
    n('line', { x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, stroke: '#333' }),
    n('text', { x: left, y: height - 12, 'font-size': 12 }, days[0]?.day ?? ''),
    n('text', { x: width - right, y: height - 12, 'font-size': 12, 'text-anchor': 'end' }, days.at(-1)?.day ?? ''),
    !days.length && n('text', { x: width / 2, y: top + plotH / 2, 'text-anchor': 'middle', 'font-size': 14 }, 'No decisions in this period'));
}

const BAND_COLORS = ['#2e7d32', '#f9a825', '#ef6c00', '#c62828'];

/** Horizontal bars: agents per risk band. */
export function riskChart(bands: Array<{ label: string; agents: number }>): SvgNode {
  const [width, rowH, left] = [680, 30, 150];
  const height = bands.length * rowH + 16;
  const max = Math.max(1, ...bands.map((b) => b.agents));
  const rows = bands.map((b, i) => {
    const y = 8 + i * rowH;
    const w = (b.agents / max) * (width - left - 80);
    return n('g', {},
      n('text', { x: left - 8, y: y + 17, 'text-anchor': 'end', 'font-size': 13 }, b.label),
      n('rect', { x: left, y: y + 4, width: px(w), height: 18, fill: BAND_COLORS[i % BAND_COLORS.length]!, 'data-series': 'agents', 'data-label': b.label, 'data-value': b.agents }, n('title', {}, `${b.label}: ${fmt(b.agents)} agents`)),
      n('text', { x: px(left + w + 6), y: y + 17, 'font-size': 13 }, `${fmt(b.agents)} agent${b.agents === 1 ? '' : 's'}`));
  });
  const total = bands.reduce((s, b) => s + b.agents, 0);
  return frame('risk', 'Risk distribution of agents', width, height, `${fmt(total)} agents by risk band.`, ...rows);
}

const STATUS_COLORS = { pass: '#2e7d32', warn: '#b58100', fail: '#c62828', not_applicable: '#9e9e9e' } as const;
export type StatusKey = keyof typeof STATUS_COLORS;
const STATUS_KEYS: StatusKey[] = ['fail', 'warn', 'pass', 'not_applicable'];
const STATUS_WORDS: Record<StatusKey, string> = { pass: 'pass', warn: 'warn', fail: 'fail', not_applicable: 'not applicable' };

/** One bar split by finding status (fail, warn, pass, not applicable), with the counts in the legend. */
export function statusChart(counts: Record<StatusKey, number>): SvgNode {
  const [width, height, left, right] = [680, 74, 8, 8];
  const total = STATUS_KEYS.reduce((s, k) => s + counts[k], 0);
  let x = left;
  const segments = STATUS_KEYS.filter((k) => counts[k] > 0).map((k) => {
    const w = ((width - left - right) * counts[k]) / Math.max(1, total);
    const rect = n('rect', { x: px(x), y: 30, width: px(w), height: 28, fill: STATUS_COLORS[k], 'data-series': k, 'data-label': STATUS_WORDS[k], 'data-value': counts[k] }, n('title', {}, `${STATUS_WORDS[k]}: ${fmt(counts[k])} of ${fmt(total)} findings`));
    x += w;
    return rect;
  });
  return frame('status', 'Findings by status', width, height, `${fmt(total)} findings: ${STATUS_KEYS.map((k) => `${fmt(counts[k])} ${STATUS_WORDS[k]}`).join(', ')}.`,
    ...legend(STATUS_KEYS.map((k) => ({ label: `${STATUS_WORDS[k]} ${fmt(counts[k])}`, color: STATUS_COLORS[k] })), left, 8, 150),
    ...segments,
    !total && n('text', { x: width / 2, y: 48, 'text-anchor': 'middle', 'font-size': 14 }, 'No findings'));
}

export interface ScorePoint {
  /** What the point is, e.g. "v2" or "2026-01-05". */
  label: string;
  score: number;
  /** The report being read: drawn larger. */
  current?: boolean;
}

/** Scores (0–100) in order: a line with a dot per report or version. */
export function scoreTrendChart(title: string, points: ScorePoint[]): SvgNode {
  const [width, height, left, right, top, bottom] = [680, 200, 40, 16, 16, 40];
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  // The first and last dots sit in from the plot's edges, so their labels (dates) are not cut off.
  const inset = 36;
  const xOf = (i: number) => px(left + inset + (points.length <= 1 ? (plotW - 2 * inset) / 2 : (i * (plotW - 2 * inset)) / (points.length - 1)));
  const yOf = (s: number) => px(top + plotH - (Math.max(0, Math.min(100, s)) / 100) * plotH);
  const grid = [0, 50, 100].map((s) => n('g', {}, n('line', { x1: left, x2: width - right, y1: yOf(s), y2: yOf(s), stroke: '#ddd' }), n('text', { x: left - 6, y: yOf(s) + 4, 'text-anchor': 'end', 'font-size': 12 }, String(s))));
  const line = points.length > 1 ? n('polyline', { points: points.map((p, i) => `${xOf(i)},${yOf(p.score)}`).join(' '), fill: 'none', stroke: '#1f5fbf', 'stroke-width': 2 }) : null;
  const dots = points.map((p, i) => n('g', {},
    n('circle', { cx: xOf(i), cy: yOf(p.score), r: p.current ? 6 : 4, fill: p.current ? '#14263f' : '#1f5fbf', 'data-series': 'score', 'data-label': p.label, 'data-value': p.score }, n('title', {}, `${p.label}: score ${p.score}${p.current ? ' (this report)' : ''}`)),
    n('text', { x: xOf(i), y: yOf(p.score) - 10, 'text-anchor': 'middle', 'font-size': 12 }, String(p.score))));
  // Axis labels: every point's when there are few, else the first and the last.
  const labelled = points.length <= 8 ? points.map((p, i) => [p, i] as const) : ([[points[0]!, 0], [points.at(-1)!, points.length - 1]] as const);
  const axis = labelled.map(([p, i]) => n('text', { x: xOf(i), y: height - bottom + 18, 'text-anchor': 'middle', 'font-size': 12 }, p.label));
  return frame('score-trend', title, width, height, points.length ? `Scores from ${points[0]!.label} (${points[0]!.score}) to ${points.at(-1)!.label} (${points.at(-1)!.score}).` : 'No scored reports.',
    ...grid, line, ...dots, ...axis,
    !points.length && n('text', { x: width / 2, y: top + plotH / 2, 'text-anchor': 'middle', 'font-size': 14 }, 'No scored reports yet'));
}

/** The decisions-per-day table of a report as chart input. */
export function daysOfTable(columns: string[], rows: unknown[][]): DayDecisions[] {
  const col = (name: string) => columns.indexOf(name);
  return rows.map((r) => ({ day: String(r[col('day')]), allow: Number(r[col('allow')] ?? 0), deny: Number(r[col('deny')] ?? 0), alert: Number(r[col('alert')] ?? 0), hold: Number(r[col('hold')] ?? 0) }));
}

/** The risk-distribution table of a report as chart input. */
export const bandsOfTable = (rows: unknown[][]) => rows.map((r) => ({ label: String(r[0]), agents: Number(r[1] ?? 0) }));
