/**
 * Judges a framework's checks from measurements (measure.ts): a finding per
 * check (or per drifted agent metric), then the score from the findings and
 * the framework-independent factors. No SQL: live posture evaluates every
 * followed framework from one measurement, reports one.
 */
import { controlTitle } from '../frameworks/index.ts';
import type { CheckDefinition, FrameworkDefinition } from '../frameworks/types.ts';
import type { AgentDrift } from './drift.ts';
import type { Measurements } from './measure.ts';
import { metricDefinition, type MetricId, type Unit } from '../library/metrics.ts';
import { POLICY_MAX_AGE_DAYS } from './score-factors.ts';
import { composeScore, controlsValue, evaluate, grade as gradeOf, type FindingStatus, type ScoreBreakdown, type ScoreFactorId } from './scoring.ts';
import type { SelectorId } from '../library/selectors.ts';
import { formatValue } from './summary.ts';

export interface FindingContent {
  ordinal: number;
  framework: string;
  section: string;
  controlId: string;
  controlTitle: string;
  checkId: string;
  status: FindingStatus;
  severity: CheckDefinition['severity'];
  category: string;
  title: string;
  description: string;
  recommendation: string | null;
  metric: MetricId;
  value: number | null;
  unit: Unit;
  evidenceSelector: SelectorId;
  /** The one agent whose events of the selector are the evidence (a drift finding); absent: every event in scope. */
  evidenceAgent?: string;
  evidenceKind: 'exceptions' | 'population';
  evidenceCount: number;
  populationCount: number;
}

/** A metric's value from the measurements. */
export const metricValue = (m: Measurements, id: MetricId) => metricDefinition(id).value(m.values);

/**
 * One finding per check, in the framework's order. `perDrift`: a drift
 * check gives one finding per drifted agent metric; without it (posture
 * keeps one row per check) its one finding judges the largest |z|.
 */
export function evaluateChecks(framework: FrameworkDefinition, m: Measurements, options: { perDrift: boolean }): FindingContent[] {
  const { eventCount, values, drifts } = m;
  const findings: FindingContent[] = [];
  for (const section of framework.sections) {
    for (const control of section.controls) {
      for (const check of control.checks) {
        const value = metricValue(m, check.metric);
        const applicable = eventCount > 0 && (!check.applicableWhen || (metricValue(m, check.applicableWhen) ?? 0) > 0);
        const status = applicable ? evaluate(value, check.thresholds) : 'not_applicable';
        const exceptionCount = check.exceptions ? (values.counts[check.exceptions] ?? 0) : 0;
        const useExceptions = check.exceptions !== undefined && exceptionCount > 0;
        const evidenceSelector = useExceptions ? check.exceptions! : check.population;
        const unit = metricDefinition(check.metric).unit;
        if (check.perDrift && options.perDrift && status !== 'not_applicable' && drifts.length) {
          for (const d of drifts) findings.push(driftFinding(findings.length + 1, framework, section.title, control.id, check, d));
          continue;
        }
        findings.push({
          ordinal: findings.length + 1,
          framework: framework.type,
          section: section.title,
          controlId: control.id,
          controlTitle: controlTitle(framework, control.id, check.title),
          checkId: check.id,
          status,
          severity: check.severity,
          category: check.category,
          title: check.title,
          description:
            status === 'not_applicable'
              ? `Not applicable: ${eventCount === 0 ? 'no events in this period and scope' : 'nothing of this kind happened in this period and scope'}.`
              : check.description.replace('{value}', formatValue(value, unit)),
          recommendation: status === 'pass' || status === 'not_applicable' ? null : check.recommendation,
          metric: check.metric,
          value,
          unit,
          evidenceSelector,
          evidenceKind: useExceptions ? 'exceptions' : 'population',
          evidenceCount: values.counts[evidenceSelector] ?? 0,
          populationCount: values.counts[check.population] ?? 0,
        });
      }
    }
  }
  return findings;
}

/** A finding for one agent metric beyond its baseline, judged by the check's thresholds on |z|. */
function driftFinding(ordinal: number, framework: FrameworkDefinition, section: string, controlId: string, check: CheckDefinition, d: AgentDrift): FindingContent {
  const status = evaluate(Math.abs(d.z), check.thresholds);
  return {
    ordinal,
    framework: framework.type,
    section,
    controlId,
    controlTitle: controlTitle(framework, controlId, check.title),
    checkId: check.id,
    status,
    severity: check.severity,
    category: check.category,
    title: `${d.agentId}: ${d.label} ${d.z > 0 ? 'rose above' : 'fell below'} its baseline`,
    description: d.explanation,
    recommendation: status === 'pass' ? null : check.recommendation,
    metric: check.metric,
    value: d.z,
    unit: 'z',
    evidenceSelector: d.evidenceSelector,
    evidenceAgent: d.agentId,
    evidenceKind: 'population',
    evidenceCount: d.evidenceCount,
    populationCount: d.evidenceCount,
  };
}

/** The score of a framework's findings with the factors every framework shares (scoring.ts). */
export function scoreOf(findings: FindingContent[], m: Measurements): { breakdown: ScoreBreakdown; score: number | null; grade: string | null } {
  const breakdown = composeScore(scoreFactors(findings, m));
  return { breakdown, score: breakdown.score, grade: gradeOf(breakdown.score) };
}

/** What each factor of the score measured, in numbers and words. */
function scoreFactors(findings: FindingContent[], m: Measurements): Record<ScoreFactorId, { value: number | null; detail: string }> {
  const { values, sla, targets, currency, security } = m;
  const applicable = findings.filter((f) => f.status !== 'not_applicable');
  const decisions = values.counts.agent_decisions ?? 0;
  const covered = values.counts.covered_agent_decisions ?? 0;
  const { approvals, holds } = sla;
  const approvalRequests = approvals.requests;
  const holdRequests = holds.requests;
  const requests = approvalRequests + holdRequests;
  const counted = security.filter((s) => s.met !== null);
  const met = counted.filter((s) => s.met);
  return {
    controls: {
      value: controlsValue(findings),
      detail: `${applicable.length} applicable findings: ${applicable.filter((f) => f.status === 'pass').length} passed, ${applicable.filter((f) => f.status === 'warn').length} warned (half credit), ${applicable.filter((f) => f.status === 'fail').length} failed; weighted by severity.`,
    },
    policy_coverage: {
      value: decisions ? (100 * covered) / decisions : null,
      detail: decisions ? `${covered} of ${decisions} agent decisions were made by an explicit policy.` : 'No agent decisions in the period.',
    },
    sla_compliance: {
      value: requests ? (100 * (approvals.withinTarget + holds.withinTarget)) / requests : null,
      detail: requests
        ? `${approvals.withinTarget} of ${approvalRequests} approval requests answered within ${targets.approvalMinutes} minutes, ${holds.withinTarget} of ${holdRequests} held actions within ${targets.holdMinutes} minutes.`
        : 'No approval requests or held actions in the period.',
    },
    configuration_currency: {
      value: currency.policies ? (100 * currency.current) / currency.policies : null,
      detail: currency.policies
        ? `${currency.current} of ${currency.policies} policies in use in the period (events naming them) run a version at most ${POLICY_MAX_AGE_DAYS} days old` +
          (currency.stale.length ? `; stale: ${currency.stale.slice(0, 5).map((p) => `${p.policy}${p.version ? ` ${p.version}` : ''} (${p.ageDays} days)`).join(', ')}.` : '.')
        : 'No policy decided in the period.',
    },
    security_settings: {
      value: counted.length ? (100 * met.length) / counted.length : null,
      detail: counted.length
        ? `${met.length} of ${counted.length} settings met (as of generation): ${counted.map((s) => `${s.label}: ${s.met ? 'yes' : 'no'}`).join('; ')}.`
        : 'No keys, share links or webhooks to assess.',
    },
  };
}
