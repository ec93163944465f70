/**
 * Score 0–100 from the findings, weighted by severity, and the letter grade
 * of the design's scale. A finding that is not applicable does not count.
 */
import type { Severity, Thresholds } from '../frameworks/types.ts';

export type FindingStatus = 'pass' | 'warn' | 'fail' | 'not_applicable';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1, info: 0 };
const STATUS_CREDIT: Record<Exclude<FindingStatus, 'not_applicable'>, number> = { pass: 1, warn: 0.5, fail: 0 };

export function evaluate(value: number | null, t: Thresholds): FindingStatus {
  if (value === null) return 'not_applicable';
  if (t.direction === 'min') return value >= t.pass ? 'pass' : value >= t.warn ? 'warn' : 'fail';
  return value <= t.pass ? 'pass' : value <= t.warn ? 'warn' : 'fail';
}

/** The controls' score alone, rounded: null when no finding applies (e.g. a period without events). */
export function score(findings: Array<{ status: FindingStatus; severity: Severity }>): number | null {
  const value = controlsValue(findings);
  return value === null ? null : Math.round(value);
}

const GRADES: Array<[number, string]> = [
  [97, 'A+'], [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'],
  [77, 'C+'], [73, 'C'], [70, 'C-'], [67, 'D+'], [63, 'D'], [60, 'D-'],
];

export function grade(value: number | null): string | null {
  if (value === null) return null;
  return GRADES.find(([min]) => value >= min)?.[1] ?? 'F';
}

/**
 * The compliance score is made of five factors, each 0–100, weighted:
 * the controls (the findings above), policy coverage, SLA compliance,
 * configuration currency and security settings. A factor with nothing to
 * measure (no approvals or holds, no policy decided anything) is left out
 * and the others' weights share its part; without any applicable control
 * there is no score at all.
 */
const SCORE_FACTORS = {
  controls: { label: 'Controls (findings weighted by severity)', weight: 50 },
  policy_coverage: { label: 'Policy coverage (agent decisions by an explicit policy)', weight: 15 },
  sla_compliance: { label: 'SLA compliance (approvals and holds answered within the targets)', weight: 15 },
  configuration_currency: { label: 'Configuration currency (policies in use in the period whose version is at most 90 days old)', weight: 10 },
  security_settings: { label: 'Security settings (API keys, share links, webhooks)', weight: 10 },
} as const;
export type ScoreFactorId = keyof typeof SCORE_FACTORS;

export interface ScoreFactor {
  id: ScoreFactorId;
  label: string;
  /** The factor's nominal weight, out of 100. */
  weight: number;
  /** 0–100, or null when there is nothing to measure (then it does not count). */
  value: number | null;
  /** Its share of the score once the weights of the factors that count are scaled to 100. */
  effectiveWeight: number;
  /** Points it adds to the score: value × effective weight / 100. */
  points: number;
  /** What was measured, in words. */
  detail: string;
}

export interface ScoreBreakdown {
  score: number | null;
  factors: ScoreFactor[];
}

/** The score from the factors' values; `controls` null means no score. */
export function composeScore(values: Record<ScoreFactorId, { value: number | null; detail: string }>): ScoreBreakdown {
  const ids = Object.keys(SCORE_FACTORS) as ScoreFactorId[];
  const counted = values.controls.value === null ? [] : ids.filter((id) => values[id].value !== null);
  const total = counted.reduce((s, id) => s + SCORE_FACTORS[id].weight, 0);
  const factors = ids.map((id) => {
    const { value, detail } = values[id];
    const effective = counted.includes(id) ? (100 * SCORE_FACTORS[id].weight) / total : 0;
    return {
      id,
      label: SCORE_FACTORS[id].label,
      weight: SCORE_FACTORS[id].weight,
      value: value === null ? null : round2(value),
      effectiveWeight: round2(effective),
      points: round2(((value ?? 0) * effective) / 100),
      detail,
    };
  });
  const exact = counted.reduce((s, id) => s + values[id].value! * SCORE_FACTORS[id].weight, 0);
  return { score: counted.length ? Math.round(exact / total) : null, factors };
}

/** The controls factor: the findings' severity-weighted credit, unrounded. */
export function controlsValue(findings: Array<{ status: FindingStatus; severity: Severity }>): number | null {
  let weight = 0;
  let earned = 0;
  for (const f of findings) {
    if (f.status === 'not_applicable') continue;
    weight += SEVERITY_WEIGHT[f.severity];
    earned += SEVERITY_WEIGHT[f.severity] * STATUS_CREDIT[f.status];
  }
  return weight === 0 ? null : (100 * earned) / weight;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
