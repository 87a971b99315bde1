/**
 * The billing rules, as pure functions: which labor type a work item bills as, whether it started
 * outside the client's business hours, and its billable quantity. No database, no GraphQL.
 */
import { AfterHoursPolicy, Client } from '../../entities/client.entity';
import { LaborType } from '../../entities/labor-type.entity';
import { BadInputError } from '../core/errors';
import { div } from './money';

export const DEFAULT_TIME_ZONE = 'UTC';
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws BAD_USER_INPUT unless `zone` is an IANA time zone this Node knows. */
export function assertTimeZone(zone: string, field: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new BadInputError(field, `"${zone}" is not an IANA time zone such as "America/Phoenix" or "Europe/Berlin"`);
  }
}

const WEEKDAY_OF: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The ISO weekday (1 = Monday) and minute of the day of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { weekday: number; minuteOfDay: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAY_OF[parts.weekday], minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570; BAD_USER_INPUT for anything else. */
export function minuteOfDay(hhmm: string, field: string): number {
  const match = HH_MM.exec(hhmm);
  if (!match) throw new BadInputError(field, `"${hhmm}" is not a time of day "HH:MM" (00:00 to 23:59)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Stored "1,2,3,4,5" ⇄ [MONDAY, …, FRIDAY]. */
export const weekdayNames = (stored: string): WeekdayName[] =>
  stored
    .split(',')
    .filter(Boolean)
    .map((d) => WEEKDAYS[Number(d) - 1]);
export const storedWeekdays = (names: WeekdayName[]): string => [...new Set(names.map((n) => WEEKDAYS.indexOf(n) + 1))].sort().join(',');

/** Whether work starting at `at` starts inside the client's business hours (start inclusive, end exclusive, local time). */
export function insideBusinessHours(
  at: Date,
  client: Pick<Client, 'timeZone' | 'businessHoursStart' | 'businessHoursEnd' | 'businessDays'>,
): boolean {
  const local = localTime(at, client.timeZone);
  const days = client.businessDays.split(',').map(Number);
  const start = minuteOfDay(client.businessHoursStart, 'businessHoursStart');
  const end = minuteOfDay(client.businessHoursEnd, 'businessHoursEnd');
  return days.includes(local.weekday) && local.minuteOfDay >= start && local.minuteOfDay < end;
}

/**
 * Billable quantity of one work item in hundredths of a minute: the actual minutes raised to the
 * minimum, rounded up to the increment, times the multiplier (once). 0 when the item is not billable.
 */
export function billableCentiminutes(
  actualMinutes: number,
  billable: boolean,
  type: Pick<LaborType, 'minimumMinutes' | 'roundingIncrementMinutes' | 'multiplierPercent'>,
): number {
  if (!billable) return 0;
  const atLeast = Math.max(actualMinutes, type.minimumMinutes);
  const increment = Math.max(1, type.roundingIncrementMinutes);
  const rounded = div(atLeast + increment - 1, increment) * increment;
  // minutes × percent = hundredths of a minute
  return rounded * type.multiplierPercent;
}

/** What the rules decide for one work item. */
export interface BillingDecision {
  laborTypeId: number;
  afterHours: boolean;
  billableCentiminutes: number;
  ruleVersion: number;
}

/**
 * The labor type an item bills as: the one asked for, else the client's default, else the install's;
 * when the client's policy says so and the work starts outside business hours, the client's after-hours
 * type instead (an after-hours or emergency type asked for stays: its multiplier applies once).
 */
export function decideBilling(
  item: { minutes: number; billable: boolean; startedAt: Date; requestedLaborTypeId: number | null },
  client: Client | null,
  types: Map<number, LaborType>,
  installDefault: LaborType,
): BillingDecision {
  const base = types.get(item.requestedLaborTypeId ?? client?.defaultLaborTypeId ?? installDefault.id) ?? installDefault;
  let type = base;
  if (
    client &&
    !base.afterHours &&
    client.afterHoursPolicy === AfterHoursPolicy.AFTER_HOURS_LABOR_TYPE &&
    client.afterHoursLaborTypeId != null &&
    !insideBusinessHours(item.startedAt, client)
  ) {
    type = types.get(client.afterHoursLaborTypeId) ?? base;
  }
  return {
    laborTypeId: type.id,
    afterHours: type.afterHours,
    billableCentiminutes: billableCentiminutes(item.minutes, item.billable, type),
    ruleVersion: type.version,
  };
}
