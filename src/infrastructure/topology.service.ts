import { EntityManager, In, IsNull } from 'typeorm';
import { InfrastructureRelationship, RelationshipKind } from '../../entities/infrastructure-relationship.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';

/** Part of a client's topology graph. */
export interface TopologyGraph {
  nodes: Infrastructure[];
  edges: InfrastructureRelationship[];
}

export const MAX_NEIGHBOUR_DEPTH = 3;

/** Whole topologies of several clients (active infrastructure and its edges) in two statements. */
export async function clientTopologies(manager: EntityManager, clientIds: readonly number[]): Promise<TopologyGraph[]> {
  const nodes = await manager.find(Infrastructure, {
    where: { clientId: In([...clientIds]), archivedAt: IsNull() },
    order: { hostname: 'ASC', id: 'ASC' },
  });
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges = nodeIds.size
    ? await manager.find(InfrastructureRelationship, { where: { fromId: In([...nodeIds]) }, order: { id: 'ASC' } })
    : [];
  const clientOf = new Map(nodes.map((n) => [n.id, n.clientId]));
  return clientIds.map((clientId) => ({
    nodes: nodes.filter((n) => n.clientId === clientId),
    edges: edges.filter((e) => clientOf.get(e.fromId) === clientId && nodeIds.has(e.toId)),
  }));
}

/**
 * Everything within `depth` edges (either direction) of each start node: one statement per level for all
 * start nodes together, plus one for the nodes, so a list of hosts asking for neighbours costs the same.
 */
export async function neighbourhoods(
  manager: EntityManager,
  startIds: readonly number[],
  kind: RelationshipKind | undefined,
  depth: number,
): Promise<TopologyGraph[]> {
  const reached = startIds.map((id) => new Set([id]));
  const frontiers = startIds.map((id) => new Set([id]));
  const edgesOf = startIds.map(() => new Map<number, InfrastructureRelationship>());
  for (let level = 0; level < depth; level++) {
    const frontierIds = [...new Set(frontiers.flatMap((f) => [...f]))];
    if (!frontierIds.length) break;
    const kindFilter = kind ? { kind } : {};
    const edges = await manager.find(InfrastructureRelationship, {
      where: [
        { fromId: In(frontierIds), ...kindFilter },
        { toId: In(frontierIds), ...kindFilter },
      ],
    });
    startIds.forEach((_, i) => {
      const next = new Set<number>();
      for (const edge of edges) {
        if (!frontiers[i].has(edge.fromId) && !frontiers[i].has(edge.toId)) continue;
        edgesOf[i].set(edge.id, edge);
        for (const end of [edge.fromId, edge.toId]) {
          if (reached[i].has(end)) continue;
          reached[i].add(end);
          next.add(end);
        }
      }
      frontiers[i] = next;
    });
  }
  const allIds = [...new Set(reached.flatMap((r) => [...r]))];
  const nodes = await manager.find(Infrastructure, { where: { id: In(allIds) }, order: { hostname: 'ASC', id: 'ASC' } });
  return startIds.map((_, i) => ({
    nodes: nodes.filter((n) => reached[i].has(n.id)),
    edges: [...edgesOf[i].values()].sort((a, b) => a.id - b.id),
  }));
}
