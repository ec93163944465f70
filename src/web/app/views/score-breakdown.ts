/** How a report's score is made up: one row per factor, with what it measured. Fetches its own data. */
import { gql } from '../api.ts';
import { h } from '../dom.ts';
import { graphql } from '../gql/index.ts';

const ScoreBreakdown = graphql(`query ConsoleScoreBreakdown($id: ID!) {
  report(id: $id) { id scoreBreakdown { id label value weight effectiveWeight points detail } }
}`);

export async function scoreBreakdownTable(reportId: string): Promise<HTMLElement> {
  const data = await gql(ScoreBreakdown, { id: reportId });
  const factors = data.report?.scoreBreakdown ?? [];
  if (!factors.length) return h('p', { class: 'muted' }, 'This report was made before scores had factors.');
  return h('table', { class: 'score-factors' },
    h('caption', {}, 'How the score is made up'),
    h('thead', {}, h('tr', {}, ...['Factor', 'Value', 'Weight', 'Points', 'What was measured'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...factors.map((f) => h('tr', { 'data-factor': f.id },
      h('th', { scope: 'row' }, f.label),
      h('td', {}, f.value === null ? 'n/a (not counted)' : `${f.value} / 100`),
      h('td', {}, `${f.effectiveWeight}%`),
      h('td', {}, String(f.points)),
      h('td', {}, f.detail)))));
}
