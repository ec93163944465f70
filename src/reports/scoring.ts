/**
 * Score 0–100 from the findings, weighted by severity, and the letter grade
 * of the design's scale. A finding that is not applicable does not count.
 */
import type { Severity, Thresholds } from '../frameworks/types.ts';

export type FindingStatus = 'pass' | 'warn' | 'fail' | 'not_applicable';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1, info: 0 };
export const STATUS_CREDIT: Record<Exclude<FindingStatus, 'not_applicable'>, number> = { pass: 1, warn: 0.5, fail: 0 };

export function evaluate(value: number | null, t: Thresholds): FindingStatus {
  if (value === null) return 'not_applicable';
  if (t.direction === 'min') return value >= t.pass ? 'pass' : value >= t.warn ? 'warn' : 'fail';
  return value <= t.pass ? 'pass' : value <= t.warn ? 'warn' : 'fail';
}

/** Null when no finding applies (e.g. a period without events). */
export function score(findings: Array<{ status: FindingStatus; severity: Severity }>): number | null {
  let weight = 0;
  let earned = 0;
  for (const f of findings) {
    if (f.status === 'not_applicable') continue;
    const w = SEVERITY_WEIGHT[f.severity];
    weight += w;
    earned += w * STATUS_CREDIT[f.status];
  }
  return weight === 0 ? null : Math.round((100 * earned) / weight);
}

const GRADES: Array<[number, string]> = [
  [97, 'A+'], [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'],
  [77, 'C+'], [73, 'C'], [70, 'C-'], [67, 'D+'], [63, 'D'], [60, 'D-'],
];

export function grade(value: number | null): string | null {
  if (value === null) return null;
  return GRADES.find(([min]) => value >= min)?.[1] ?? 'F';
}
