/**
 * Every download format of a real completed report: the JSON is the hashed
 * canonical content, the CSV zip round-trips through a real CSV parser with
 * formula escaping intact, the Markdown and HTML keep markup as text, the
 * OSCAL validates against NIST's schema, and the PDF (Chromium) carries the
 * cover, the control table and the hash.
 */
import { publicBaseUrl } from '../src/config.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../src/db/schema.ts';
import { renderArtifacts, readArtifact } from '../src/render/artifacts.ts';
import { escapeCell } from '../src/render/csv.ts';
import { esc } from '../src/render/escape.ts';
import { mdText } from '../src/render/markdown.ts';
import { renderHtml } from '../src/render/html.ts';
import { canonicalReportBytes } from '../src/render/json.ts';
import { findReport, loadRenderable, type RenderableReport } from '../src/render/model.ts';
import { oscalControlId, renderOscal, uuidV5 } from '../src/render/oscal.ts';
import { closePdfRenderer, countPages, pdfRendererPid, renderPdf } from '../src/render/pdf.ts';
import { keyFingerprint } from '../src/reports/signing.ts';
import { completedReport, HOSTILE_AGENTS } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';

let app: TestApp;
let orgId: string;
let reportId: string;
let report: RenderableReport;

beforeAll(async () => {
  app = await startTestApp();
  orgId = (await app.newOrg('Render <Org>')).orgId;
  reportId = await completedReport(app.services, orgId);
  report = await loadRenderable(app.services, (await findReport(app.services, orgId, reportId))!);
});
afterAll(async () => {
  await closePdfRenderer();
  await app.close();
});

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('JSON', () => {
  it('is the canonical content whose SHA-256 is the stored content hash, signed', async () => {
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, reportId));
    const canonical = canonicalReportBytes(report);
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(row!.contentSha256);

    await renderArtifacts(app.services, reportId);
    const file = await readArtifact(app.services, orgId, reportId, 'json');
    // The hashed bytes appear in the download unchanged, right after `{"content":`.
    expect(file.subarray(11, 11 + canonical.length).equals(canonical)).toBe(true);
    const parsed = JSON.parse(file.toString('utf8'));
    expect(parsed.integrity.contentSha256).toBe(row!.contentSha256);
    expect(parsed.integrity.signature.keyId).toBe(row!.signatureKeyId);
    expect(parsed.integrity.signature.value).toBe(row!.signature);
  });
});

describe('CSV', () => {
  it('escapes text cells that a spreadsheet would run as formulas, and only those', () => {
    expect(escapeCell('=1+1')).toBe("'=1+1");
    expect(escapeCell('+1')).toBe("'+1");
    expect(escapeCell('-1')).toBe("'-1");
    expect(escapeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCell('\tx')).toBe("'\tx");
    expect(escapeCell('\rx')).toBe("'\rx");
    expect(escapeCell('plain =text')).toBe('plain =text');
    expect(escapeCell(-5)).toBe(-5);
  });

  it('is a zip of one CSV per table that round-trips through csv-parse with the escaping intact', async () => {
    await renderArtifacts(app.services, reportId);
    const files = await unzip(await readArtifact(app.services, orgId, reportId, 'csv'));
    expect([...files.keys()].sort()).toEqual(
      ['findings.csv', 'gaps.csv', 'integrity.csv', 'metrics.csv', 'recommendations.csv', 'score.csv', 'summary.csv', 'table-agent_drift.csv', 'table-agent_risk.csv', 'table-decisions_by_category.csv', 'table-decisions_by_day.csv', 'table-risk_distribution.csv'].sort(),
    );
    const parseCsv = (name: string) => parse(files.get(name)!, { bom: true, columns: true, relax_column_count: false }) as Array<Record<string, string>>;

    const findings = parseCsv('findings.csv');
    expect(findings).toHaveLength(report.content.findings.length);
    expect(findings[0]!['controlId']).toBe(report.content.findings[0]!.controlId);
    expect(findings.map((f) => f.status)).toEqual(report.content.findings.map((f) => ({ pass: 'PASS', warn: 'WARN', fail: 'FAIL', not_applicable: 'N/A' })[f.status]));

    const agents = parseCsv('table-agent_risk.csv').map((r) => r.agent);
    expect(agents).toHaveLength(HOSTILE_AGENTS.length);
    expect(agents).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(agents).toContain(`'@SUM(A1:A9)`);
    expect(agents).toContain(`'+cmd|calc`);
    expect(agents).toContain('<script>alert(1)</script>');
    expect(agents.filter((a) => /^[=+\-@\t\r]/.test(a ?? ''))).toEqual([]);

    const integrity = Object.fromEntries(parseCsv('integrity.csv').filter((r) => r.field !== 'completeness').map((r) => [r.field, r.value]));
    expect(integrity.contentSha256).toBe(report.contentSha256);
    expect(Number(integrity.eventCount)).toBe(report.content.integrity.eventCount);
    const metrics = parseCsv('metrics.csv');
    expect(metrics.length).toBe(report.content.sections.reduce((n, s) => n + s.metrics.length, 0));
  });
});

describe('Markdown', () => {
  it('has headings per section, PASS/WARN/FAIL findings, the integrity hash, and no live markup', async () => {
    await renderArtifacts(app.services, reportId);
    const md = (await readArtifact(app.services, orgId, reportId, 'md')).toString('utf8');
    for (const s of report.content.sections) expect(md).toContain(`## ${mdText(s.title)}`);
    expect(md).toMatch(/#### (PASS|WARN|FAIL|N\/A) · /);
    expect(md).toContain('## Data integrity');
    expect(md).toContain(report.contentSha256);
    expect(md).toContain(report.signature!.value);
    // Human headers (the machine ids stay in JSON and CSV); the key and the commands to check the signature with openssl.
    expect(md).toContain('| Agent | Events | Sessions | Deny rate (%) |');
    expect(md).not.toMatch(/\| (denyRatePercent|dlpEvents) \|/);
    expect(md).toContain(report.signature!.publicKeyPem.trim());
    expect(md).toContain(`| Key fingerprint (SHA-256) | ${keyFingerprint(report.signature!.publicKeyPem)} |`);
    expect(md).toContain(`printf %s ${report.contentSha256} > hash.txt\nprintf %s ${report.signature!.value} | base64 -d > hash.sig\nopenssl pkeyutl -verify`);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('HTML', () => {
  it('escapes every piece of text: a <script> agent or title never becomes markup', () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>October</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('SOC 2 &lt;b&gt;October&lt;/b&gt; &amp; &quot;Q4&quot;');
    expect(html).toContain('Render &lt;Org&gt;');
  });

  it('has a cover, contents, the charts as inline SVG, human column labels and the control → evidence table', () => {
    const html = renderHtml(report);
    expect(html).toContain('class="page cover"');
    expect(html).toContain('<h2>Contents</h2>');
    expect(html).toContain('aria-label="Policy decisions per day"');
    expect(html).toContain('aria-label="Risk distribution of agents"');
    expect(html).toContain('aria-label="Findings by status"');
    // How the score is made up: one row per factor, on the cover.
    const factors = html.slice(html.indexOf('<table class="score-factors">'), html.indexOf('</table>', html.indexOf('<table class="score-factors">')));
    expect(factors.match(/<tr><td>/g)).toHaveLength(5);
    expect(factors).toContain('<td>Policy coverage (agent decisions by an explicit policy)</td>');
    // Stacked bars: one rect per non-zero decision kind per day, together the table's decisions.
    const decisionsSvg = html.slice(html.indexOf('aria-label="Policy decisions per day"'), html.indexOf('</svg>', html.indexOf('aria-label="Policy decisions per day"')));
    const bars = [...decisionsSvg.matchAll(/<rect [^>]*data-value="(\d+)"[^>]*><title>/g)].map((m) => Number(m[1]));
    expect(bars.length).toBeGreaterThan(31);
    const days = report.content.sections.flatMap((s) => s.tables).find((t) => t.id === 'decisions_by_day')!;
    const decisions = (days.rows as number[][]).reduce((sum, r) => sum + ['allow', 'deny', 'alert', 'hold'].reduce((s, k) => s + Number(r[days.columns.indexOf(k)]), 0), 0);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(decisions);
    // Human headers, not the JSON keys; the agent-risk explanation under its row.
    expect(html).toContain('>Deny rate (%)</th>');
    expect(html).not.toMatch(/<th[^>]*>(denyRatePercent|dlpEvents|evidencedHere|explanation)</);
    expect(html).toMatch(/<tr class="note"><td colspan="\d+">Why this risk: /);
    // The integrity section names the key's fingerprint and how to check the signature with openssl alone.
    expect(html).toContain(`<td>Key fingerprint (SHA-256)</td><td class="hash">${keyFingerprint(report.signature!.publicKeyPem)}</td>`);
    expect(html).toContain(`printf %s ${report.contentSha256} &gt; hash.txt\nprintf %s ${esc(report.signature!.value)} | base64 -d &gt; hash.sig`);
    expect(html).toContain('Controls and their evidence');
    for (const f of report.content.findings) expect(html).toContain(`<td class="nowrap">${f.controlId}</td>`);
  });
});

describe('OSCAL', () => {
  const schema = JSON.parse(readFileSync(new URL('./fixtures/oscal/oscal_assessment-results_schema.v1.2.1.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ allErrors: true });
  // CommonJS default export: the function itself at run time, typed as the module.
  (ajvFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile(schema);

  it('validates against NIST\'s OSCAL 1.2.1 assessment-results schema', () => {
    const doc = JSON.parse(renderOscal(report).toString('utf8'));
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator rejects a broken document (the test can fail)', () => {
    const doc = JSON.parse(renderOscal(report).toString('utf8'));
    doc['assessment-results'].results[0].findings[0].target.status.state = 'partially-satisfied';
    delete doc['assessment-results'].results[0].start;
    expect(validate(doc)).toBe(false);
  });

  it('maps every finding to a control objective, an observation and an evidence link, with stable UUIDs', () => {
    const doc = JSON.parse(renderOscal(report).toString('utf8'));
    const result = doc['assessment-results'].results[0];
    const controls = result['reviewed-controls']['control-selections'][0]['include-controls'].map((c: { 'control-id': string }) => c['control-id']);
    expect(controls).toEqual([...new Set(report.content.findings.map((f) => oscalControlId(f.controlId)))]);
    expect(result.findings).toHaveLength(report.content.findings.length);
    expect(result.observations).toHaveLength(report.content.findings.length);
    const first = report.content.findings[0]!;
    expect(result.findings[0].target).toMatchObject({ type: 'objective-id', 'target-id': `${oscalControlId(first.controlId)}_obj` });
    expect(result.findings[0].target.status.state).toBe(first.status === 'pass' || first.status === 'not_applicable' ? 'satisfied' : 'not-satisfied');
    expect(result.observations[0]['relevant-evidence'][0].href).toBe(`${publicBaseUrl(app.services.config)}/reports/${reportId}/findings/${first.ordinal}/evidence`);
    expect(result.observations[0]['relevant-evidence'][0].href).toMatch(/^https?:\/\//);
    expect(result.findings[0]['related-observations'][0]['observation-uuid']).toBe(result.observations[0].uuid);
    expect(renderOscal(report).equals(renderOscal(report))).toBe(true);
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(oscalControlId('Art. 30')).toBe('art._30');
  });
});

describe('PDF', () => {
  it('renders with Chromium: cover title, control table, content hash, page numbers; markup stays text', async () => {
    const { pdf, pageCount } = await renderPdf(app.services.config, report);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(pageCount).toBe(doc.numPages);
    expect(pageCount).toBeGreaterThan(3);
    const { text } = await extractText(doc, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('SOC 2 <b>October</b> & "Q4"');
    expect(flat).toContain('Controls and their evidence');
    expect(flat).toContain(report.content.findings[0]!.controlId);
    const dense = flat.replace(/\s/g, '');
    expect(dense).toContain('<script>alert(1)</script>');
    expect(dense).toContain(report.contentSha256);
    expect(flat).toMatch(/Page 1 of \d+/);
    expect(flat).toContain(`Page ${pageCount} of ${pageCount}`);
  });

  it('prints on the contents page, for each entry, the page on which that heading stands', async () => {
    const { pdf } = await renderPdf(app.services.config, report);
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    // Each page's text lines (pdf.js items joined by their end-of-line marks).
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const items = (await (await doc.getPage(n)).getTextContent()).items as Array<{ str: string; hasEOL: boolean }>;
      pages.push(items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join('').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean));
    }
    const contentsPage = pages.findIndex((lines) => lines.includes('Contents'));
    expect(contentsPage).toBe(1);
    const titles = ['Summary', ...report.content.sections.map((s) => s.title), 'Controls and their evidence', 'Recommendations', 'Data integrity'];
    for (const title of titles) {
      // A line of the list: its item number, the title, the page number.
      const entry = new RegExp(`^(?:\\d+\\.\\s*)?${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\d+)$`);
      const printed = pages[contentsPage]!.map((l) => entry.exec(l)?.[1]).find(Boolean);
      expect(printed, `contents entry "${title}" with a page number`).toBeDefined();
      // The heading's page: the first page after the contents on which the title stands as a line of its own.
      const actual = pages.findIndex((lines, i) => i > contentsPage && lines.includes(title)) + 1;
      expect(actual, `heading "${title}" found`).toBeGreaterThan(contentsPage + 1);
      expect(Number(printed), `page printed for "${title}"`).toBe(actual);
    }
  });

  it('is stored whole although written in slices: the bytes match the recorded size and hash', async () => {
    const [meta] = (await renderArtifacts(app.services, reportId)).filter((a) => a.format === 'pdf');
    const stored = await readArtifact(app.services, orgId, reportId, 'pdf');
    // More than one 256 KiB slice, so the appending is exercised.
    expect(stored.length).toBeGreaterThan(256 * 1024);
    expect(stored.length).toBe(meta!.sizeBytes);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(meta!.sha256);
    expect(stored.subarray(0, 4).toString()).toBe('%PDF');
    expect(stored.subarray(-6).toString()).toContain('%%EOF');
  });

  it('reuses one browser: a second render runs in the same renderer and the same Chromium', async () => {
    await renderPdf(app.services.config, report);
    const renderer = pdfRendererPid();
    const browsers = childrenOf(renderer!);
    expect(browsers.length).toBeGreaterThan(0);
    const { pdf } = await renderPdf(app.services.config, report);
    expect(countPages(pdf)).toBeGreaterThan(0);
    // A relaunch would show as another renderer or another browser process (time is the bench's to measure).
    expect(pdfRendererPid()).toBe(renderer);
    expect(childrenOf(renderer!)).toEqual(browsers);
  });

  it('renders in a process of its own, started again when it died', async () => {
    await renderPdf(app.services.config, report);
    const first = pdfRendererPid();
    expect(first).not.toBeNull();
    expect(first).not.toBe(process.pid);
    const exited = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (pdfRendererPid() === null) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    process.kill(first!, 'SIGKILL');
    await exited;
    const { pdf, pageCount } = await renderPdf(app.services.config, report);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pageCount).toBeGreaterThan(3);
    expect(pdfRendererPid()).not.toBe(first);
  });
});

/** Direct child processes of a pid, from /proc (the renderer's Chromium). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children.sort((x, y) => x - y);
}
