/**
 * The report's words: the executive summary, the ordered recommendations,
 * the completeness notes, and how values and denominators are written (the
 * renderers and alerts write them the same way).
 */
import type { FrameworkDefinition } from '../frameworks/types.ts';
import type { FindingContent } from './evaluate.ts';
import type { Coverage } from './integrity.ts';
import type { Unit } from '../library/metrics.ts';
import type { ReportScope } from './scope.ts';
import { SEVERITY_WEIGHT, type FindingStatus } from './scoring.ts';

/** Whom a DSAR export is about, as its title and summary say it (' for data subject …'); '' for other types. */
export function aboutWhom(framework: Pick<FrameworkDefinition, 'requires'>, scope: { dataSubject?: string | null; agentIds: readonly string[] }): string {
  if (framework.requires !== 'subject_or_agent') return '';
  if (scope.dataSubject) return ` for data subject ${scope.dataSubject.slice(0, 100)}`;
  const agents = scope.agentIds.join(', ');
  return ` for agent${scope.agentIds.length > 1 ? 's' : ''} ${agents.length <= 100 ? agents : `${scope.agentIds.length} agents`}`;
}

/** Score, counts by status, coverage and the three most urgent failures, in a few sentences. */
export function summarize(
  framework: FrameworkDefinition,
  scope: Pick<ReportScope, 'dataSubject' | 'agentIds'>,
  findings: FindingContent[],
  score: number | null,
  grade: string | null,
  eventCount: number,
  coverage: Coverage,
): string {
  const name = `${framework.name}${aboutWhom(framework, scope)}`;
  if (eventCount === 0) {
    return `${name}: no events were recorded in this period and scope, so every control is not applicable. Check that the gateways send their audit events.`;
  }
  const by = (s: FindingStatus) => findings.filter((f) => f.status === s).length;
  const failing = findings
    .filter((f) => f.status === 'fail')
    .sort((a, b) => SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || a.ordinal - b.ordinal)
    .slice(0, 3)
    .map((f) => `${f.controlId} ${f.title.toLowerCase()}`);
  return [
    `${name}: score ${score ?? 'n/a'}${grade ? ` (${grade})` : ''} over ${eventCount.toLocaleString('en-US')} events.`,
    `${by('pass')} checks passed, ${by('warn')} warned, ${by('fail')} failed, ${by('not_applicable')} not applicable.`,
    coverage.timeCoverage !== null ? `Monitoring covered ${coverage.timeCoverage}% of the period with ${coverage.gapCount} gap${coverage.gapCount === 1 ? '' : 's'}.` : '',
    failing.length ? `Most urgent: ${failing.join('; ')}.` : 'No check failed.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The recommendations of failing, then warning findings, the most severe first. */
export function recommendationsOf(findings: FindingContent[]) {
  return findings
    .filter((f) => f.status === 'fail' || f.status === 'warn')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1) || SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || a.ordinal - b.ordinal)
    .map((f) => ({ controlId: f.controlId, severity: f.severity, status: f.status, finding: f.ordinal, text: f.recommendation! }));
}

/** What a reader must know about what the report could and could not see. */
export function completenessNotes(eventCount: number, coverage: Coverage, scope: ReportScope): string[] {
  const notes = [`The report read events up to sequence number ${scope.watermark}; events that arrive later do not change it (see Report.stale).`];
  if (eventCount === 0) notes.push('No events were recorded in this period and scope.');
  if (coverage.gapCount > coverage.gaps.length) notes.push(`${coverage.gapCount} monitoring gaps were found; the first ${coverage.gaps.length} are listed.`);
  if (coverage.gapCount) notes.push(`Monitoring gaps total ${Math.round(coverage.gapSeconds / 60).toLocaleString('en-US')} minutes of the observed period.`);
  if (scope.agentIds.length) notes.push(`Scoped to ${scope.agentIds.length} agent(s); monitoring coverage is measured for the whole gateway.`);
  return notes;
}

/** A rate's denominator in words, e.g. "of 1,234 Decisions (…)"; empty for a metric that is no rate. */
export function formatDenominator(denominator: { label: string; count: number | null } | null | undefined): string {
  if (!denominator) return '';
  return `of ${denominator.count === null ? '' : `${denominator.count.toLocaleString('en-US')} `}${denominator.label}`;
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return 'n/a';
  switch (unit) {
    case 'percent':
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
    case 'usd':
      return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'seconds':
      return formatDuration(value);
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${minutes % 60}m`;
}
