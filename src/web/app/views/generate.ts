/** The generate form: type, period preset or custom dates, scope, title; API validation errors beside their field. */
import { ApiError, gql } from '../api.ts';
import { field, h, replace, select } from '../dom.ts';
import type { ConsoleScopeQuery } from '../gql/graphql.ts';
import * as Q from '../queries.ts';

type ScopeData = ConsoleScopeQuery;

const DAY = 86_400_000;
const PRESETS: Array<[string, string]> = [['7d', 'Last 7 days'], ['30d', 'Last 30 days'], ['90d', 'Last 90 days'], ['12m', 'Last 12 months'], ['custom', 'Custom dates']];

function presetPeriod(preset: string, now = new Date()) {
  if (preset === '12m') {
    const start = new Date(now);
    start.setUTCFullYear(start.getUTCFullYear() - 1);
    return { start: start.toISOString(), end: now.toISOString() };
  }
  const days = Number(preset.replace('d', ''));
  return { start: new Date(now.getTime() - days * DAY).toISOString(), end: now.toISOString() };
}

export async function renderGenerate(root: HTMLElement): Promise<void> {
  let scope: ScopeData;
  try {
    scope = await gql(Q.Scope);
  } catch {
    // Older servers without the scope queries: the static type list still lets one generate.
    scope = { frameworks: Q.STATIC_TYPES.map(([type, name]) => ({ type, name, description: '' })), environments: [], agents: [] };
  }
  const type = field('Report type', select('type', scope.frameworks.map((f): [string, string] => [f.type, f.name]), 'soc2'));
  const preset = field('Period', select('preset', PRESETS, '30d'));
  const start = field('From (inclusive)', h('input', { type: 'date', name: 'start' }));
  const end = field('To (exclusive)', h('input', { type: 'date', name: 'end' }));
  const custom = h('div', { class: 'row', hidden: true }, start.wrapper, end.wrapper);
  const environment = field('Environment', select('environment', [['', 'All environments'], ...scope.environments.map((e): [string, string] => [e.name, e.name])]));
  const agentsSelect = h('select', { name: 'agentIds', multiple: true, size: Math.min(6, Math.max(2, scope.agents.length)) });
  for (const a of scope.agents) agentsSelect.append(h('option', { value: a.agentId }, a.agentId));
  const agents = field('Agents', agentsSelect, 'None selected means all agents. Ctrl/Cmd-click or Shift+arrows to choose several.');
  const dataSubject = field('Data subject', h('input', { type: 'text', name: 'dataSubject', autocomplete: 'off' }), 'For a data-subject access export: the subject\'s identifier as sent in events.');
  const title = field('Title', h('input', { type: 'text', name: 'title', maxlength: 200 }), 'Optional; a default names the framework and period.');
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Generate');
  const description = h('p', { class: 'hint' });

  const fields: Record<string, { setError(m: string | null): void; control: HTMLElement }> = {
    type, period: preset, 'period.start': start, 'period.end': end, environment, agentIds: agents, dataSubject, title,
  };
  const syncType = () => {
    const t = (type.control as HTMLSelectElement).value;
    description.textContent = scope.frameworks.find((f) => f.type === t)?.description ?? '';
    dataSubject.wrapper.hidden = !/dsar|gdpr/.test(t);
  };
  type.control.addEventListener('change', syncType);
  preset.control.addEventListener('change', () => (custom.hidden = (preset.control as HTMLSelectElement).value !== 'custom'));

  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'generate-title' },
    h('h1', { id: 'generate-title' }, 'Generate a report'),
    type.wrapper, description, preset.wrapper, custom, environment.wrapper, agents.wrapper, dataSubject.wrapper, title.wrapper, formError, submit);
  syncType();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const f of Object.values(fields)) f.setError(null);
    formError.textContent = '';
    const p = (preset.control as HTMLSelectElement).value;
    const s = (start.control as HTMLInputElement).value;
    const e = (end.control as HTMLInputElement).value;
    const period = p === 'custom' ? { start: s ? `${s}T00:00:00Z` : null, end: e ? `${e}T00:00:00Z` : null } : presetPeriod(p);
    if (p === 'custom' && (!s || !e)) {
      (s ? end : start).setError('Choose both dates, or a preset period.');
      return (s ? end : start).control.focus();
    }
    const input = {
      type: (type.control as HTMLSelectElement).value,
      period,
      environment: (environment.control as HTMLSelectElement).value || null,
      agentIds: [...agentsSelect.selectedOptions].map((o) => o.value),
      dataSubject: dataSubject.wrapper.hidden ? null : (dataSubject.control as HTMLInputElement).value.trim() || null,
      title: (title.control as HTMLInputElement).value.trim() || null,
    };
    submit.disabled = true;
    try {
      const { generateReport } = await gql(Q.Generate, { input });
      location.hash = `#/reports/${encodeURIComponent(generateReport.id)}`;
    } catch (error) {
      const target = error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.field ? (fields[error.field] ?? (error.field.startsWith('period') ? (p === 'custom' ? start : preset) : null)) : null;
      if (target) {
        target.setError(error instanceof Error ? error.message : String(error));
        target.control.focus();
      } else {
        formError.textContent = error instanceof Error ? error.message : String(error);
      }
    } finally {
      submit.disabled = false;
    }
  });
  replace(root, form);
}
