/**
 * A Date as a UTC `YYYY-MM-DD HH:MM:SS.mmm` string: the form TypeORM stores on SQLite, and one MariaDB
 * compares against DATETIME(3) exactly. Use it for query parameters; better-sqlite3 cannot bind Dates.
 */
export const dbTime = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

/** A DATETIME read by a raw query: a Date from mysql2 (timezone Z), a UTC string from SQLite. */
export const parseDbTime = (value: Date | string): Date => (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`));
