/**
 * `generate`: one report from the command line, for cron jobs. Requests the
 * report, works its job in this process (so it needs no running worker; a
 * running worker may take it just as well), follows its progress over
 * LISTEN/NOTIFY with a periodic re-read as a safety net, and writes the file.
 * Progress goes to stderr (one updating line on a terminal, plain lines
 * otherwise), the result to stdout; the exit code says whether it worked.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, createWriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { organizations } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { getFramework, validateScope } from '../frameworks/index.ts';
import { isUuid } from '../ids.ts';
import { startJobRuntime } from '../jobs/runtime.ts';
import { ensureArtifact, readArtifact } from '../render/artifacts.ts';
import { bundleStream } from '../render/bundle.ts';
import { findReport, FORMATS, isFormat, type Format } from '../render/model.ts';
import { closePdfRenderer } from '../render/pdf.ts';
import { createReport, getReport } from '../reports/lifecycle.ts';
import type { Services } from '../services.ts';

interface GenerateArgs {
  type?: string;
  from?: string;
  to?: string;
  environment?: string;
  format?: string;
  out?: string;
  org?: string;
  subject?: string;
  agent?: string[];
  timeout?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The arguments, checked before anything starts (no database is opened for a bad command line). */
interface GenerateOptions {
  type: string;
  period: { start: Date; end: Date };
  environment: string | null;
  format: Format;
  out: string;
  org: string | undefined;
  dataSubject: string | null;
  agentIds: string[];
  timeoutSeconds: number;
  json: boolean;
  quiet: boolean;
}

interface Terminal {
  out: (line: string) => void;
  /** Progress output; `tty` makes it one updating line. */
  progress: NodeJS.WritableStream & { isTTY?: boolean };
}

export class UsageError extends Error {}

const FINAL = new Set(['completed', 'failed', 'cancelled', 'expired']);
const POLL_MS = 2_000;

/** Dates as YYYY-MM-DD (midnight UTC) or full ISO 8601 instants. */
function parseInstant(value: string | undefined, flag: string): Date {
  if (!value) throw new UsageError(`${flag} is required (YYYY-MM-DD or an ISO 8601 instant)`);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} "${value}" is not a date (YYYY-MM-DD or an ISO 8601 instant)`);
  return date;
}

export function parseGenerateArgs(args: GenerateArgs): GenerateOptions {
  if (!args.type) throw new UsageError('--type is required, e.g. --type soc2');
  if (!args.out) throw new UsageError('--out FILE is required');
  const format = args.format ?? 'pdf';
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const period = { start: parseInstant(args.from, '--from'), end: parseInstant(args.to, '--to') };
  const timeoutSeconds = args.timeout === undefined ? 3600 : Number(args.timeout);
  if (!(Number.isInteger(timeoutSeconds) && timeoutSeconds > 0)) throw new UsageError('--timeout must be a positive whole number of seconds');
  if (period.start >= period.end) throw new UsageError(`--from ${args.from} must be before --to ${args.to} (--to is exclusive)`);
  if (args.org !== undefined && !isUuid(args.org)) throw new UsageError('--org must be an organisation id (a UUID, as printed by org create)');
  if (args.subject !== undefined && !args.subject.trim()) throw new UsageError('--subject needs the data subject\'s identifier, as the events name it');
  // Built-in types only: custom ones are loaded with the services, and the request checks their scope.
  const framework = getFramework(args.type);
  if (framework && validateScope(framework, { dataSubject: args.subject, agentIds: args.agent })) {
    throw new UsageError(`--type ${args.type} needs --subject ID (the data subject it is about) or --agent ID (repeatable: the agents)`);
  }
  // Found out before the report is built, not after: the directory must exist and take the file.
  const dir = path.dirname(path.resolve(args.out));
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${args.out}: cannot write into ${dir} (does the directory exist?)`);
  }
  return {
    type: args.type,
    period,
    environment: args.environment ?? null,
    format,
    out: args.out,
    org: args.org,
    dataSubject: args.subject?.trim() ?? null,
    agentIds: args.agent ?? [],
    timeoutSeconds,
    json: args.json ?? false,
    quiet: args.quiet ?? false,
  };
}

export async function generateCommand(services: Services, options: GenerateOptions, terminal: Terminal): Promise<number> {
  const { format, period } = options;
  const orgId = await resolveOrganization(services, options.org);
  const deadline = Date.now() + options.timeoutSeconds * 1000;

  const stop = await startJobRuntime(services, { work: true, listen: true, concurrency: 1 });
  const changes = services.realtime.subscribe({ orgId });
  const progress = progressPrinter(terminal.progress, options.quiet);
  try {
    let report;
    try {
      report = await createReport(services, { orgId, name: 'cli', actorId: 'cli' }, {
        type: options.type,
        period,
        environment: options.environment,
        agentIds: options.agentIds,
        dataSubject: options.dataSubject,
      });
    } catch (error) {
      if (error instanceof DomainError) {
        terminal.progress.write(`error: ${error.field ? `${error.field}: ` : ''}${error.message}\n`);
        return 1;
      }
      throw error;
    }
    progress(`report ${report.id} requested`, report.progressPercent, report.progressStage);
    while (!FINAL.has(report.status)) {
      if (Date.now() > deadline) {
        progress.end();
        terminal.progress.write(`error: timed out after ${options.timeoutSeconds} s; report ${report.id} is still ${report.status} and continues on any worker\n`);
        return 1;
      }
      await nextChange(changes, report.id, Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
      report = await getReport(services.database.db, orgId, report.id);
      progress(report.progressMessage, report.progressPercent, report.progressStage);
    }
    progress.end();
    if (report.status !== 'completed') {
      terminal.progress.write(`error: report ${report.id} ${report.status}${report.error ? `: ${report.error}` : ''}\n`);
      return 1;
    }
    const written = await writeReportFile(services, orgId, report.id, format, options.out);
    if (options.json) {
      terminal.out(JSON.stringify({ reportId: report.id, status: report.status, score: report.score, grade: report.grade, format, file: options.out, ...written }));
    } else {
      terminal.out(`${options.out}: ${report.title}, score ${report.score ?? 'n/a'} (${report.grade ?? 'n/a'}), ${written.sizeBytes} bytes, sha256 ${written.sha256}`);
    }
    return 0;
  } finally {
    await changes.return?.();
    await stop();
    await closePdfRenderer();
  }
}

async function resolveOrganization(services: Services, org: string | undefined): Promise<string> {
  const rows = await services.database.db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  if (org) {
    const match = rows.find((r) => r.id === org);
    if (!match) throw new UsageError(`--org ${org}: no such organisation`);
    return match.id;
  }
  if (rows.length === 1) return rows[0]!.id;
  if (!rows.length) throw new UsageError('the database has no organisation yet: create one with `org create --name NAME`');
  throw new UsageError(`the database has ${rows.length} organisations: pass --org ID`);
}

/** Resolves on the report's next change, or after `ms` (the re-read catches anything a lost notification hid). */
async function nextChange(changes: AsyncIterator<{ reportId: string }>, reportId: string, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  const change = (async () => {
    for (;;) {
      const next = await Promise.race([changes.next(), timeout.then(() => null)]);
      if (!next || next.done || next.value.reportId === reportId) return;
    }
  })();
  await Promise.race([change, timeout]);
  clearTimeout(timer);
}

async function writeReportFile(services: Services, orgId: string, reportId: string, format: Format, out: string): Promise<{ sizeBytes: number; sha256: string }> {
  const row = await findReport(services, orgId, reportId);
  if (!row) throw new Error(`report ${reportId} disappeared`);
  if (format === 'bundle') {
    // The bundle is assembled as it streams: hash the bytes on their way to the file.
    const hash = createHash('sha256');
    const tap = new Transform({ transform: (chunk: Buffer, _encoding, done) => { hash.update(chunk); done(null, chunk); } });
    await pipeline(await bundleStream(services, row), tap, createWriteStream(out));
    return { sizeBytes: (await stat(out)).size, sha256: hash.digest('hex') };
  }
  const meta = await ensureArtifact(services, row, format);
  await writeFile(out, await readArtifact(services, orgId, reportId, format));
  return { sizeBytes: meta.sizeBytes, sha256: meta.sha256 };
}

function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }, quiet: boolean) {
  let last = '';
  let open = false;
  const print = (message: string, percent: number, stage: string) => {
    if (quiet) return;
    const line = `[${String(percent).padStart(3)}%] ${stage}: ${message}`;
    if (line === last) return;
    last = line;
    if (stream.isTTY) {
      const width = (stream as { columns?: number }).columns ?? 100;
      stream.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
      open = true;
    } else {
      stream.write(`${line}\n`);
    }
  };
  print.end = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return print;
}
