/**
 * OSCAL 1.2.1 assessment results for GRC tools: one result for the report's
 * period, the framework's controls as reviewed controls, one observation per
 * finding (with a link to its evidence) and one finding per check, whose
 * target is the control's objective, satisfied or not.
 *
 * UUIDs are version 5 (SHA-1, RFC 9562) of the report id and a role, so the
 * same report always renders to the same document.
 */
import { createHash } from 'node:crypto';
import { formatValue } from '../reports/summary.ts';
import { isMetricId, metricDefinition } from '../library/metrics.ts';
import { isSelectorId, selectors } from '../library/selectors.ts';
import { downloadPath, evidencePath, reproductionText, STATUS_LABEL, type RenderableReport } from './model.ts';

const OSCAL_VERSION = '1.2.1';
/** Namespace of our own props, so GRC tools keep PASS/WARN/FAIL/N/A beside OSCAL's two states. */
const PROP_NS = 'https://agent-reports.dev/ns/oscal';
// A fixed namespace UUID for this product's v5 UUIDs.
const UUID_NAMESPACE = '6f1c4a52-7e0b-4c9a-9d3e-2b8f5a1c7d40';

/** RFC 9562 version-5 UUID. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * OSCAL control ids are tokens (letters, digits, `.`, `-`, `_`; no spaces)
 * and lower case by convention: `CC6.1` → `cc6.1`, `Art. 30` → `art._30`.
 */
export function oscalControlId(controlId: string): string {
  const token = controlId.toLowerCase().replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return /^[\p{L}_]/u.test(token) ? token : `_${token}`;
}

/** The events a finding was measured over, in words. */
function populationLabel(f: { evidenceSelector: string; evidenceKind: string }): string {
  return f.evidenceKind === 'population' && isSelectorId(f.evidenceSelector) ? selectors[f.evidenceSelector].label : 'the events the check measures';
}

/** A rate's denominator, named as the other formats name it in their metrics. */
function rateOf(f: { metric: string }): string {
  const per = isMetricId(f.metric) ? metricDefinition(f.metric).per : undefined;
  return per ? ` The rate is a share of: ${per.label}.` : '';
}

/** The decisions-by-source table as props of the result: one per source, "N decisions (allow a, deny d, alert l, hold h)". */
function decisionProps(c: RenderableReport['content'], prop: (name: string, value: string) => { name: string; ns: string; value: string }) {
  const t = c.sections.flatMap((s) => s.tables).find((x) => x.id === 'decisions_by_category');
  if (!t) return [];
  const names: Record<string, string> = { 'policy on tool calls': 'decisions-policy', 'injection detector': 'decisions-injection-detector', 'DLP detector': 'decisions-dlp-detector', 'all decisions': 'decisions-all' };
  return t.rows.map((r) => prop(names[String(r[0])] ?? 'decisions', `${r[1]} decisions (allow ${r[2]}, deny ${r[3]}, alert ${r[4]}, hold ${r[5]})`));
}

function oscalDocument(report: RenderableReport) {
  const c = report.content;
  const id = (role: string) => uuidV5(UUID_NAMESPACE, `${report.id}:${role}`);
  const completed = report.completedAt.toISOString();
  const controlIds = [...new Set(c.findings.map((f) => f.controlId))];
  const link = (path: string) => `${report.baseUrl}${path}`;
  const prop = (name: string, value: string) => ({ name, ns: PROP_NS, value });

  const observations = c.findings.map((f) => {
    const label = isSelectorId(f.evidenceSelector) ? selectors[f.evidenceSelector].label : f.evidenceSelector;
    return {
      uuid: id(`observation:${f.ordinal}`),
      title: `${f.controlId}: ${f.title}`,
      description: `${f.description} Measured ${f.metric} = ${formatValue(f.value, f.unit)} over ${f.populationCount} events (${populationLabel(f)}).${rateOf(f)}`,
      props: [prop('finding-ordinal', String(f.ordinal)), prop('evidence-selector', f.evidenceSelector), prop('evidence-count', String(f.evidenceCount))],
      // Not applicable: the record was examined and had nothing to test.
      methods: [f.status === 'not_applicable' ? 'EXAMINE' : 'TEST'],
      types: ['control-objective'],
      'relevant-evidence': [
        {
          href: link(evidencePath(report.id, f.ordinal)),
          description: `${f.evidenceCount} audit events: ${label}${f.evidenceKind === 'exceptions' ? ' (the exceptions)' : ''}. Listed by the evidence API as NDJSON, and in the evidence bundle's evidence.ndjson under finding ${f.ordinal}.`,
        },
      ],
      collected: completed,
    };
  });

  // The Statement of Applicability: one observation per Annex A control, the organisation's statement
  // (applicability, justification, implementation) beside whether agent events evidence it.
  const soa = c.sections.flatMap((s) => s.tables).find((t) => t.id === 'statement_of_applicability');
  const column = (name: string) => soa!.columns.indexOf(name);
  const soaObservations = (soa?.rows ?? []).map((r) => {
    const cell = (name: string) => String(r[column(name)] ?? '');
    return {
      uuid: id(`soa:${cell('control')}`),
      title: `Statement of Applicability ${cell('control')}: ${cell('title')}`,
      description: `${cell('applicability') === 'applicable' ? 'Applicable' : 'Excluded'}: ${cell('justification')} Implementation: ${cell('implementation')} (${cell('statedIn')}). Evidenced by agent events: ${cell('evidencedByAgentEvents')}. ${cell('evidence')}`,
      props: [
        prop('control-id', cell('control')),
        prop('applicability', cell('applicability')),
        prop('implementation-status', cell('implementation')),
        prop('evidenced-by-agent-events', cell('evidencedByAgentEvents')),
      ],
      methods: ['EXAMINE'],
      types: ['control-objective'],
      collected: completed,
    };
  });

  const findings = c.findings.map((f) => ({
    uuid: id(`finding:${f.ordinal}`),
    title: `${STATUS_LABEL[f.status]} ${f.controlId}: ${f.title}`,
    description: f.description,
    props: [prop('status', STATUS_LABEL[f.status]), prop('severity', f.severity), prop('category', f.category)],
    target: {
      type: 'objective-id',
      'target-id': `${oscalControlId(f.controlId)}_obj`,
      title: `${f.controlId} ${f.controlTitle}`,
      status: {
        // OSCAL has two states; a warning is not satisfied, and "not applicable" is satisfied for lack of anything to test.
        state: f.status === 'pass' || f.status === 'not_applicable' ? 'satisfied' : 'not-satisfied',
        reason: f.status === 'pass' ? 'pass' : f.status === 'not_applicable' ? 'other' : 'fail',
        ...(f.status === 'not_applicable' ? { remarks: 'Not applicable in this period and scope.' } : f.status === 'warn' ? { remarks: 'Warning: below the pass threshold but above the fail threshold.' } : {}),
      },
    },
    'related-observations': [{ 'observation-uuid': id(`observation:${f.ordinal}`) }],
    ...(f.recommendation ? { remarks: `Recommendation: ${f.recommendation}` } : {}),
  }));

  return {
    'assessment-results': {
      uuid: id('assessment-results'),
      metadata: {
        title: c.title,
        'last-modified': completed,
        version: `${report.version}`,
        'oscal-version': OSCAL_VERSION,
        props: [
          prop('framework', `${c.framework.type} ${c.framework.version}`),
          prop('content-sha256', report.contentSha256),
          // Whom the report is about (a DSAR export names its data subject or agents).
          ...(c.scope.dataSubject ? [prop('data-subject', c.scope.dataSubject)] : []),
          ...c.scope.agentIds.map((a) => prop('agent', a)),
        ],
        links: [{ href: link(downloadPath(report.id, 'json')), rel: 'alternate', 'media-type': 'application/json', text: 'The signed canonical report' }],
        parties: report.organizationName
          ? [{ uuid: id('party:organization'), type: 'organization', name: report.organizationName }]
          : undefined,
      },
      'import-ap': {
        href: `urn:agent-reports:framework:${encodeURIComponent(c.framework.type)}:${encodeURIComponent(c.framework.version)}`,
        remarks: `The assessment plan is the ${c.framework.name} framework definition (version ${c.framework.version}) pinned by the report: its checks, thresholds and evidence selectors.`,
      },
      results: [
        {
          uuid: id('result'),
          title: c.title,
          description: c.summary,
          start: c.scope.period.start,
          end: c.scope.period.end,
          props: [
            prop('score', String(c.score ?? 'n/a')),
            prop('grade', c.grade ?? 'n/a'),
            ...(c.scoreBreakdown?.factors ?? []).map((f) => prop(`score-${f.id.replaceAll('_', '-')}`, f.value === null ? 'n/a' : String(f.value))),
            prop('event-count', String(c.integrity.eventCount)),
            prop('watermark', String(c.watermark)),
            prop('reproduced-at-watermark', report.reproduction ? (report.reproduction.identical ? 'identical' : 'differs') : 'not-checked'),
            ...decisionProps(c, prop),
          ],
          remarks: `Reproduced at its watermark: ${reproductionText(report)}.`,
          'reviewed-controls': {
            'control-selections': [controlIds.length ? { 'include-controls': controlIds.map((cid) => ({ 'control-id': oscalControlId(cid) })) } : { 'include-all': {} }],
            remarks: `Controls of the ${c.framework.catalog} catalog, as identified there: ${controlIds.join(', ') || 'none'}.`,
          },
          ...(observations.length || soaObservations.length ? { observations: [...observations, ...soaObservations] } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
    },
  };
}

export function renderOscal(report: RenderableReport): Buffer {
  // Built in a fixed order from stored data: the same report renders to the same bytes.
  return Buffer.from(`${JSON.stringify(oscalDocument(report), null, 2)}\n`, 'utf8');
}
