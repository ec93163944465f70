/**
 * The live progress panel of one report, fed by `reportProgress`. Its size is
 * fixed (one-line stage and message, ellipsised) so streaming never moves the page.
 */
import { h } from '../dom.ts';
import { subscribe } from '../live.ts';
import type { ConsoleReportProgressSubscription } from '../gql/graphql.ts';
import * as Q from '../queries.ts';

export type ProgressEvent = ConsoleReportProgressSubscription['reportProgress'];

export function progressPanel(reportId: string, initial: { status: string; percent: number; stage: string; message: string }, onFinish: (status: string) => void, onEvent?: (e: ProgressEvent) => void) {
  const fill = h('div', { class: 'progress-fill' });
  const bar = h('div', { class: 'progress-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': 'Report progress' }, fill);
  const percent = h('span', { class: 'progress-percent' });
  const stage = h('span', { class: 'progress-stage' });
  const message = h('p', { class: 'progress-message' });
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const panel = h('section', { class: 'progress', 'aria-label': 'Progress' }, h('div', { class: 'progress-head' }, stage, percent), bar, message, live);
  let lastStage = '';

  const show = (e: { status: string; percent: number; stage: string; message: string }) => {
    const value = Math.max(0, Math.min(100, Math.round(e.percent)));
    fill.style.width = `${value}%`;
    bar.setAttribute('aria-valuenow', String(value));
    bar.setAttribute('aria-valuetext', `${value} percent, ${e.stage}`);
    percent.textContent = `${value} %`;
    stage.textContent = e.stage;
    message.textContent = e.message;
    message.title = e.message;
    panel.dataset.status = e.status;
    // Announce stage changes and the end, not every percent: a screen reader cannot keep up with a stream.
    if (e.stage !== lastStage || !['PENDING', 'GENERATING'].includes(e.status)) live.textContent = `${e.stage}: ${e.message}`;
    lastStage = e.stage;
  };
  show(initial);

  const stop = subscribe(Q.ReportProgress, { id: reportId }, {
    next: ({ reportProgress }) => {
      show(reportProgress);
      onEvent?.(reportProgress);
      if (!['PENDING', 'GENERATING'].includes(reportProgress.status)) onFinish(reportProgress.status);
    },
    error: (m) => (message.textContent = `Live progress unavailable: ${m}`),
  });
  return { panel, stop };
}
