/**
 * The compliance-package job: mark generating, wait for the parts and
 * assemble the files with progress published to every API process, finish
 * as completed or failed. A part that failed fails the package at once; any
 * other error is retried by pg-boss with backoff, and a retry rewrites the
 * files from the same parts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { JobWithMetadata } from 'pg-boss';
import { compliancePackages } from '../db/schema.ts';
import { buildPackage, PackageCancelled, PackageFailed, type PackageProgress } from '../packages/build.ts';
import { PACKAGE_QUEUE, updatePackage, type PackageRecord } from '../packages/packages.ts';
import type { Services } from '../services.ts';
import type { Queue } from '../queue.ts';

interface PackageJobData {
  orgId: string;
  packageId: string;
}

interface PackageJobHooks {
  /** After a package completed. Errors are logged, never fail the package. */
  afterComplete?: (row: PackageRecord) => Promise<void>;
}

export async function createPackageQueue(boss: Queue): Promise<void> {
  if (await boss.getQueue(PACKAGE_QUEUE)) return;
  await boss
    .createQueue(PACKAGE_QUEUE, { retryLimit: 2, retryDelay: 2, retryBackoff: true, expireInSeconds: 2 * 60 * 60, heartbeatSeconds: 10, notify: true })
    .catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
}

export async function startPackageWorker(boss: Queue, services: Services, hooks: PackageJobHooks = {}): Promise<string> {
  await createPackageQueue(boss);
  // Two at a time: a package mostly waits for its reports, which other workers build.
  return boss.work<PackageJobData>(PACKAGE_QUEUE, { batchSize: 1, localConcurrency: 2, includeMetadata: true, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs as Array<JobWithMetadata<PackageJobData>>) await runPackageJob(services, job, hooks);
  });
}

export async function runPackageJob(services: Services, job: { data: PackageJobData; retryCount: number; retryLimit: number }, hooks: PackageJobHooks = {}): Promise<void> {
  const { orgId, packageId } = job.data;
  const attempt = job.retryCount + 1;
  const started = await updatePackage(services, orgId, packageId, and(inArray(compliancePackages.status, ['pending', 'generating']), isNull(compliancePackages.deletedAt)), {
    status: 'generating',
    // A value, not now(): Citus refuses a non-immutable function inside coalesce in an UPDATE.
    startedAt: sql`coalesce(${compliancePackages.startedAt}, ${new Date().toISOString()}::timestamptz)`,
    progressStage: 'waiting',
    progressPercent: 1,
    progressMessage: attempt > 1 ? `Resuming (attempt ${attempt})` : 'Started',
  });
  if (!started) return;
  const generating = eq(compliancePackages.status, 'generating');
  const onProgress = async (p: PackageProgress) => {
    const row = await updatePackage(services, orgId, packageId, generating, { progressPercent: p.percent, progressStage: p.stage, progressMessage: p.message }, true);
    if (!row) throw new PackageCancelled();
  };
  const fail = (message: string) =>
    updatePackage(services, orgId, packageId, generating, { status: 'failed', error: message, progressStage: 'failed', progressMessage: message, completedAt: new Date() });
  let done: PackageRecord;
  try {
    done = await buildPackage(services, orgId, packageId, onProgress);
  } catch (error) {
    if (error instanceof PackageCancelled) return;
    if (error instanceof PackageFailed) {
      await fail(error.message);
      return;
    }
    const errorId = randomUUID().slice(0, 8);
    services.log.error('package failed', { packageId, errorId, attempt, err: error instanceof Error ? error : new Error(String(error)) });
    if (job.retryCount < job.retryLimit) {
      await updatePackage(services, orgId, packageId, generating, { progressMessage: `Attempt ${attempt} failed (error ${errorId}); retrying` }, true);
      throw error;
    }
    await fail(`Package failed after ${attempt} attempt${attempt > 1 ? 's' : ''} (error ${errorId}); the service log has the details.`);
    return;
  }
  services.log.info('package completed', { packageId, pdfBytes: done.pdfSizeBytes, zipBytes: done.zipSizeBytes });
  try {
    await hooks.afterComplete?.(done);
  } catch (error) {
    services.log.error('after-package hook failed', { packageId, err: error instanceof Error ? error : new Error(String(error)) });
  }
}
