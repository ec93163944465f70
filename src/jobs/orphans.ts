/**
 * Exports and packages whose job is gone: the report sweep's twin for the two
 * other kinds of background work. A job whose every attempt failed before it
 * could mark its row (the database unreachable, say) left that row pending for
 * ever, its progress stream open and its requester waiting. Only rows older
 * than `olderThanMs` are looked at: a row and its job commit together, so a
 * younger row is one whose job may not be visible yet.
 */
import { and, inArray, isNull, lt } from 'drizzle-orm';
import { compliancePackages, dataExports } from '../db/schema.ts';
import { EXPORT_QUEUE, updateExport } from '../exports/exports.ts';
import { PACKAGE_QUEUE, updatePackage } from '../packages/packages.ts';
import type { Queue } from '../queue.ts';
import type { Services } from '../services.ts';

const ACTIVE = ['pending', 'generating'] as const;
const ALIVE = new Set(['created', 'retry', 'active']);

/** Why the job of a row is no longer working on it, or null while one still is. */
async function stoppedBecause(boss: Queue, queue: string, data: Record<string, string>): Promise<string | null> {
  const jobs = await boss.findJobs(queue, { data });
  if (jobs.some((job) => ALIVE.has(job.state))) return null;
  const last = jobs.at(-1);
  return last ? `ended (${last.state}) without finishing it` : 'no longer exists';
}

const failedSet = (message: string) => ({ status: 'failed' as const, error: message, progressStage: 'failed', progressMessage: message, completedAt: new Date() });

/** One kind of background work: its table, its job queue and how its job names a row, and how a row is failed. */
interface Kind {
  table: typeof dataExports | typeof compliancePackages;
  queue: string;
  jobKey: string;
  noun: string;
  fail(services: Services, orgId: string, id: string, message: string): Promise<unknown>;
}

const EXPORTS: Kind = {
  table: dataExports, queue: EXPORT_QUEUE, jobKey: 'exportId', noun: 'export',
  fail: (services, orgId, id, message) => updateExport(services, orgId, id, inArray(dataExports.status, [...ACTIVE]), failedSet(message)),
};
const PACKAGES: Kind = {
  table: compliancePackages, queue: PACKAGE_QUEUE, jobKey: 'packageId', noun: 'package',
  fail: (services, orgId, id, message) => updatePackage(services, orgId, id, inArray(compliancePackages.status, [...ACTIVE]), failedSet(message)),
};

async function sweep(kind: Kind, services: Services, boss: Queue, olderThanMs: number): Promise<string[]> {
  const t = kind.table;
  const candidates = await services.database.db
    .select({ id: t.id, orgId: t.orgId })
    .from(t)
    .where(and(inArray(t.status, [...ACTIVE]), isNull(t.deletedAt), lt(t.createdAt, new Date(Date.now() - olderThanMs))))
    .limit(1000);
  const failed: string[] = [];
  for (const { id, orgId } of candidates) {
    const because = await stoppedBecause(boss, kind.queue, { [kind.jobKey]: id });
    if (!because) continue;
    const title = kind.noun[0]!.toUpperCase() + kind.noun.slice(1);
    if (await kind.fail(services, orgId, id, `${title} stopped: its job ${because}. Request the ${kind.noun} again.`)) failed.push(id);
  }
  return failed;
}

export const sweepOrphanedExports = (services: Services, boss: Queue, olderThanMs = 10 * 60_000) => sweep(EXPORTS, services, boss, olderThanMs);
export const sweepOrphanedPackages = (services: Services, boss: Queue, olderThanMs = 10 * 60_000) => sweep(PACKAGES, services, boss, olderThanMs);
