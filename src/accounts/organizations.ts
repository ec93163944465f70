import type { Db } from '../db/client.ts';
import { retryTransient } from '../db/transient.ts';
import { organizations } from '../db/schema.ts';
import { badInput } from '../errors.ts';
import { insertApiKey } from './api-keys.ts';

/** Creates an organisation with its first admin key (shown once). */
export async function createOrganization(db: Db, name: string) {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) throw badInput('name', 'the organisation name must be 1 to 200 characters');
  return retryTransient(() =>
    db.transaction(async (tx) => {
      const [organization] = await tx.insert(organizations).values({ name: trimmed }).returning();
      const { key, apiKey } = await insertApiKey(tx as unknown as Db, organization!.id, { name: 'admin', role: 'admin' });
      return { organization: organization!, apiKey: key, apiKeyRow: apiKey };
    }),
  );
}

export async function countOrganizations(db: Db): Promise<number> {
  return db.$count(organizations);
}
