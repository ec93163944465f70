/**
 * Control catalogs copied from ../shared/standards/controls (sources in
 * catalogs/SOURCES.md). Every control a definition names must exist here:
 * auditors reject evidence mapped to a control that does not exist.
 */
import eu from './catalogs/eu-ai-act-articles.json' with { type: 'json' };
import gdpr from './catalogs/gdpr-articles.json' with { type: 'json' };
import hipaa from './catalogs/hipaa-security-rule.json' with { type: 'json' };
import iso27001 from './catalogs/iso27001-2022-annex-a.json' with { type: 'json' };
import iso42001 from './catalogs/iso42001-2023-annex-a.json' with { type: 'json' };
import nist from './catalogs/nist-ai-rmf-1.0.json' with { type: 'json' };
import soc2 from './catalogs/soc2-tsc-2017.json' with { type: 'json' };
import type { CatalogId } from './types.ts';

interface CatalogControl {
  id: string;
  title: string;
}

function index(entries: Iterable<CatalogControl>): Map<string, string> {
  return new Map([...entries].map((c) => [c.id, c.title]));
}

const truncate = (text: string, max = 160) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

const catalogs: Record<Exclude<CatalogId, 'custom'>, Map<string, string>> = {
  soc2: index(soc2.criteria.map((c) => ({ id: c.id, title: c.short_title }))),
  iso27001: index(iso27001.annex_a_controls),
  iso42001: index(iso42001.annex_a_controls),
  nist_ai_rmf: index(
    nist.functions.flatMap((f) =>
      f.categories.flatMap((c: { id: string; description: string; subcategories?: Array<{ id: string; description: string }> }) => [
        { id: c.id, title: truncate(c.description) },
        ...(c.subcategories ?? []).map((s) => ({ id: s.id, title: truncate(s.description) })),
      ]),
    ),
  ),
  hipaa: index(
    hipaa.sections.flatMap((s: { standards: Array<{ cfr: string; standard: string; implementation_specifications?: Array<{ cfr: string; title: string }> }> }) =>
      s.standards.flatMap((st) => [
        { id: st.cfr.replace(/^45 CFR /, ''), title: st.standard },
        ...(st.implementation_specifications ?? []).map((spec) => ({ id: spec.cfr.replace(/^45 CFR /, ''), title: spec.title })),
      ]),
    ),
  ),
  gdpr: index(
    gdpr.articles.flatMap((a: { article: number; title: string; provisions: Array<{ id: string; text: string }> }) => [
      { id: `Art. ${a.article}`, title: a.title },
      ...a.provisions.map((p) => ({ id: `Art. ${p.id}`, title: truncate(p.text) })),
    ]),
  ),
  eu_ai_act: index(
    eu.articles.flatMap((a: { article: number; title: string; provisions: Array<{ id: string; text: string }> }) => [
      { id: `Art. ${a.article}`, title: a.title },
      ...a.provisions.map((p) => ({ id: `Art. ${p.id}`, title: truncate(p.text) })),
    ]),
  ),
};

/** The catalog title of a control, or undefined when the catalog has no such id. */
export function catalogTitle(catalog: CatalogId, controlId: string): string | undefined {
  if (catalog === 'custom') return undefined;
  return catalogs[catalog].get(controlId);
}

/** Every control of a catalog, in the catalog's order (e.g. for a Statement of Applicability). */
export function catalogControls(catalog: Exclude<CatalogId, 'custom'>): CatalogControl[] {
  return [...catalogs[catalog]].map(([id, title]) => ({ id, title }));
}
