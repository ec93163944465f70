/**
 * When the demo's events happen: an hourly activity curve over the period
 * (busy working hours, quiet nights and weekends, day-to-day variation,
 * adoption growing over the period, and a few maintenance windows with no
 * events at all), and the times of N events spread along it in order.
 */
import type { Random } from './random.ts';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const HOUR_MS = HOUR;
export const DAY_MS = 24 * HOUR;

interface QuietPeriod {
  start: number;
  end: number;
}

export class Timeline {
  readonly start: number;
  readonly end: number;
  readonly quietPeriods: QuietPeriod[] = [];
  private readonly weights: Float64Array;
  private readonly cumulative: Float64Array;
  private readonly count: number;
  private hour = 0;
  private lastTime: number;

  constructor(random: Random, start: number, end: number, count: number) {
    this.start = start;
    this.end = end;
    this.count = count;
    this.lastTime = start;
    const hours = Math.max(1, Math.ceil((end - start) / HOUR_MS));
    this.weights = new Float64Array(hours);
    let dayFactor = 1;
    for (let h = 0; h < hours; h++) {
      const at = new Date(start + h * HOUR_MS);
      const hourOfDay = at.getUTCHours();
      if (h === 0 || hourOfDay === 0) dayFactor = random.between(0.75, 1.25);
      const weekday = at.getUTCDay() % 6 !== 0;
      const rhythm = hourOfDay >= 8 && hourOfDay < 18 ? 1 : hourOfDay >= 6 && hourOfDay < 21 ? 0.4 : 0.15;
      const growth = 0.8 + (0.4 * h) / hours;
      this.weights[h] = rhythm * (weekday ? 1 : 0.45) * dayFactor * growth;
    }
    // Maintenance windows: whole hours with no events, long enough to be monitoring gaps.
    if (hours >= 72) {
      for (const [fraction, minHours] of [[0.37, 3], [0.71, 6]] as const) {
        const first = Math.floor(hours * fraction) + random.int(24);
        const length = minHours + random.int(3);
        if (first + length >= hours) continue;
        this.weights.fill(0, first, first + length);
        this.quietPeriods.push({ start: start + first * HOUR_MS, end: start + (first + length) * HOUR_MS });
      }
    }
    this.cumulative = new Float64Array(hours + 1);
    for (let h = 0; h < hours; h++) this.cumulative[h + 1] = this.cumulative[h]! + this.weights[h]!;
  }

  /** Moves a time inside a maintenance window to just after it: nothing happens while it lasts. */
  outsideQuietPeriods(time: number): number {
    for (const q of this.quietPeriods) if (time >= q.start && time < q.end) return q.end + Math.round((time - q.start) / 1000);
    return time;
  }

  /**
   * The time of event `index`. Indices must be asked in increasing order: each
   * event falls at a random point of its own share of the curve, so the times
   * never go backwards and the scan over hours is amortised O(1).
   */
  timeOf(index: number, jitter: number): number {
    const hours = this.weights.length;
    const target = ((index + jitter) / this.count) * this.cumulative[hours]!;
    while (this.hour < hours - 1 && this.cumulative[this.hour + 1]! <= target) this.hour++;
    const weight = this.weights[this.hour]!;
    const within = weight > 0 ? (target - this.cumulative[this.hour]!) / weight : 0;
    const time = Math.min(this.end - 1, Math.floor(this.start + (this.hour + Math.min(1, within)) * HOUR_MS));
    // Floating-point rounding must never reorder two neighbours.
    this.lastTime = Math.max(this.lastTime, time);
    return this.lastTime;
  }
}
