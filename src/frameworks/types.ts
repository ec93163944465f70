/**
 * A framework is data: sections → controls (real catalog identifiers) →
 * checks. A check names a metric from the shared library, thresholds that
 * decide pass / warn / fail, and the evidence selectors behind its finding.
 */
import type { MetricId } from '../library/metrics.ts';
import type { SelectorId } from '../library/selectors.ts';

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type CatalogId = 'soc2' | 'iso27001' | 'iso42001' | 'nist_ai_rmf' | 'hipaa' | 'gdpr' | 'eu_ai_act' | 'custom';

export interface Thresholds {
  /** `min`: higher is better (pass ≥ pass, warn ≥ warn); `max`: lower is better. */
  direction: 'min' | 'max';
  pass: number;
  warn: number;
}

export interface CheckDefinition {
  id: string;
  title: string;
  metric: MetricId;
  thresholds: Thresholds;
  /** Not applicable when this metric is 0 (e.g. no leases were issued), or when the metric is null. */
  applicableWhen?: MetricId;
  severity: Severity;
  category: string;
  /** Plain words; `{value}` is replaced by the formatted metric value. */
  description: string;
  recommendation: string;
  /** The events the metric is measured over. */
  population: SelectorId;
  /** The events that fall short; shown as evidence whenever there are any. */
  exceptions?: SelectorId;
  /**
   * One finding per agent metric that drifted from its baseline (drift.ts),
   * in place of the check's one finding, each judged by the thresholds on
   * its |robust z| and shown by that agent's events. With no drift, the
   * check's one finding as usual (its metric: the largest |z|).
   */
  perDrift?: true;
}

interface ControlDefinition {
  /** Identifier exactly as the catalog spells it, e.g. `CC6.1`, `A.8.15`. */
  id: string;
  checks: CheckDefinition[];
}

interface SectionDefinition {
  id: string;
  title: string;
  description: string;
  /** Metrics shown in the section, beside its findings. */
  metrics: MetricId[];
  /** Tables from the metrics library shown in the section. */
  tables?: string[];
  controls: ControlDefinition[];
}

export interface FrameworkDefinition {
  /** The report type, e.g. `soc2`. */
  type: string;
  name: string;
  description: string;
  /** Version of this definition: bump when checks or thresholds change, so reports pin what made them. */
  version: string;
  /** Which control catalog the identifiers come from. */
  catalog: CatalogId;
  /**
   * Scope the type cannot run without: `subject_or_agent` (a DSAR export) needs
   * a data subject or an agent. Checked by validateScope before a report is created.
   */
  requires?: 'subject_or_agent';
  sections: SectionDefinition[];
}
