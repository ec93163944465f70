/**
 * A token bucket per API key: `perMinute` tokens a minute, refilled
 * continuously, with a burst of the same size. A GraphQL operation takes one
 * (a batched HTTP request one per operation, a WebSocket one per subscribe
 * message); any other HTTP request one. Kept in each process's
 * memory, so N API processes allow N times the rate — documented, and
 * enough to stop one runaway client from starving the others.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMinute: number;
  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /**
   * Takes `count` tokens, all or none; returns 0 when allowed, else the seconds to wait until they are there.
   * A request can empty the bucket but never needs more than it holds, so one larger than the burst waits for a full one.
   */
  take(key: string, count = 1, now = Date.now()): number {
    if (this.perMinute === 0) return 0;
    const cost = Math.min(Math.max(1, count), this.perMinute);
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / ratePerMs / 1000));
  }
}
