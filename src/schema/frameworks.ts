/** Report types: the built-in and the organisation's own framework definitions, their sections and controls. */
import { catalogTitle } from '../frameworks/catalog.ts';
import { getFramework } from '../frameworks/index.ts';
import { createFramework, deleteFramework, frameworkOf, frameworksOf, updateFramework } from '../frameworks/organization.ts';
import type { FrameworkDefinition } from '../frameworks/types.ts';
import { builder } from './builder.ts';
import { actorOf, orgOf } from './context.ts';
import { Control } from './findings.ts';

type FrameworkDefinitionRef = FrameworkDefinition;
type SectionRef = { framework: FrameworkDefinitionRef; section: FrameworkDefinitionRef['sections'][number] };

const controlsOf = (f: FrameworkDefinitionRef, s: FrameworkDefinitionRef['sections'][number]) =>
  s.controls.map((c) => ({ id: c.id, framework: f.type, section: s.title, title: catalogTitle(f.catalog, c.id) ?? c.checks[0]?.title ?? c.id }));

const FrameworkSection = builder.objectRef<SectionRef>('FrameworkSection').implement({
  description: 'A section of a framework definition, with the controls it evaluates.',
  fields: (t) => ({
    id: t.string({ description: 'Section id (stable; reports use it for their sections).', resolve: (r) => r.section.id }),
    title: t.string({ description: 'Section title, e.g. an article or a trust services category.', resolve: (r) => r.section.title }),
    description: t.string({ description: 'What the section covers.', resolve: (r) => r.section.description }),
    controls: t.field({ type: [Control], description: 'Controls of the section, with catalog identifiers and titles.', resolve: (r) => controlsOf(r.framework, r.section) }),
  }),
});

const Framework = builder.objectRef<FrameworkDefinitionRef>('Framework').implement({
  description: 'A report type: a framework definition on the shared engine.',
  fields: (t) => ({
    custom: t.boolean({ description: "True for the organisation's own frameworks (createFramework).", resolve: (f) => !getFramework(f.type) }),
    sections: t.field({
      type: [FrameworkSection],
      description: 'Sections in report order, each with its controls: what a client needs to build forms or map controls.',
      resolve: (f) => f.sections.map((section) => ({ framework: f, section })),
    }),
    type: t.exposeString('type', { description: 'Report type to pass to generateReport.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { description: 'What the report covers.' }),
    version: t.exposeString('version', { description: 'Version of the definition.' }),
    catalog: t.exposeString('catalog', { description: 'Control catalog the identifiers come from.' }),
    controls: t.field({
      type: [Control],
      description: 'Controls evaluated, with catalog titles.',
      resolve: (f) => f.sections.flatMap((s) => controlsOf(f, s)),
    }),
  }),
});

builder.queryField('frameworks', (t) =>
  t.field({
    type: [Framework],
    description: 'Every report type of the organisation (the built-in ones and its own) with its sections and controls.',
    authScopes: { can: 'report:read' },
    resolve: (_root, _args, ctx) => frameworksOf(ctx.services.database.db, orgOf(ctx)),
  }),
);

builder.queryField('framework', (t) =>
  t.field({
    type: Framework,
    nullable: true,
    description: 'One report type; null when the organisation has no such type.',
    authScopes: { can: 'report:read' },
    args: { type: t.arg.string({ required: true, description: 'Report type, e.g. soc2.' }) },
    resolve: async (_root, { type }, ctx) => (await frameworkOf(ctx.services.database.db, orgOf(ctx), type)) ?? null,
  }),
);

const DEFINITION_HELP =
  'The definition: {type, name, description, version, catalog: "custom", sections: [{id, title, description, metrics, tables, controls: [{id, checks: [...]}]}]} over the metric and selector library (docs/frameworks.md). Errors name the path of the first problems.';

builder.mutationFields((t) => ({
  createFramework: t.field({
    type: Framework,
    description: "Adds a framework of the organisation's own: a report type only it can generate (admin only).",
    authScopes: { can: 'framework:manage' },
    args: { definition: t.arg({ type: 'JSON', required: true, description: DEFINITION_HELP }) },
    resolve: (_root, { definition }, ctx) => createFramework(ctx.services, actorOf(ctx), definition),
  }),
  updateFramework: t.field({
    type: Framework,
    description: 'Replaces the definition of one of the organisation\'s frameworks with a new revision; reports already made keep theirs (admin only).',
    authScopes: { can: 'framework:manage' },
    args: { type: t.arg.string({ required: true, description: 'The framework\'s report type.' }), definition: t.arg({ type: 'JSON', required: true, description: DEFINITION_HELP }) },
    resolve: (_root, { type, definition }, ctx) => updateFramework(ctx.services, actorOf(ctx), type, definition),
  }),
  deleteFramework: t.field({
    type: Framework,
    description: 'Removes one of the organisation\'s frameworks; its reports stay as they are (admin only).',
    authScopes: { can: 'framework:manage' },
    args: { type: t.arg.string({ required: true, description: 'The framework\'s report type.' }) },
    resolve: (_root, { type }, ctx) => deleteFramework(ctx.services, actorOf(ctx), type),
  }),
}));
