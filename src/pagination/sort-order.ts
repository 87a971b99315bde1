import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { dbTime } from '../database/db-time';
import { decodeCursor, encodeCursor } from './cursor';

/** How a list is ordered: one key column, then the id in the same direction, so the order is total and stable. */
export interface SortOrder<T> {
  /** Property of the entity (camelCase), for example `startedAt`. */
  key: keyof T & string;
  direction: 'ASC' | 'DESC';
  /** Value used in place of NULL keys, so rows without one sort last (ASC) and keyset paging still works. */
  nullsAs?: string;
}

type Row = { id: number } & ObjectLiteral;

/** Quoted `alias.column` for a property, for raw fragments such as window functions. */
export function columnSql(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, property: string): string {
  const column = qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyPath(property);
  if (!column) throw new Error(`Unknown property ${property}`);
  return `${qb.escape(alias)}.${qb.escape(column.databaseName)}`;
}

function keySql<T>(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, order: SortOrder<T>): string {
  const column = columnSql(qb, alias, order.key);
  return order.nullsAs === undefined ? column : `COALESCE(${column}, '${order.nullsAs}')`;
}

/** `ORDER BY key dir, id dir` as SQL text (used inside window functions). */
export function orderSql<T>(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, order: SortOrder<T>): string {
  return `${keySql(qb, alias, order)} ${order.direction}, ${columnSql(qb, alias, 'id')} ${order.direction}`;
}

export function applyOrder<T>(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, order: SortOrder<T>): void {
  qb.orderBy(keySql(qb, alias, order), order.direction).addOrderBy(columnSql(qb, alias, 'id'), order.direction);
}

/** The database form of a key value, as the cursor carries it. */
function dbValue(value: unknown): string | number | null {
  if (value instanceof Date) return dbTime(value);
  return (value as string | number | null) ?? null;
}

/** Names a list order in its cursors, so a cursor from one list is refused by another. */
const listName = (entity: string, order: SortOrder<unknown>) => `${entity}.${order.key}.${order.direction}`;

/** Restricts the query to rows after the cursor in the given order (keyset pagination: no OFFSET). */
export function applyAfter<T>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  alias: string,
  order: SortOrder<T>,
  after: string | null | undefined,
): void {
  if (!after) return;
  const { key, id } = decodeCursor(after, listName(qb.expressionMap.mainAlias!.metadata.targetName, order as SortOrder<unknown>));
  const cmp = order.direction === 'ASC' ? '>' : '<';
  const k = keySql(qb, alias, order);
  const idCol = columnSql(qb, alias, 'id');
  const p = `${alias}_after`;
  qb.andWhere(
    new Brackets((w) => {
      w.where(`${k} ${cmp} :${p}_key`).orWhere(`(${k} = :${p}_key AND ${idCol} ${cmp} :${p}_id)`);
    }),
    { [`${p}_key`]: key, [`${p}_id`]: id },
  );
}

export function cursorFor<T>(row: Row, order: SortOrder<T>): string {
  const key = dbValue(row[order.key]) ?? order.nullsAs;
  if (key === undefined || key === null) throw new Error(`${order.key} is null and the order has no nullsAs`);
  return encodeCursor({ list: listName(row.constructor.name, order as SortOrder<unknown>), key, id: row.id });
}
