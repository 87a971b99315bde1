import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { NotFoundError } from '../core/errors';
import { writeLock } from '../database/dialect';

/**
 * The row with this id, or NOT_FOUND naming the input field. With `forUpdate` the row stays locked until
 * the transaction ends (MariaDB; SQLite's transactions are serialized already), so two concurrent
 * writes to one row cannot both pass their checks.
 */
export async function findOrFail<T extends { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number | string,
  field = 'id',
  forUpdate = false,
): Promise<T> {
  const row = await manager.findOne(entity, { where: { id: Number(id) } as FindOptionsWhere<T>, ...(forUpdate ? writeLock(manager) : {}) });
  if (!row) throw new NotFoundError(manager.connection.getMetadata(entity).targetName, id, field);
  return row;
}
