import { DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { now } from '../../entities/columns';
import { BadInputError } from '../core/errors';
import { findOrFail } from './find-or-fail';
import { idempotentWrite } from './idempotency';
import type { Scope } from './scope';

type Row = ObjectLiteral & { id: number };

/** Which input fields hold ids of which tables. Each given id must exist (NOT_FOUND naming the field). */
export type References = Record<string, EntityTarget<Row>>;

/** The rows the input's ids point at, by field name. */
export type Referenced = Record<string, Row | undefined>;

async function loadReferences(manager: EntityManager, input: object, references: References): Promise<Referenced> {
  const rows: Referenced = {};
  for (const [field, entity] of Object.entries(references)) {
    const id = (input as Record<string, unknown>)[field];
    if (id === undefined || id === null) continue;
    const row = await findOrFail(manager, entity, id as string, field);
    if (row.archivedAt)
      throw new BadInputError(
        field,
        `${manager.connection.getMetadata(entity).targetName} ${row.id} is archived; new records cannot point at it`,
      );
    rows[field] = row;
  }
  return rows;
}

/** Input fields as column values: ids (`…Id`) become numbers, strings are trimmed, the idempotency key is not a column. */
function toColumns(input: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([key, value]) => key !== 'idempotencyKey' && key !== 'id' && value !== undefined)
      .map(([key, value]) => [
        key,
        key.endsWith('Id') && typeof value === 'string' ? Number(value) : typeof value === 'string' ? value.trim() : value,
      ]),
  );
}

export interface RecordRules<T> {
  references?: References;
  /** Checks across fields and referenced rows; returns derived column values (for example the client of a site). */
  derive?: (input: Record<string, unknown>, referenced: Referenced, existing?: T) => DeepPartial<T> | void;
  /** Checks that need the database, such as uniqueness; run inside the write's transaction. */
  check?: (manager: EntityManager, existing?: T) => Promise<void>;
  /** Further writes that belong to the same transaction, such as a junction row. */
  after?: (manager: EntityManager, row: T, referenced: Referenced) => Promise<void>;
}

type EntityClass<T> = new () => T;

/**
 * A command whose every field is a property of `T` (or the row id / idempotency key), each with a value the
 * property takes (a relation id may be the GraphQL ID string): a misspelt or unknown field is a compile error.
 */
export type Patch<T, I> = I & {
  [K in keyof I]: K extends 'id' | 'idempotencyKey' ? unknown : K extends keyof T ? Wire<T[K]> | null | undefined : never;
};

/** What a property's value may arrive as: numbers (ids) also as GraphQL ID strings. */
type Wire<V> = V extends number ? V | string : V extends number[] ? (number | string)[] : V;

/** Creates a row after checking its references, idempotently when the input carries a key. Logged by the change log. */
export function insertRecord<T extends Row, I extends object>(
  scope: Scope,
  operation: string,
  entity: EntityClass<T>,
  input: Patch<NoInfer<T>, I>,
  rules: RecordRules<T> = {},
): Promise<T> {
  return idempotentWrite(scope, operation, input, entity, async (manager) => {
    const referenced = await loadReferences(manager, input, rules.references ?? {});
    await rules.check?.(manager);
    const columns = toColumns(input);
    const at = now();
    const values = { ...columns, ...(rules.derive?.(columns, referenced) ?? {}), createdAt: at, updatedAt: at } as DeepPartial<T>;
    const row = await manager.save(manager.create(entity, values));
    await rules.after?.(manager, row, referenced);
    return row;
  });
}

/** Changes the given fields of a row (locked while the transaction runs); omitted fields stay. */
export function updateRecord<T extends Row, I extends { id: string }>(
  scope: Scope,
  entity: EntityClass<T>,
  input: Patch<NoInfer<T>, I>,
  rules: RecordRules<T> = {},
): Promise<T> {
  return scope.db.transaction(scope, async (manager) => {
    const row = await findOrFail(manager, entity, input.id, 'id', true);
    const referenced = await loadReferences(manager, input, rules.references ?? {});
    await rules.check?.(manager, row);
    const columns = Object.fromEntries(Object.entries(toColumns(input)).filter(([, v]) => v !== null));
    Object.assign(row, columns, rules.derive?.(columns, referenced, row) ?? {}, { updatedAt: now() });
    const saved = await manager.save(row);
    await rules.after?.(manager, saved, referenced);
    return saved;
  });
}

/** Archives a row: kept for history, hidden from lists by default. Archiving twice changes nothing. */
export function archiveRecord<T extends Row & { archivedAt: Date | null }>(scope: Scope, entity: EntityClass<T>, id: string): Promise<T> {
  return scope.db.transaction(scope, async (manager) => {
    const row = await findOrFail(manager, entity, id, 'id', true);
    if (row.archivedAt) return row;
    Object.assign(row, { archivedAt: now(), updatedAt: now() });
    return manager.save(row);
  });
}

/** Inserts junction rows (links), ignoring the ones that already exist, so concurrent writers do not collide. */
export async function insertLinks<J>(manager: EntityManager, junction: new () => J, links: Partial<J>[]): Promise<void> {
  if (!links.length) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(junction)
    .values(links as never)
    .orIgnore()
    .execute();
}
