/** The organisation's Statement of Applicability: read by everyone who reads reports, recorded by an admin. */
import { actorOf, orgOf } from './context.ts';
import {
  currentStatements,
  IMPLEMENTATION_STATUSES,
  recordStatements,
  statementHistory,
  type ControlStatement,
  type StatementRejection,
} from '../reports/applicability.ts';
import { builder } from './builder.ts';

const Implementation = builder.enumType('ImplementationStatus', {
  description: 'Whether a control is implemented: UNKNOWN until someone states it.',
  values: Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s.toUpperCase(), { value: s }])) as Record<Uppercase<(typeof IMPLEMENTATION_STATUSES)[number]>, { value: (typeof IMPLEMENTATION_STATUSES)[number] }>,
});

const ControlApplicability = builder.objectRef<ControlStatement>('ControlApplicability');
ControlApplicability.implement({
  description: 'One ISO/IEC 27001:2022 Annex A control in the Statement of Applicability, as the organisation stated it (6.1.3 d).',
  fields: (t) => ({
    controlId: t.exposeString('controlId', { description: 'Annex A identifier, e.g. A.5.15.' }),
    title: t.exposeString('title', { description: 'Control title from Annex A.' }),
    applicable: t.exposeBoolean('applicable', { description: 'True when the control is necessary; false when excluded. True by default.' }),
    justification: t.exposeString('justification', { description: 'Why it is included or excluded.' }),
    implementation: t.field({ type: Implementation, description: 'Whether it is implemented.', resolve: (s) => s.implementation }),
    revision: t.exposeInt('revision', { description: 'Revision of this statement; 0 while nothing was stated (the defaults).' }),
    recordedBy: t.string({ nullable: true, description: 'Name of the API key that recorded it.', resolve: (s) => s.recordedBy }),
    recordedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was recorded.', resolve: (s) => s.recordedAt }),
    history: t.field({
      type: [ControlApplicability],
      description: 'Every revision of this control\'s statement, oldest first.',
      resolve: (s, _args, ctx) => (s.revision ? statementHistory(ctx.services.database.db, orgOf(ctx), s.controlId) : []),
    }),
  }),
});

builder.queryField('statementOfApplicability', (t) =>
  t.field({
    type: [ControlApplicability],
    description: 'All 93 Annex A controls with the organisation\'s current applicability, justification and implementation status, in Annex A order.',
    authScopes: { can: 'report:read' },
    resolve: (_root, _args, ctx) => currentStatements(ctx.services.database.db, orgOf(ctx)),
  }),
);

const ControlApplicabilityInput = builder.inputType('ControlApplicabilityInput', {
  description: 'The statement for one control.',
  fields: (t) => ({
    controlId: t.string({ required: true, description: 'Annex A identifier, e.g. A.5.15.' }),
    applicable: t.boolean({ required: true, description: 'True: the control is necessary; false: excluded.' }),
    justification: t.string({ required: true, description: 'Why it is included or excluded (required either way, at most 2000 characters).' }),
    implementation: t.field({ type: Implementation, required: true, description: 'Whether it is implemented; an excluded control is NOT_IMPLEMENTED or UNKNOWN.' }),
  }),
});

const Rejection = builder.objectRef<StatementRejection>('ControlApplicabilityRejection').implement({
  description: 'A statement that was not recorded, and why.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position of the statement in the list sent, from 0.' }),
    field: t.exposeString('field', { description: 'The input at fault, e.g. statements[2].justification.' }),
    message: t.exposeString('message', { description: 'What is wrong and how to fix it.' }),
  }),
});

const Result = builder.objectRef<{ recorded: ControlStatement[]; rejected: StatementRejection[] }>('ControlApplicabilityResult').implement({
  description: 'What happened to a batch of statements: bad ones are rejected alone, the others recorded.',
  fields: (t) => ({
    recorded: t.field({ type: [ControlApplicability], description: 'The statements recorded, each as its control\'s new revision.', resolve: (r) => r.recorded }),
    rejected: t.field({ type: [Rejection], description: 'Statements rejected, with their index and reason.', resolve: (r) => r.rejected }),
  }),
});

builder.mutationField('recordControlApplicability', (t) =>
  t.field({
    type: Result,
    description: 'Records applicability, justification and implementation status of Annex A controls, each as a new revision kept with its history; reports requested afterwards show them (admin only).',
    authScopes: { can: 'framework:manage' },
    args: { statements: t.arg({ type: [ControlApplicabilityInput], required: true, description: 'One statement per control, at most 200.' }) },
    resolve: (_root, { statements }, ctx) =>
      recordStatements(ctx.services, actorOf(ctx), statements),
  }),
);
