/**
 * How a report's score is made up, factor by factor, and the organisation's
 * SLA targets that one of the factors measures against.
 */
import { slaTargets, updateSlaTargets, MAX_SLA_MINUTES, type SlaTargets } from '../accounts/sla-targets.ts';
import { actorOf } from './context.ts';
import type { ScoreFactor as ScoreFactorShape } from '../reports/scoring.ts';
import { builder } from './builder.ts';
import { Organization } from './organization.ts';
import { Report } from './reports.ts';

const ScoreFactor = builder.objectRef<ScoreFactorShape>('ScoreFactor').implement({
  description: 'One factor of the score: what it measured (0–100), its weight, and the points it adds.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'controls, policy_coverage, sla_compliance, configuration_currency or security_settings.' }),
    label: t.exposeString('label', { description: 'What the factor measures.' }),
    weight: t.exposeFloat('weight', { description: 'Nominal weight out of 100.' }),
    value: t.exposeFloat('value', { nullable: true, description: 'The factor, 0–100; null when there was nothing to measure (it then does not count).' }),
    effectiveWeight: t.exposeFloat('effectiveWeight', { description: 'Its weight once the weights of the factors that count are scaled to 100.' }),
    points: t.exposeFloat('points', { description: 'Points it adds to the score (value × effective weight / 100); the points add up to the score before rounding.' }),
    detail: t.exposeString('detail', { description: 'What was measured, in words.' }),
  }),
});

builder.objectFields(Report, (t) => ({
  scoreBreakdown: t.field({
    type: [ScoreFactor],
    description: 'How the score is made up, factor by factor. Empty until the report completes.',
    resolve: async (r, _a, ctx) => (await ctx.loaders.reportContent.load(r.id))?.scoreBreakdown.factors ?? [],
  }),
}));

const SlaTargetsType = builder.objectRef<SlaTargets>('SlaTargets').implement({
  description: "The organisation's targets for answering approval requests and held actions (the score's SLA compliance factor).",
  fields: (t) => ({
    approvalMinutes: t.exposeInt('approvalMinutes', { description: 'Minutes within which an approval request should be answered.' }),
    holdMinutes: t.exposeInt('holdMinutes', { description: 'Minutes within which a held action should be approved or denied.' }),
  }),
});

builder.objectFields(Organization, (t) => ({
  slaTargets: t.field({
    type: SlaTargetsType,
    description: 'Targets for answering approval requests and held actions.',
    authScopes: { can: 'report:read' },
    resolve: (org, _a, ctx) => slaTargets(ctx.services.database.db, org.id),
  }),
}));

const SlaTargetsInput = builder.inputType('SlaTargetsInput', {
  description: 'SLA targets to change; omitted fields keep their value.',
  fields: (t) => ({
    approvalMinutes: t.int({ description: `Minutes to answer an approval request, 1–${MAX_SLA_MINUTES}.` }),
    holdMinutes: t.int({ description: `Minutes to decide a held action, 1–${MAX_SLA_MINUTES}.` }),
  }),
});

builder.mutationField('updateSlaTargets', (t) =>
  t.field({
    type: SlaTargetsType,
    description: 'Sets the organisation\'s SLA targets (admin only); recorded in the service\'s own audit trail. Reports generated afterwards measure against them.',
    authScopes: { can: 'organization:manage' },
    args: { input: t.arg({ type: SlaTargetsInput, required: true, description: 'The targets to change.' }) },
    resolve: (_root, { input }, ctx) =>
      updateSlaTargets(ctx.services, actorOf(ctx), {
        approvalMinutes: input.approvalMinutes ?? undefined,
        holdMinutes: input.holdMinutes ?? undefined,
      }),
  }),
);
