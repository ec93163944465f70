/**
 * CSV: a zip of one CSV file per table. A report holds tables of different
 * shapes (findings, metrics, agent risk, decisions per day…); spreadsheet
 * users expect each to open as its own clean sheet with one header row,
 * which a single CSV with stacked tables cannot give.
 *
 * Files are UTF-8 with a byte-order mark (Excel needs it to read UTF-8) and
 * CRLF line ends (RFC 4180). Text cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) get a leading
 * single quote, as OWASP advises against CSV injection; numbers stay numbers.
 */
import { stringify } from 'csv-stringify/sync';
import { selectors, isSelectorId } from '../library/selectors.ts';
import { reproductionText, STATUS_LABEL, type RenderableReport } from './model.ts';
import { zipBuffers, type ZipEntry } from './zip.ts';

type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP CSV-injection defence for one cell. */
export function escapeCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  const text = typeof value === 'boolean' ? String(value) : value;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function toCsv(header: string[], rows: Cell[][]): Buffer {
  const text = stringify([header, ...rows].map((row) => row.map(escapeCell)), { bom: true, record_delimiter: 'windows' });
  return Buffer.from(text, 'utf8');
}

export function csvFiles(report: RenderableReport): ZipEntry[] {
  const c = report.content;
  const files: ZipEntry[] = [];
  files.push({
    path: 'summary.csv',
    data: toCsv(['field', 'value'], [
      ['title', c.title],
      ['framework', `${c.framework.name} (${c.framework.type} ${c.framework.version})`],
      ['periodStart', c.scope.period.start],
      ['periodEnd', c.scope.period.end],
      ['environment', c.scope.environment ?? 'all'],
      ['agents', c.scope.agentIds.length ? c.scope.agentIds.join(' ') : 'all'],
      ['dataSubject', c.scope.dataSubject ?? ''],
      ['score', c.score],
      ['grade', c.grade],
      ['summary', c.summary],
      ['reportId', report.id],
      ['completedAt', report.completedAt.toISOString()],
    ]),
  });
  files.push({
    path: 'findings.csv',
    data: toCsv(
      ['finding', 'section', 'controlId', 'controlTitle', 'status', 'severity', 'category', 'title', 'description', 'recommendation', 'metric', 'value', 'unit', 'evidenceSelector', 'evidence', 'evidenceKind', 'evidenceCount', 'populationCount'],
      c.findings.map((f) => [
        f.ordinal, f.section, f.controlId, f.controlTitle, STATUS_LABEL[f.status], f.severity, f.category, f.title, f.description, f.recommendation,
        f.metric, f.value, f.unit, f.evidenceSelector, isSelectorId(f.evidenceSelector) ? selectors[f.evidenceSelector].label : '', f.evidenceKind, f.evidenceCount, f.populationCount,
      ]),
    ),
  });
  files.push({
    path: 'score.csv',
    data: toCsv(['factor', 'label', 'value', 'weight', 'effectiveWeight', 'points', 'detail'], (c.scoreBreakdown?.factors ?? []).map((f) => [f.id, f.label, f.value, f.weight, f.effectiveWeight, f.points, f.detail])),
  });
  files.push({
    path: 'metrics.csv',
    data: toCsv(
      ['section', 'metric', 'label', 'value', 'unit', 'denominator', 'denominatorCount'],
      c.sections.flatMap((s) => s.metrics.map((m) => [s.title, m.id, m.label, m.value, m.unit, m.denominator?.label ?? null, m.denominator?.count ?? null])),
    ),
  });
  files.push({
    path: 'recommendations.csv',
    data: toCsv(['priority', 'controlId', 'status', 'severity', 'finding', 'recommendation'], c.recommendations.map((r, i) => [i + 1, r.controlId, STATUS_LABEL[r.status], r.severity, r.finding, r.text])),
  });
  const seen = new Set<string>();
  for (const section of c.sections) {
    for (const table of section.tables) {
      if (seen.has(table.id)) continue;
      seen.add(table.id);
      files.push({ path: `table-${table.id}.csv`, data: toCsv(table.columns, table.rows as Cell[][]) });
    }
  }
  files.push({
    path: 'integrity.csv',
    data: toCsv(['field', 'value'], [
      ['eventCount', c.integrity.eventCount],
      ['timeCoveragePercent', c.integrity.timeCoverage],
      ['observedFrom', c.integrity.observedFrom],
      ['observedUntil', c.integrity.observedUntil],
      ['gapThresholdMinutes', c.integrity.gapThresholdMinutes],
      ['gapCount', c.integrity.gapCount],
      ['gapSeconds', c.integrity.gapSeconds],
      ['watermark', c.watermark],
      ...c.integrity.completeness.map((note): Cell[] => ['completeness', note]),
      ['contentSha256', report.contentSha256],
      ['signatureAlgorithm', report.signature?.algorithm ?? null],
      ['signature', report.signature?.value ?? null],
      ['signatureKeyId', report.signature?.keyId ?? null],
      ['reproducedAt', report.reproduction?.checkedAt ?? null],
      ['reproducedIdentical', report.reproduction ? report.reproduction.identical : null],
      ['reproducedSha256', report.reproduction?.sha256 ?? null],
      ['reproduction', reproductionText(report)],
    ]),
  });
  files.push({ path: 'gaps.csv', data: toCsv(['start', 'end', 'seconds', 'reason'], c.integrity.gaps.map((g) => [g.start, g.end, g.seconds, g.reason])) });
  return files;
}

export function renderCsvZip(report: RenderableReport): Promise<Buffer> {
  return zipBuffers(csvFiles(report), report.completedAt);
}
