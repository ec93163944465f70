/**
 * The registry of report types. Each type is one definition on the shared
 * engine; every control id is checked against its catalog when loaded.
 */
import { catalogTitle } from './catalog.ts';
import { governance } from './governance.ts';
import { soc2 } from './soc2.ts';
import type { FrameworkDefinition } from './types.ts';

const definitions: FrameworkDefinition[] = [soc2, governance];

const byType = new Map<string, FrameworkDefinition>();
for (const definition of definitions) register(definition);

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

export function getFramework(type: string): FrameworkDefinition | undefined {
  return byType.get(type);
}

export function isReportType(type: string): boolean {
  return byType.has(type);
}

export function reportTypes(): FrameworkDefinition[] {
  return [...byType.values()];
}

/** Title of a control: the catalog's for real frameworks, the check's own for custom ones. */
export function controlTitle(definition: FrameworkDefinition, controlId: string, fallback: string): string {
  return catalogTitle(definition.catalog, controlId) ?? fallback;
}
