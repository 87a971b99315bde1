import { Column, ColumnOptions, JoinColumn, ManyToOne } from 'typeorm';

/** Every timestamp is UTC with millisecond precision; values are always set by the service, never by a DB default. */
export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });

/** Current time, in one place so every row written in one call agrees. */
export const now = (): Date => new Date();

/**
 * A foreign key: the relation property becomes a FOREIGN KEY on `column` (which the entity also maps as
 * a plain id column). RESTRICT by default: history is archived, not deleted.
 */
export const ForeignKey =
  (
    target: () => Function,
    column: string,
    options: { nullable?: boolean; onDelete?: 'RESTRICT' | 'CASCADE' | 'SET NULL' } = {},
  ): PropertyDecorator =>
  (prototype, property) => {
    ManyToOne(target, { nullable: options.nullable ?? false, onDelete: options.onDelete ?? 'RESTRICT' })(prototype, property as string);
    JoinColumn({ name: column })(prototype, property as string);
  };
