/**
 * When a schedule runs and what period each run covers, in the schedule's
 * own time zone (croner does the DST-aware cron arithmetic; Intl gives the
 * local calendar). Pure functions of their inputs, so tests pass any instant.
 *
 * Runs happen at 01:00 local time: an hour after midnight, so that the last
 * day's late events have arrived, and a time that exists on every DST
 * change day (some zones skip or repeat midnight, none skips 01:00 on the
 * day we need: spring-forward gaps are at 00:00 or 02:00–03:00).
 */
import { Cron } from 'croner';
import { badInput } from '../errors.ts';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const RUN_HOUR = 1;
const DEFAULT_WEEKLY_PERIOD_DAYS = 7;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface Recurrence {
  frequency: Frequency;
  /** ISO weekday, 1 = Monday … 7 = Sunday (weekly). */
  dayOfWeek: number | null;
  /** 1–28 (monthly). */
  dayOfMonth: number | null;
  /** Days the period covers; null: 7 (weekly), the previous calendar month (monthly), the previous quarter (quarterly). */
  periodDays: number | null;
  timezone: string;
}

/** Throws BAD_USER_INPUT naming the field; returns the recurrence with defaults filled in. */
export function validateRecurrence(input: Partial<Recurrence> & { frequency: Frequency }): Recurrence {
  const timezone = input.timezone?.trim() || 'UTC';
  if (!isTimeZone(timezone)) throw badInput('timezone', `"${timezone}" is not an IANA time zone; use a name such as Europe/Berlin, America/New_York or UTC.`);
  const r: Recurrence = { frequency: input.frequency, dayOfWeek: input.dayOfWeek ?? null, dayOfMonth: input.dayOfMonth ?? null, periodDays: input.periodDays ?? null, timezone };
  if (!FREQUENCIES.includes(r.frequency)) throw badInput('frequency', `frequency must be one of ${FREQUENCIES.join(', ')}`);
  if (r.frequency === 'weekly') {
    r.dayOfWeek ??= 1;
    if (!Number.isInteger(r.dayOfWeek) || r.dayOfWeek < 1 || r.dayOfWeek > 7) throw badInput('dayOfWeek', 'dayOfWeek must be 1 (Monday) to 7 (Sunday)');
    r.dayOfMonth = null;
  } else if (r.frequency === 'monthly') {
    r.dayOfMonth ??= 1;
    if (!Number.isInteger(r.dayOfMonth) || r.dayOfMonth < 1 || r.dayOfMonth > 28) {
      throw badInput('dayOfMonth', 'dayOfMonth must be 1 to 28, so that the schedule runs in every month (February has 28 days)');
    }
    r.dayOfWeek = null;
  } else {
    if (r.dayOfWeek !== null) throw badInput('dayOfWeek', 'quarterly schedules run on Jan 1, Apr 1, Jul 1 and Oct 1; leave dayOfWeek out');
    if (r.dayOfMonth !== null) throw badInput('dayOfMonth', 'quarterly schedules run on Jan 1, Apr 1, Jul 1 and Oct 1; leave dayOfMonth out');
    if (r.periodDays !== null) throw badInput('periodDays', 'a quarterly schedule always covers the previous calendar quarter; leave periodDays out');
  }
  if (r.periodDays !== null && (!Number.isInteger(r.periodDays) || r.periodDays < 1 || r.periodDays > 366)) {
    throw badInput('periodDays', 'periodDays must be a whole number of days from 1 to 366');
  }
  return r;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function cronOf(r: Recurrence): string {
  switch (r.frequency) {
    case 'weekly':
      return `0 ${RUN_HOUR} * * ${r.dayOfWeek! % 7}`;
    case 'monthly':
      return `0 ${RUN_HOUR} ${r.dayOfMonth} * *`;
    case 'quarterly':
      return `0 ${RUN_HOUR} 1 1,4,7,10 *`;
  }
}

/** The first due time strictly after `after`. */
export function nextRunAfter(r: Recurrence, after: Date): Date {
  const next = new Cron(cronOf(r), { timezone: r.timezone, paused: true }).nextRun(after);
  if (!next) throw new Error(`schedule ${cronOf(r)} in ${r.timezone} has no next run after ${after.toISOString()}`);
  return next;
}

interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** The calendar date of an instant in a time zone. */
function localDate(at: Date, timezone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetMs(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a local calendar day starts (normalises overflowing days and months, e.g. day 0). */
function startOfLocalDay(date: LocalDate, timezone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes settle the offset, also across a DST change between the guess and the answer.
  let guess = wall - offsetMs(new Date(wall), timezone);
  guess = wall - offsetMs(new Date(guess), timezone);
  return new Date(guess);
}

export interface Period {
  start: Date;
  end: Date;
}

/**
 * The period a run at `at` covers, ending at the start of its local day:
 * weekly the `periodDays` (7) days before, monthly the previous calendar
 * month (or `periodDays`), quarterly the previous calendar quarter.
 */
export function periodFor(r: Recurrence, at: Date): Period {
  const today = localDate(at, r.timezone);
  const end = startOfLocalDay(today, r.timezone);
  if (r.frequency === 'quarterly') {
    const quarterStartMonth = Math.floor((today.month - 1) / 3) * 3 + 1;
    return {
      start: startOfLocalDay({ year: today.year, month: quarterStartMonth - 3, day: 1 }, r.timezone),
      end: startOfLocalDay({ year: today.year, month: quarterStartMonth, day: 1 }, r.timezone),
    };
  }
  if (r.frequency === 'monthly' && r.periodDays === null) {
    return {
      start: startOfLocalDay({ year: today.year, month: today.month - 1, day: 1 }, r.timezone),
      end: startOfLocalDay({ year: today.year, month: today.month, day: 1 }, r.timezone),
    };
  }
  const days = r.periodDays ?? DEFAULT_WEEKLY_PERIOD_DAYS;
  return { start: startOfLocalDay({ ...today, day: today.day - days }, r.timezone), end };
}

const TEMPLATE_PLACEHOLDERS = ['month', 'year', 'quarter', 'start', 'end'] as const;

/**
 * `{month} {year} {quarter}` name the period's first day (local), `{start}`
 * its first day and `{end}` its last day (inclusive), as YYYY-MM-DD.
 */
export function renderTitle(template: string, period: Period, timezone: string): string {
  const first = localDate(period.start, timezone);
  const last = localDate(new Date(period.end.getTime() - 1), timezone);
  const iso = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const values: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
    month: MONTHS[first.month - 1]!,
    year: String(first.year),
    quarter: `Q${Math.floor((first.month - 1) / 3) + 1}`,
    start: iso(first),
    end: iso(last),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name as keyof typeof values] : whole));
}

export function validateTitleTemplate(template: string): string {
  const trimmed = template.trim();
  if (!trimmed) throw badInput('titleTemplate', 'titleTemplate must not be empty, e.g. "SOC 2 {month} {year}"');
  if (trimmed.length > 150) throw badInput('titleTemplate', 'titleTemplate must be at most 150 characters');
  const unknown = [...trimmed.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((n) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length) throw badInput('titleTemplate', `Unknown placeholder {${unknown[0]}}; use ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
  return trimmed;
}
