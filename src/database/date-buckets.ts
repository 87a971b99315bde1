import { Dialect } from './dialect';

/**
 * The one dialect-specific part of reports: SQL for the UTC calendar month of a DATETIME column, as
 * "YYYY-MM" text. Both databases hold UTC (MariaDB through the driver's timezone 'Z', SQLite as
 * "YYYY-MM-DD HH:MM:SS.mmm" text), so no conversion is needed. `column` is trusted SQL, never input.
 */
export const monthOf = (dialect: Dialect, column: string): string =>
  dialect === 'mariadb' ? `DATE_FORMAT(${column}, '%Y-%m')` : `strftime('%Y-%m', ${column})`;
