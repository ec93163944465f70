/**
 * Every built-in definition names only controls that exist in its catalog
 * (read here straight from the catalog JSON, not through the engine's
 * index), passes the same validation as a custom definition, and custom
 * definitions are validated with errors that say what to fix and run
 * through the engine like any built-in type.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, reports } from '../src/db/schema.ts';
import { DomainError } from '../src/errors.ts';
import { parseFrameworkDefinition } from '../src/frameworks/custom.ts';
import { builtInFrameworks, getFramework, registerCustom, reportTypes } from '../src/frameworks/index.ts';
import { buildReport, type ReportContent } from '../src/reports/generate.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { periodOf, privacyScenario } from './support/privacy-scenario.ts';

const json = (file: string) => JSON.parse(readFileSync(new URL(`../src/frameworks/catalogs/${file}`, import.meta.url), 'utf8'));

/** Control ids of each catalog, as its source spells them. */
function catalogIds(): Record<string, Set<string>> {
  const articles = (file: string) =>
    new Set<string>(json(file).articles.flatMap((a: { article: number; provisions: Array<{ id: string }> }) => [`Art. ${a.article}`, ...a.provisions.map((p) => `Art. ${p.id}`)]));
  return {
    soc2: new Set(json('soc2-tsc-2017.json').criteria.map((c: { id: string }) => c.id)),
    iso27001: new Set(json('iso27001-2022-annex-a.json').annex_a_controls.map((c: { id: string }) => c.id)),
    iso42001: new Set(json('iso42001-2023-annex-a.json').annex_a_controls.map((c: { id: string }) => c.id)),
    nist_ai_rmf: new Set(
      json('nist-ai-rmf-1.0.json').functions.flatMap((f: { categories: Array<{ id: string; subcategories?: Array<{ id: string }> }> }) =>
        f.categories.flatMap((c) => [c.id, ...(c.subcategories ?? []).map((s) => s.id)]),
      ),
    ),
    hipaa: new Set(
      json('hipaa-security-rule.json').sections.flatMap((s: { standards: Array<{ cfr: string; implementation_specifications?: Array<{ cfr: string }> }> }) =>
        s.standards.flatMap((st) => [st.cfr, ...(st.implementation_specifications ?? []).map((i) => i.cfr)].map((cfr) => cfr.replace('45 CFR ', ''))),
      ),
    ),
    gdpr: articles('gdpr-articles.json'),
    eu_ai_act: articles('eu-ai-act-articles.json'),
  };
}

describe('built-in frameworks', () => {
  it('registers every report type of the design', () => {
    expect(reportTypes().map((f) => f.type)).toEqual(
      expect.arrayContaining(['soc2', 'gdpr', 'gdpr_dsar', 'iso27001', 'hipaa', 'eu_ai_act', 'iso42001', 'nist_ai_rmf', 'governance', 'executive_summary', 'asset_inventory', 'audit_summary']),
    );
  });

  it('names only controls that exist in their catalog', () => {
    const ids = catalogIds();
    let checked = 0;
    for (const framework of builtInFrameworks) {
      if (framework.catalog === 'custom') continue;
      for (const section of framework.sections) {
        for (const control of section.controls) {
          expect(ids[framework.catalog]!.has(control.id), `${framework.type} ${control.id}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(ids.iso27001!.size).toBe(93);
  });

  it('passes the custom-framework validation (library ids, thresholds, unique ids)', () => {
    for (const framework of builtInFrameworks) expect(() => parseFrameworkDefinition(framework), framework.type).not.toThrow();
  });
});

const valid = () => JSON.parse(readFileSync(new URL('../examples/frameworks/ai-oversight.json', import.meta.url), 'utf8'));

function problem(mutate: (d: any) => void): DomainError {
  const d = valid();
  mutate(d);
  try {
    parseFrameworkDefinition(d);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('the definition was accepted');
}

describe('custom framework validation', () => {
  it('rejects an unknown metric, naming where it is', () => {
    const e = problem((d) => (d.sections[0].controls[0].checks[0].metric = 'happiness'));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe('definition.sections.0.controls.0.checks.0.metric');
    expect(e.message).toMatch(/unknown metric 'happiness'/);
  });

  it('rejects an unknown selector and an unknown table', () => {
    expect(problem((d) => (d.sections[0].controls[0].checks[0].population = 'everything')).message).toMatch(/unknown selector 'everything'/);
    expect(problem((d) => (d.sections[0].tables = ['nope'])).message).toMatch(/unknown table 'nope'/);
  });

  it('rejects duplicate control ids', () => {
    expect(problem((d) => (d.sections[1].controls[0].id = 'ACME-AI-1')).message).toMatch(/duplicate control id 'ACME-AI-1'/);
  });

  it('rejects thresholds that cannot work', () => {
    expect(problem((d) => (d.sections[0].controls[0].checks[0].thresholds = { direction: 'min', pass: 80, warn: 90 })).message).toMatch(/pass \(80\) must be at least warn \(90\)/);
    expect(problem((d) => (d.sections[0].controls[0].checks[0].thresholds = { direction: 'min', pass: 120, warn: 90 })).message).toMatch(/percentage: pass must be between 0 and 100/);
  });

  it('rejects control ids missing from the named catalog', () => {
    expect(problem((d) => (d.catalog = 'iso27001')).message).toMatch(/control 'ACME-AI-1' is not in the iso27001 catalog/);
  });

  it('never lets a custom framework shadow a built-in type', () => {
    const d = parseFrameworkDefinition({ ...valid(), type: 'soc2' });
    expect(() => registerCustom(d)).toThrow(/built-in report type/);
  });
});

describe('custom framework from CUSTOM_FRAMEWORKS_DIR', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { CUSTOM_FRAMEWORKS_DIR: new URL('../examples/frameworks', import.meta.url).pathname } });
  });
  afterAll(() => app.close());

  it('is a report type the engine generates', async () => {
    expect(getFramework('acme_ai_oversight')?.name).toBe('Acme AI oversight policy');
    const { orgId } = await app.newOrg();
    const rows = privacyScenario(orgId);
    await app.services.database.db.insert(auditEvents).values(rows);
    const period = periodOf();
    const id = randomUUID();
    await app.services.database.db.insert(reports).values({
      id, orgId, type: 'acme_ai_oversight', title: 'custom', status: 'generating', periodStart: period.start, periodEnd: period.end, sampleSeed: 'unset', lineageId: id, createdBy: 'test',
    });
    await buildReport(app.services, id, async () => {});
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, id));
    const content = row!.content as ReportContent;
    const scoped = rows.filter((r) => (r.occurredAt as Date) >= period.start && (r.occurredAt as Date) < period.end);
    const agentDecisions = scoped.filter((r) => r.decision && r.agentId);
    const coverage = Math.round((10_000 * agentDecisions.filter((r) => r.policyId).length) / agentDecisions.length) / 100;
    const finding = content.findings.find((f) => f.controlId === 'ACME-AI-1')!;
    expect(finding.value).toBe(coverage);
    expect(finding.status).toBe(coverage >= 99 ? 'pass' : coverage >= 90 ? 'warn' : 'fail');
    expect(content.findings.map((f) => f.controlId)).toEqual(['ACME-AI-1', 'ACME-AI-2', 'ACME-AI-3']);
    expect(content.findings[2]!.status).toBe('fail');
  });
});
