/**
 * Errors PostgreSQL (and Citus) raise when two transactions met badly and one
 * was aborted: a deadlock, distributed or not, or a serialization failure.
 * The aborted transaction left nothing behind, so running it again is safe.
 * On Citus a write to a reference table locks that table's shard cluster-wide,
 * then the shards of the reference tables it has a foreign key to (an UPDATE or
 * DELETE exclusively): creating an organisation (organizations, then api_keys)
 * and revoking a key (api_keys, then organizations) take them in opposite
 * orders, so these rare account writes can deadlock where a single PostgreSQL
 * only makes one wait. Single-shard writes to distributed tables take no such lock.
 */
const TRANSIENT = new Set(['40P01', '40001']);

export const isTransient = (error: unknown) => TRANSIENT.has((error as { code?: string }).code ?? '');

/** Runs `work` again (up to `attempts` times in all) while it fails with a transient error; `retryable` widens what counts. */
export async function retryTransient<T>(work: () => Promise<T>, attempts = 4, retryable: (error: unknown) => boolean = isTransient): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      // A short random pause so the two victims of one deadlock do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
