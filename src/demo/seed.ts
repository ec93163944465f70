import type { Services } from '../services.ts';

export const DEMO_ORGANIZATION_NAME = 'Demo Corp';

// Replaced by the demo generator (issue 2, item 8).
export async function seedDemoData(_services: Services, _orgId: string, _options: { events: number }): Promise<{ accepted: number }> {
  throw new Error('demo generator not written yet');
}
