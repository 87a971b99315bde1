import { ClassType } from 'type-graphql';
import type { ChildList } from '../src/loaders/child-connection.loader';
import { PageArgs, toConnection } from '../src/pagination/connection';

/** Resolves a nested connection (such as Project.sessions) through its per-request loaders. */
export async function childConnection<T extends { id: number }, F, C extends object>(
  ConnectionType: ClassType<C>,
  list: ChildList<T, F>,
  parentId: number,
  args: PageArgs,
  filter?: F | null,
): Promise<C> {
  const key = { parentId, args: { first: args.first, after: args.after ?? null }, filter: filter ?? undefined };
  const page = await list.page.load(key);
  return toConnection(ConnectionType, page, () => list.count.load({ parentId, filter: key.filter }));
}
