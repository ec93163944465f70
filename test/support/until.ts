import { vi } from 'vitest';

/**
 * vi.waitFor for probes that answer "not yet" with undefined, false or null
 * rather than by throwing: jobs are awaited, never slept on.
 */
export function until<T>(probe: () => Promise<T | undefined | false | null> | T | undefined | false | null, what: string, timeoutMs = 30_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (value === undefined || value === false || value === null) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      return value as T;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}
