/** Demo data through the real ingestion pipeline: what `npm start` and `seed` write. */
import { ingestRecords, type SourceRecord } from '../events/ingest.ts';
import type { Services } from '../services.ts';
import { generateDemoEvents, type DemoOptions } from './generator.ts';

export const DEMO_ORGANIZATION_NAME = 'Demo Corp';

/**
 * Seeds `events` demo events ending now (or at `end`). Event ids come from the
 * seed and the event's position, so seeding again with the same seed stores
 * nothing twice, whenever it runs.
 */
export async function seedDemoData(
  services: Services,
  orgId: string,
  options: Omit<DemoOptions, 'events'> & { events: number },
): Promise<{ accepted: number; duplicates: number }> {
  const events = generateDemoEvents({ ...options, end: options.end ?? new Date() });
  async function* source(): AsyncGenerator<SourceRecord> {
    let line = 0;
    for (const event of events) yield { line: ++line, event };
  }
  const result = await ingestRecords(services.database, orgId, source());
  if (result.rejectedCount) {
    // The generator only makes valid events; a rejection is a bug worth failing loudly on.
    throw new Error(`demo data rejected ${result.rejectedCount} events, first: ${JSON.stringify(result.rejected[0])}`);
  }
  return { accepted: result.accepted, duplicates: result.duplicates };
}
