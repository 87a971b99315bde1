import { Column, ColumnOptions } from 'typeorm';

/** Every timestamp is UTC with millisecond precision; values are always set by the service, never by a DB default. */
export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });

/** Current time, in one place so every row written in one call agrees. */
export const now = (): Date => new Date();
