/**
 * Money and time as integers: cents and minutes, never floats. This file is the one place that rounds
 * money: per invoice line (work item), half up, once: in JavaScript (amountForCentiminutes) and, for
 * reports summed in the database, as the same formula in SQL (amountSql).
 */
import type { Dialect } from '../database/dialect';

/** Integer quotient of two non-negative integers, exact (no float rounding on large sums). */
export const div = (n: number, d: number): number => (n - (n % d)) / d;

/** Billable quantities are hundredths of a minute: 6000 make an hour, so 1 h 45 min × 1.5 (157.5 min) is exact. */
export const CENTIMINUTES_PER_HOUR = 6000;

/** The amount of one line: `centiminutes` at `rateCents` per hour, rounded half up to whole cents once. */
export const amountForCentiminutes = (centiminutes: number, rateCents: number): number =>
  div(centiminutes * rateCents + CENTIMINUTES_PER_HOUR / 2, CENTIMINUTES_PER_HOUR);

/**
 * amountForCentiminutes in SQL, for sums over many lines computed in the database: integer arithmetic
 * on both (SQLite divides integers as integers; MariaDB's DIV). Operands are trusted SQL, never input.
 */
export const amountSql = (dialect: Dialect, centiminutes: string, rateCents: string): string =>
  `((${centiminutes}) * (${rateCents}) + ${CENTIMINUTES_PER_HOUR / 2}) ${dialect === 'mariadb' ? 'DIV' : '/'} ${CENTIMINUTES_PER_HOUR}`;

/** Hundredths of a minute as minutes (157.5); exact to the hundredth. */
export const minutesOfCentiminutes = (centiminutes: number): number => centiminutes / 100;

/** Hundredths of a minute as hours rounded half up to hundredths. */
export const hoursOfCentiminutes = (centiminutes: number): number => div(centiminutes + 30, 60) / 100;

/** Minutes as hours rounded half up to hundredths. */
export const hoursOf = (minutes: number): number => div(minutes * 100 + 30, 60) / 100;

/** Minutes as hours with one decimal, rounded half up: 125 → "2.1". */
export const formatHours = (minutes: number): string => formatHoursOfCentiminutes(minutes * 100);

/** Hundredths of a minute as hours with one decimal, rounded half up. */
export const formatHoursOfCentiminutes = (centiminutes: number): string => {
  const tenths = div(centiminutes + 300, 600);
  return `${div(tenths, 10)}.${tenths % 10}`;
};

/** Integer cents as "$12,000.00", without floats. */
export const formatMoney = (cents: number): string => {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const dollars = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${dollars}.${digits.slice(-2)}`;
};
