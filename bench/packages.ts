/**
 * The compliance-package half of `npm run bench`: a package of N frameworks
 * over the whole bench period, built by a real worker process, as a ratio to
 * its floor measured in the same run: the same N reports requested one after
 * another, each timed from request until it is completed with all its files
 * rendered (what a package needs of it), summed. One report of another type
 * runs first, untimed, so neither side pays the rollup refresh after the
 * ingest or the browser's start.
 */
import { STORED_FORMATS } from '../src/render/model.ts';
import { withWorker, type WorkerBenchOptions } from './harness.ts';

export const PACKAGE_FRAMEWORKS = ['soc2', 'governance', 'gdpr', 'iso27001'];

export interface PackageFigures {
  frameworks: string[];
  /** Each report alone, request to completed with its files rendered. */
  reports: Array<{ type: string; seconds: number }>;
  sumSeconds: number;
  package: { seconds: number; pdfPages: number; pdfMiB: number; zipMiB: number };
  ratioToSum: number;
}

const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;
const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

export function benchPackages(options: WorkerBenchOptions): Promise<PackageFigures> {
  const { orgId } = options;
  return withWorker(options, async ({ gql, database, period: bounds }) => {
    const period = { start: bounds.start.toISOString(), end: bounds.end.toISOString() };

    const report = async (type: string) => {
      const started = performance.now();
      const { generateReport } = await gql('mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }', { input: { type, period } });
      const id = uuidOf(generateReport.id as string);
      for (;;) {
        const [row] = await database.sql`
          select r.status, r.error, (select count(*)::int from report_artifacts a where a.org_id = r.org_id and a.report_id = r.id) as files
          from reports r where r.org_id = ${orgId} and r.id = ${id}`;
        if (row!.status === 'failed') throw new Error(`report ${type} failed: ${row!.error}`);
        if (row!.status === 'completed' && row!.files === STORED_FORMATS.length) break;
        await pause();
      }
      return Number(((performance.now() - started) / 1000).toFixed(2));
    };
    // Not timed: the first report refreshes the rollups after the ingest and starts Chromium, which neither side should pay.
    await report('audit_summary');
    const reports: PackageFigures['reports'] = [];
    for (const type of PACKAGE_FRAMEWORKS) reports.push({ type, seconds: await report(type) });
    const sumSeconds = Number(reports.reduce((s, r) => s + r.seconds, 0).toFixed(2));

    const started = performance.now();
    const { requestCompliancePackage } = await gql('mutation($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id } }', {
      input: { frameworks: PACKAGE_FRAMEWORKS, period },
    });
    const id = uuidOf(requestCompliancePackage.id as string);
    let row: Record<string, unknown>;
    for (;;) {
      [row] = (await database.sql`
        select status, error, pdf_page_count, pdf_size_bytes::float8 as pdf, zip_size_bytes::float8 as zip
        from compliance_packages where org_id = ${orgId} and id = ${id}`) as unknown as [Record<string, unknown>];
      if (row.status === 'failed') throw new Error(`package failed: ${row.error}`);
      if (row.status === 'completed') break;
      await pause();
    }
    const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
    // The bench's database keeps only the figures, not the files.
    await database.sql`delete from package_files where org_id = ${orgId} and package_id = ${id}`;
    return {
      frameworks: PACKAGE_FRAMEWORKS,
      reports,
      sumSeconds,
      package: { seconds, pdfPages: Number(row.pdf_page_count), pdfMiB: Number((Number(row.pdf) / 1048576).toFixed(1)), zipMiB: Number((Number(row.zip) / 1048576).toFixed(1)) },
      ratioToSum: Number((seconds / sumSeconds).toFixed(2)),
    };
  });
}

export function packageRows(p: PackageFigures): Array<[string, string]> {
  return [
    ...p.reports.map((r): [string, string] => [`package floor: ${r.type} report alone (files rendered)`, `${r.seconds} s`]),
    [`package floor: the ${p.frameworks.length} reports one after another`, `${p.sumSeconds} s`],
    [`compliance package of ${p.frameworks.length} frameworks (PDF ${p.package.pdfPages} pages, ${p.package.pdfMiB} MiB; zip ${p.package.zipMiB} MiB)`, `${p.package.seconds} s = ${p.ratioToSum}x the sum of its reports`],
  ];
}
