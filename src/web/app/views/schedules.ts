/** Schedules: list, create, pause or resume, run now. */
import { ApiError, gql } from '../api.ts';
import { field, fmtDate, h, lower, replace, select } from '../dom.ts';
import type { ScheduleFrequency } from '../gql/graphql.ts';
import * as Q from '../queries.ts';
import { typeOptions } from './reports.ts';



export async function renderSchedules(root: HTMLElement): Promise<void> {
  const types = await typeOptions();
  const body = h('tbody');
  const message = h('p', { class: 'muted', 'aria-live': 'polite' });
  const type = field('Report type', select('type', types, 'soc2'));
  const frequency = field('Frequency', select('frequency', [['WEEKLY', 'Weekly'], ['MONTHLY', 'Monthly'], ['QUARTERLY', 'Quarterly']], 'MONTHLY'));
  const title = field('Title template', h('input', { type: 'text', name: 'titleTemplate', maxlength: 200 }), 'Optional; e.g. "SOC 2 {period}".');
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Create schedule');
  const form = h('form', { class: 'card', 'aria-labelledby': 'new-schedule' }, h('h2', { id: 'new-schedule' }, 'New schedule'), type.wrapper, frequency.wrapper, title.wrapper, formError, submit);
  const fields: Record<string, { setError(m: string | null): void }> = { type, frequency, titleTemplate: title };

  async function load() {
    const { schedules } = await gql(Q.Schedules);
    replace(body, ...schedules.map((s) => {
      const pause = h('button', { type: 'button', class: 'secondary' }, s.paused ? 'Resume' : 'Pause');
      pause.addEventListener('click', () => void act(() => gql(Q.UpdateSchedule, { id: s.id, input: { paused: !s.paused } }), s.paused ? 'Schedule resumed.' : 'Schedule paused.'));
      const run = h('button', { type: 'button', class: 'secondary' }, 'Run now');
      run.addEventListener('click', () => void act(() => gql(Q.RunScheduleNow, { id: s.id }), 'Report requested; it appears in the reports list.'));
      return h('tr', {}, h('td', {}, s.titleTemplate), h('td', {}, s.type), h('td', {}, lower(s.frequency)), h('td', {}, s.paused ? 'paused' : 'active'),
        h('td', {}, s.paused ? '—' : fmtDate(s.nextRunAt)), h('td', {}, fmtDate(s.lastRunAt)), h('td', { class: 'actions' }, pause, run));
    }));
    if (!schedules.length) body.append(h('tr', {}, h('td', { colspan: 7 }, 'No schedules yet.')));
  }
  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      message.textContent = done;
      await load();
    } catch (e) {
      message.textContent = e instanceof Error ? e.message : String(e);
    }
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.setError(null));
    formError.textContent = '';
    const titleTemplate = (title.control as HTMLInputElement).value.trim();
    try {
      await gql(Q.CreateSchedule, { input: { type: (type.control as HTMLSelectElement).value, frequency: (frequency.control as HTMLSelectElement).value as ScheduleFrequency, ...(titleTemplate ? { titleTemplate } : {}) } });
      message.textContent = 'Schedule created.';
      await load();
    } catch (e) {
      const target = e instanceof ApiError && e.field ? fields[e.field] : undefined;
      if (target) target.setError((e as Error).message);
      else formError.textContent = e instanceof Error ? e.message : String(e);
    }
  });

  replace(root, h('h1', {}, 'Schedules'), message,
    h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: 'visually-hidden' }, 'Schedules'),
      h('thead', {}, h('tr', {}, ...['Title', 'Type', 'Frequency', 'State', 'Next run', 'Last run', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))), body)),
    form);
  try {
    await load();
  } catch (e) {
    message.textContent = e instanceof ApiError && /Cannot query field/.test(e.message) ? 'Schedules are not available on this server yet.' : e instanceof Error ? e.message : String(e);
  }
}
