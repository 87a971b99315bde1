import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { ClassType } from 'type-graphql';
import type { ChildList } from '../../src/loaders/child-connection.loader';
import { PageArgs, toConnection } from '../../src/pagination/connection';

/** Names of the fields selected in a selection set, fragments spread. */
function selectedFields(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into: Map<string, FieldNode[]>,
): Map<string, FieldNode[]> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.set(selection.name.value, [...(into.get(selection.name.value) ?? []), selection]);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selectedFields(selection.selectionSet, info, into);
    else selectedFields(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
  return into;
}

/** The fields the query selects on the connection's items (under `nodes` and `edges { node }`). */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const onConnection = new Map<string, FieldNode[]>();
  for (const node of info.fieldNodes) selectedFields(node.selectionSet, info, onConnection);
  const itemSets = [...(onConnection.get('nodes') ?? [])];
  for (const edges of onConnection.get('edges') ?? [])
    itemSets.push(...(selectedFields(edges.selectionSet, info, new Map()).get('node') ?? []));
  for (const item of itemSets) for (const name of selectedFields(item.selectionSet, info, new Map()).keys()) names.add(name);
  return names;
}

/**
 * Resolves a nested connection (such as Project.sessions) through its per-request loaders. With `info`, the
 * list's heavy columns the query does not select stay unread.
 */
export async function childConnection<T extends { id: number }, F, C extends object>(
  ConnectionType: ClassType<C>,
  list: ChildList<T, F>,
  parentId: number,
  args: PageArgs,
  filter?: F | null,
  info?: GraphQLResolveInfo,
): Promise<C> {
  const heavy = list.heavy;
  const selected = info && heavy.length ? selectedNodeFields(info) : null;
  const skip = selected ? heavy.filter((column) => !selected.has(column)) : [];
  const key = {
    parentId,
    args: { first: args.first, after: args.after ?? null },
    filter: filter ?? undefined,
    ...(skip.length ? { skip } : {}),
  };
  const page = await list.page.load(key);
  return toConnection(ConnectionType, page, () => list.count.load({ parentId, filter: key.filter }));
}
