import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ClassType } from 'type-graphql';
import { Page, PageArgs, toConnection, toPage } from './connection';
import { Filter } from './filter';
import { applyAfter, applyOrder, SortOrder } from './sort-order';

/** One keyset page of a top-level list: a single statement with LIMIT first + 1. */
export async function fetchPage<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  args: PageArgs,
  order: SortOrder<T>,
  filter: Filter,
): Promise<Page<T>> {
  const qb = manager.getRepository(entity).createQueryBuilder('x');
  filter(qb, 'x');
  applyAfter(qb, 'x', order, args.after);
  applyOrder(qb, 'x', order);
  const rows = await qb.limit(args.first + 1).getMany();
  return toPage(rows, args, order);
}

/** How many rows the filter matches in the whole list. */
export function countRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, filter: Filter): Promise<number> {
  const qb = manager.getRepository(entity).createQueryBuilder('x');
  filter(qb, 'x');
  return qb.getCount();
}

/** A top-level list as a Relay connection: the page now, the total only if selected. */
export async function listConnection<T extends ObjectLiteral & { id: number }, C extends object>(
  ConnectionType: ClassType<C>,
  manager: EntityManager,
  entity: EntityTarget<T>,
  args: PageArgs,
  order: SortOrder<T>,
  filter: Filter,
): Promise<C> {
  const page = await fetchPage(manager, entity, args, order, filter);
  return toConnection(ConnectionType, page, () => countRows(manager, entity, filter));
}
