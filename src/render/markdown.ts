/**
 * Markdown: headings per section, findings with PASS/WARN/FAIL/N/A, metrics,
 * tables, recommendations and the integrity section. Text from events (agent
 * ids, titles) is escaped so it renders as text, never as markup or HTML.
 */
import { formatDenominator, formatValue } from '../reports/summary.ts';
import { isSelectorId, selectors } from '../library/selectors.ts';
import { formatCell, tableLayout } from './labels.ts';
import { reproductionText, standardToolsCheck, STATUS_LABEL, type RenderableReport } from './model.ts';

/** Escapes Markdown and inline-HTML syntax; newlines become spaces (cells and headings are one line). */
export function mdText(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    // Only at the start of a line do these open a heading, list or quote.
    .replace(/^([#+\-=])/, '\\$1');
}

function mdTable(header: string[], rows: unknown[][]): string {
  if (!rows.length) return '_None._\n';
  const line = (cells: unknown[]) => `| ${cells.map(mdText).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}

/** A report table with human headers and readable figures (the machine ids stay in JSON and CSV); a note column stays a column. */
function labelledTable(columns: string[], rows: unknown[][]): string {
  const { shown, noteIndex, noteLabel } = tableLayout(columns);
  const header = [...shown.map((c) => c.label), ...(noteLabel === null ? [] : [noteLabel])];
  return mdTable(header, rows.map((r) => [...shown.map((c) => formatCell(r[c.index], c.unit)), ...(noteIndex === null ? [] : [formatCell(r[noteIndex])])]));
}

export function renderMarkdown(report: RenderableReport): Buffer {
  const c = report.content;
  const out: string[] = [];
  const period = `${c.scope.period.start.slice(0, 10)} to ${c.scope.period.end.slice(0, 10)} (end exclusive)`;
  out.push(`# ${mdText(c.title)}\n`);
  out.push(
    mdTable(['', ''], [
      ['Framework', `${c.framework.name} (${c.framework.version})`],
      ['Organisation', report.organizationName],
      ['Period', period],
      ['Environment', c.scope.environment ?? 'all'],
      ['Agents', c.scope.agentIds.length ? c.scope.agentIds.join(', ') : 'all'],
      ...(c.scope.dataSubject ? [['Data subject', c.scope.dataSubject]] : []),
      ['Score', c.score === null ? 'n/a' : `${c.score} / 100`],
      ['Grade', c.grade ?? 'n/a'],
      ['Report id', report.id],
      ['Completed', report.completedAt.toISOString()],
    ]),
  );
  out.push(`## Summary\n\n${mdText(c.summary)}\n`);
  const factors = c.scoreBreakdown?.factors ?? [];
  if (factors.length) {
    out.push(`## How the score is made up\n`);
    out.push(mdTable(['Factor', 'Value', 'Weight', 'Points', 'What was measured'], factors.map((f) => [f.label, f.value === null ? 'n/a (not counted)' : `${f.value} / 100`, `${f.effectiveWeight}% (nominal ${f.weight}%)`, String(f.points), f.detail])));
  }

  const byOrdinal = new Map(c.findings.map((f) => [f.ordinal, f]));
  for (const section of c.sections) {
    out.push(`## ${mdText(section.title)}\n\n${mdText(section.description)}\n`);
    if (section.metrics.length) {
      out.push(`### Metrics\n`);
      out.push(mdTable(['Metric', 'Value', 'Denominator (rates)'], section.metrics.map((m) => [m.label, formatValue(m.value, m.unit), formatDenominator(m.denominator)])));
    }
    for (const table of section.tables) {
      out.push(`### ${mdText(table.title)}\n`);
      out.push(labelledTable(table.columns, table.rows as unknown[][]));
      if (table.truncated) out.push(`_Showing ${table.truncated.shown} of ${table.truncated.total} rows._\n`);
    }
    if (section.findings.length) out.push(`### Findings\n`);
    for (const ordinal of section.findings) {
      const f = byOrdinal.get(ordinal);
      if (!f) continue;
      const evidence = isSelectorId(f.evidenceSelector) ? selectors[f.evidenceSelector].label : f.evidenceSelector;
      out.push(`#### ${STATUS_LABEL[f.status]} · ${mdText(f.controlId)} · ${mdText(f.title)}\n`);
      out.push(`- **Status:** ${STATUS_LABEL[f.status]}  \n- **Severity:** ${f.severity}  \n- **Control:** ${mdText(f.controlId)} ${mdText(f.controlTitle)}  \n- **Value:** ${mdText(formatValue(f.value, f.unit))}  \n- **Evidence:** ${f.evidenceCount.toLocaleString('en-US')} events (${mdText(evidence)}), finding ${f.ordinal}\n`);
      out.push(`${mdText(f.description)}\n`);
      if (f.recommendation) out.push(`> **Recommendation:** ${mdText(f.recommendation)}\n`);
    }
  }

  out.push(`## Recommendations\n`);
  out.push(c.recommendations.length ? c.recommendations.map((r, i) => `${i + 1}. **${STATUS_LABEL[r.status]} ${mdText(r.controlId)}** (${r.severity}, finding ${r.finding}): ${mdText(r.text)}`).join('\n') + '\n' : '_No check warned or failed._\n');

  const i = c.integrity;
  out.push(`## Data integrity\n`);
  out.push(
    mdTable(['', ''], [
      ['Events analysed', i.eventCount.toLocaleString('en-US')],
      ['Time coverage', i.timeCoverage === null ? 'n/a' : `${i.timeCoverage}%`],
      ['Observed', `${i.observedFrom} to ${i.observedUntil}`],
      ['Monitoring gaps', `${i.gapCount} (longer than ${i.gapThresholdMinutes} minutes), ${Math.round(i.gapSeconds / 60)} minutes in total`],
      ['Watermark (last event sequence read)', c.watermark],
      ['Event chain head', c.integrity.chain?.head ? `link ${c.integrity.chain.link}: ${c.integrity.chain.head}` : 'not recorded'],
      ['Content SHA-256 (RFC 8785 canonical JSON)', report.contentSha256],
      ['Signature (Ed25519, base64)', report.signature?.value ?? 'unsigned'],
      ['Signing key id', report.signature?.keyId ?? 'n/a'],
      ['Key fingerprint (SHA-256)', standardToolsCheck(report)?.fingerprint ?? 'n/a'],
      ['Reproduced at its watermark', reproductionText(report)],
    ]),
  );
  if (i.gaps.length) {
    out.push(`### Gaps\n`);
    out.push(mdTable(['Start', 'End', 'Minutes', 'Reason'], i.gaps.map((g) => [g.start, g.end, Math.round(g.seconds / 60), g.reason])));
  }
  out.push(i.completeness.map((n) => `- ${mdText(n)}`).join('\n') + '\n');
  const check = standardToolsCheck(report);
  if (report.signature && check) {
    out.push(`Check the signature with standard tools alone (OpenSSL 3, coreutils): save this public key as \`key.pem\`:\n`);
    out.push(`\`\`\`\n${report.signature.publicKeyPem.trim()}\n\`\`\`\n`);
    out.push(`Its fingerprint, which must be the one above and the one the organisation gave you: \`${check.keyCommand}\`. Then this must print "Signature Verified Successfully":\n`);
    out.push(`\`\`\`sh\n${check.signatureCommands}\n\`\`\`\n`);
    out.push(`The evidence bundle's README checks every file of the report the same way (\`sha256sum\`, \`openssl\`).\n`);
  }
  return Buffer.from(out.join('\n'), 'utf8');
}
