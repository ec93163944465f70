/**
 * Custom frameworks: a definition written as JSON over the same metric,
 * selector and table library as the built-in ones, validated before it is
 * accepted (unknown metric or selector, duplicate id, thresholds that can
 * never pass, control ids missing from the named catalog).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { badInput } from '../errors.ts';
import { isMetricId, metricDefinition, type MetricId } from '../library/metrics.ts';
import { isSelectorId, type SelectorId } from '../library/selectors.ts';
import { isTableId } from '../library/tables.ts';
import { catalogTitle } from './catalog.ts';
import type { FrameworkDefinition } from './types.ts';

const LIBRARY_HINT = 'see docs/frameworks.md for the metric, selector and table library';

/** What a report type looks like: it names files, URLs and rows. */
export const REPORT_TYPE = /^[a-z][a-z0-9_]{1,62}$/;

const slug = z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, 'must be lower-case letters, digits, - or _, starting with a letter');
const metric = z.string().refine(isMetricId, { error: (issue) => `unknown metric '${String(issue.input)}' (${LIBRARY_HINT})` });
const selector = z.string().refine(isSelectorId, { error: (issue) => `unknown selector '${String(issue.input)}' (${LIBRARY_HINT})` });
const tableId = z.string().refine(isTableId, { error: (issue) => `unknown table '${String(issue.input)}' (${LIBRARY_HINT})` });

const check = z
  .object({
    id: slug,
    title: z.string().min(1).max(200),
    metric,
    thresholds: z.object({ direction: z.enum(['min', 'max']), pass: z.number().finite(), warn: z.number().finite() }).strict(),
    applicableWhen: metric.optional(),
    severity: z.enum(['info', 'low', 'medium', 'high', 'critical']),
    category: z.string().min(1).max(60).default('custom'),
    description: z.string().min(1).max(1000),
    recommendation: z.string().min(1).max(1000),
    population: selector,
    exceptions: selector.optional(),
    perDrift: z.literal(true).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const { direction, pass, warn } = c.thresholds;
    if (direction === 'min' && pass < warn) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: `with direction min (higher is better) pass (${pass}) must be at least warn (${warn})` });
    if (direction === 'max' && pass > warn) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: `with direction max (lower is better) pass (${pass}) must be at most warn (${warn})` });
    if (isMetricId(c.metric) && metricDefinition(c.metric).unit === 'percent') {
      for (const [key, value] of [['pass', pass], ['warn', warn]] as const) {
        if (value < 0 || value > 100) ctx.addIssue({ code: 'custom', path: ['thresholds', key], message: `metric ${c.metric} is a percentage: ${key} must be between 0 and 100` });
      }
    }
  });

const definition = z
  .object({
    type: z.string().regex(REPORT_TYPE, 'must be lower-case letters, digits or _, starting with a letter (it is the report type)'),
    name: z.string().min(1).max(200),
    description: z.string().max(2000).default(''),
    version: z.string().min(1).max(40).default('1'),
    catalog: z.enum(['soc2', 'iso27001', 'iso42001', 'nist_ai_rmf', 'hipaa', 'gdpr', 'eu_ai_act', 'custom']).default('custom'),
    requires: z.literal('subject_or_agent').optional(),
    sections: z
      .array(
        z
          .object({
            id: slug,
            title: z.string().min(1).max(200),
            description: z.string().max(2000).default(''),
            metrics: z.array(metric).default([]),
            tables: z.array(tableId).default([]),
            controls: z.array(z.object({ id: z.string().min(1).max(100), checks: z.array(check).min(1, 'a control needs at least one check') }).strict()).default([]),
          })
          .strict(),
      )
      .min(1, 'a framework needs at least one section'),
  })
  .strict()
  .superRefine((d, ctx) => {
    const sections = new Set<string>();
    const controls = new Set<string>();
    d.sections.forEach((section, s) => {
      if (sections.has(section.id)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: `duplicate section id '${section.id}'` });
      sections.add(section.id);
      section.controls.forEach((control, c) => {
        const path = ['sections', s, 'controls', c, 'id'];
        if (controls.has(control.id)) ctx.addIssue({ code: 'custom', path, message: `duplicate control id '${control.id}'` });
        controls.add(control.id);
        if (d.catalog !== 'custom' && !catalogTitle(d.catalog, control.id)) {
          ctx.addIssue({ code: 'custom', path, message: `control '${control.id}' is not in the ${d.catalog} catalog (use the catalog's spelling, or catalog "custom" for your own ids)` });
        }
        const checks = new Set<string>();
        control.checks.forEach((ch, k) => {
          if (checks.has(ch.id)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'controls', c, 'checks', k, 'id'], message: `duplicate check id '${ch.id}' in control ${control.id}` });
          checks.add(ch.id);
        });
      });
    });
  });

/** Validates a custom definition; throws BAD_USER_INPUT naming the first problems by their path. */
export function parseFrameworkDefinition(input: unknown, field = 'definition'): FrameworkDefinition {
  const parsed = definition.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5);
    const where = (i: (typeof issues)[number]) => [field, ...i.path.map(String)].join('.');
    throw badInput(where(issues[0]!), issues.map((i) => `${where(i)}: ${i.message}`).join('; '));
  }
  const d = parsed.data;
  // The zod refinements proved every id belongs to its library.
  return {
    ...d,
    sections: d.sections.map((s) => ({
      ...s,
      metrics: s.metrics as MetricId[],
      controls: s.controls.map((c) => ({
        id: c.id,
        checks: c.checks.map((ch) => ({
          ...ch,
          metric: ch.metric as MetricId,
          applicableWhen: ch.applicableWhen as MetricId | undefined,
          population: ch.population as SelectorId,
          exceptions: ch.exceptions as SelectorId | undefined,
          ...(ch.perDrift ? { perDrift: true as const } : {}),
        })),
      })),
    })),
  } as FrameworkDefinition;
}

/** Reads every `*.json` in `dir` as a custom definition; an invalid file stops the start, naming the file. */
export function readCustomFrameworks(dir: string): FrameworkDefinition[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`custom framework ${path}: not valid JSON (${(error as Error).message})`);
    }
    try {
      return parseFrameworkDefinition(json);
    } catch (error) {
      throw new Error(`custom framework ${path}: ${(error as Error).message}`);
    }
  });
}
