/**
 * The registry of report types. Each type is one definition on the shared
 * engine; every control id is checked against its catalog when loaded.
 * Custom definitions (JSON, validated) join the same registry.
 */
import { assetInventory } from './asset-inventory.ts';
import { auditSummary } from './audit-summary.ts';
import { catalogTitle } from './catalog.ts';
import { readCustomFrameworks } from './custom.ts';
import { euAiAct } from './eu-ai-act.ts';
import { executiveSummary } from './executive-summary.ts';
import { gdpr, gdprDsar } from './gdpr.ts';
import { governance } from './governance.ts';
import { hipaa } from './hipaa.ts';
import { iso27001 } from './iso27001.ts';
import { iso42001 } from './iso42001.ts';
import { nistAiRmf } from './nist-ai-rmf.ts';
import { soc2 } from './soc2.ts';
import type { FrameworkDefinition } from './types.ts';

export const builtInFrameworks: readonly FrameworkDefinition[] = [
  soc2, gdpr, gdprDsar, iso27001, hipaa, euAiAct, iso42001, nistAiRmf, governance, executiveSummary, assetInventory, auditSummary,
];

const byType = new Map<string, FrameworkDefinition>();
const builtInTypes = new Set(builtInFrameworks.map((d) => d.type));
for (const definition of builtInFrameworks) register(definition);

/** Adds a definition; throws if a control id is not in its catalog. */
export function register(definition: FrameworkDefinition) {
  for (const section of definition.sections) {
    for (const control of section.controls) {
      if (definition.catalog !== 'custom' && !catalogTitle(definition.catalog, control.id)) {
        throw new Error(`${definition.type}: control ${control.id} is not in the ${definition.catalog} catalog`);
      }
    }
  }
  byType.set(definition.type, definition);
}

/**
 * Adds (or replaces) a validated custom definition. A custom framework can
 * never shadow a built-in type: reports of that type must keep their meaning.
 */
export function registerCustom(definition: FrameworkDefinition) {
  if (builtInTypes.has(definition.type)) throw new Error(`custom framework ${definition.type}: the type is a built-in report type; choose another`);
  register(definition);
}

/** Loads CUSTOM_FRAMEWORKS_DIR at start; returns the types added. */
export function loadCustomFrameworks(dir: string): string[] {
  const definitions = readCustomFrameworks(dir);
  for (const definition of definitions) registerCustom(definition);
  return definitions.map((d) => d.type);
}

export function getFramework(type: string): FrameworkDefinition | undefined {
  return byType.get(type);
}

export function reportTypes(): FrameworkDefinition[] {
  return [...byType.values()];
}

/**
 * What a report type needs in its scope beyond the period, as an error
 * message for the caller (null when the scope will do). A DSAR export needs
 * the data subject or the agent it is about.
 */
export function validateScope(definition: FrameworkDefinition, scope: { dataSubject?: string | null; agentIds?: readonly string[] | null }): string | null {
  if (definition.requires === 'subject_or_agent') {
    const subject = scope.dataSubject?.trim();
    if (!subject && !(scope.agentIds ?? []).length) {
      return `a ${definition.name} needs the data subject (dataSubject) or the agent (agentIds) it is about; give one of them`;
    }
  }
  return null;
}

/** Title of a control: the catalog's for real frameworks, the check's own for custom ones. */
export function controlTitle(definition: FrameworkDefinition, controlId: string, fallback: string): string {
  return catalogTitle(definition.catalog, controlId) ?? fallback;
}
