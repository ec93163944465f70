/**
 * Charts as inline SVG written by hand: no chart library, no script, so the
 * PDF renders the same everywhere and nothing in it can execute.
 */
import { esc } from './escape.ts';

const DECISION_COLORS = { allow: '#2e7d32', alert: '#f9a825', hold: '#1565c0', deny: '#c62828' } as const;
type DecisionKey = keyof typeof DECISION_COLORS;
const DECISION_KEYS: DecisionKey[] = ['allow', 'alert', 'hold', 'deny'];

export interface DayDecisions {
  day: string;
  allow: number;
  deny: number;
  alert: number;
  hold: number;
}

/** Stacked bars: decisions per day. */
export function decisionsChart(days: DayDecisions[]): string {
  const width = 680;
  const height = 240;
  const left = 48;
  const right = 8;
  const top = 28;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...days.map((d) => DECISION_KEYS.reduce((s, k) => s + d[k], 0)));
  const step = days.length ? plotW / days.length : plotW;
  const barW = Math.max(1, step * 0.8);
  const parts: string[] = [];
  days.forEach((d, i) => {
    let y = top + plotH;
    for (const k of DECISION_KEYS) {
      const h = (d[k] / max) * plotH;
      if (h <= 0) continue;
      y -= h;
      parts.push(`<rect x="${(left + i * step + (step - barW) / 2).toFixed(2)}" y="${y.toFixed(2)}" width="${barW.toFixed(2)}" height="${h.toFixed(2)}" fill="${DECISION_COLORS[k]}"><title>${esc(`${d.day} ${k}: ${d[k]}`)}</title></rect>`);
    }
  });
  const ticks = [0, 0.5, 1].map((f) => {
    const y = top + plotH - f * plotH;
    return `<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="10">${esc(Math.round(f * max).toLocaleString('en-US'))}</text>`;
  });
  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  const legend = DECISION_KEYS.map((k, i) => `<rect x="${left + i * 90}" y="6" width="10" height="10" fill="${DECISION_COLORS[k]}"/><text x="${left + i * 90 + 14}" y="15" font-size="10">${k}</text>`);
  return `<svg class="chart" role="img" aria-label="Decisions per day" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${legend.join('')}${ticks.join('')}${parts.join('')}
<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>
<text x="${left}" y="${height - 12}" font-size="10">${esc(first)}</text><text x="${width - right}" y="${height - 12}" font-size="10" text-anchor="end">${esc(last)}</text>
${days.length ? '' : `<text x="${width / 2}" y="${top + plotH / 2}" text-anchor="middle" font-size="12">No decisions in this period</text>`}
</svg>`;
}

const BAND_COLORS = ['#2e7d32', '#f9a825', '#ef6c00', '#c62828'];

/** Horizontal bars: agents per risk band. */
export function riskChart(bands: Array<{ label: string; agents: number }>): string {
  const width = 680;
  const rowH = 30;
  const left = 150;
  const height = bands.length * rowH + 16;
  const max = Math.max(1, ...bands.map((b) => b.agents));
  const rows = bands.map((b, i) => {
    const y = 8 + i * rowH;
    const w = (b.agents / max) * (width - left - 60);
    return `<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="11">${esc(b.label)}</text><rect x="${left}" y="${y + 4}" width="${w.toFixed(2)}" height="18" fill="${BAND_COLORS[i % BAND_COLORS.length]}"/><text x="${left + w + 6}" y="${y + 17}" font-size="11">${esc(b.agents)}</text>`;
  });
  return `<svg class="chart" role="img" aria-label="Risk distribution of agents" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}</svg>`;
}
