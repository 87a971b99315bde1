import DataLoader from 'dataloader';
import { EntityTarget, In, ObjectLiteral } from 'typeorm';
import { Database } from '../database/database';

/** Loads rows of one table by id: all ids asked for during one tick cost one `WHERE id IN (…)`. */
export function entityByIdLoader<T extends ObjectLiteral & { id: number }>(db: Database, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await db.manager.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
