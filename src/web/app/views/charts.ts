/**
 * The report's charts in the console, drawn by the chart module the PDF and
 * the shared page use (src/render/charts.ts). Each is a figure with a
 * caption; a view adds the ones it has data for.
 */
import { bandsOfTable, daysOfTable, decisionsChart, riskChart, scoreTrendChart, statusChart, type ScorePoint, type StatusKey, type SvgNode } from '../../../render/charts.ts';
import { h, svg } from '../dom.ts';

export interface ChartTable { id: string; columns: string[]; rows: unknown }

export function figure(caption: string, chart: SvgNode, id: string) {
  return h('figure', { class: 'chart-box', 'data-figure': id }, h('figcaption', {}, caption), svg(chart));
}

/** Decisions over time and risk distribution, from the report's own tables. */
export function tableCharts(tables: ChartTable[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  const rows = (t: ChartTable) => (Array.isArray(t.rows) ? (t.rows as unknown[][]) : []);
  const days = tables.find((t) => t.id === 'decisions_by_day');
  if (days) out.push(figure('Decisions over time', decisionsChart(daysOfTable(days.columns, rows(days))), 'decisions'));
  const risk = tables.find((t) => t.id === 'risk_distribution');
  if (risk) out.push(figure('Risk distribution of agents', riskChart(bandsOfTable(rows(risk))), 'risk'));
  return out;
}

export const statusFigure = (counts: Record<StatusKey, number>) => figure('Pass, warn and fail', statusChart(counts), 'status');

export const trendFigure = (caption: string, points: ScorePoint[], id: string) => figure(caption, scoreTrendChart(caption, points), id);
