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

export async function sweepOrphanedExports(services: Services, boss: Queue, olderThanMs = 10 * 60_000): Promise<string[]> {
  const t = dataExports;
  const candidates = await services.database.db
    .select({ id: t.id, orgId: t.orgId })
    .from(t)
    .where(and(inArray(t.status, [...ACTIVE]), isNull(t.deletedAt), lt(t.createdAt, new Date(Date.now() - olderThanMs))))
    .limit(1000);
  const failed: string[] = [];
  for (const { id, orgId } of candidates) {
    const because = await stoppedBecause(boss, EXPORT_QUEUE, { exportId: id });
    if (!because) continue;
    const message = `Export stopped: its job ${because}. Request the export again.`;
    if (await updateExport(services, orgId, id, inArray(t.status, [...ACTIVE]), failedSet(message))) failed.push(id);
  }
  return failed;
}

export async function sweepOrphanedPackages(services: Services, boss: Queue, olderThanMs = 10 * 60_000): Promise<string[]> {
  const t = compliancePackages;
  const candidates = await services.database.db
    .select({ id: t.id, orgId: t.orgId })
    .from(t)
    .where(and(inArray(t.status, [...ACTIVE]), isNull(t.deletedAt), lt(t.createdAt, new Date(Date.now() - olderThanMs))))
    .limit(1000);
  const failed: string[] = [];
  for (const { id, orgId } of candidates) {
    const because = await stoppedBecause(boss, PACKAGE_QUEUE, { packageId: id });
    if (!because) continue;
    const message = `Package stopped: its job ${because}. Request the package again.`;
    if (await updatePackage(services, orgId, id, inArray(t.status, [...ACTIVE]), failedSet(message))) failed.push(id);
  }
  return failed;
}
