import { countLoadedRows } from '../../helpers/loaded-rows';
import { countStatements, startTestApp, TestApp } from '../../helpers/test-app';
import { insertInfrastructureTree, insertTree } from '../../helpers/tree-data';

async function withTree<T>(perLevel: number, work: (app: TestApp) => Promise<T>): Promise<T> {
  const app = await startTestApp(`nested_${perLevel}`);
  try {
    await insertTree(app.db, perLevel);
    return await work(app);
  } finally {
    await app.stop();
  }
}

/** Statements and work items for clients → projects → sessions → workItems with `first` at every level. */
const measure = (perLevel: number, first: number) =>
  withTree(perLevel, async (app) => {
    let tree: Awaited<ReturnType<typeof app.sdk.ClientTree>> | undefined;
    let rows: ReturnType<typeof countLoadedRows> | undefined;
    const statements = await countStatements(app, async () => {
      rows = countLoadedRows(app.db.dataSource);
      tree = await app.sdk.ClientTree({ first });
    });
    return { statements, rowsLoaded: rows!.count, clients: tree!.clients };
  });

const projectsOf = (clients: Awaited<ReturnType<typeof measure>>['clients']) => clients.nodes.flatMap((c) => c.projects.nodes);
const sessionsOf = (clients: Awaited<ReturnType<typeof measure>>['clients']) => projectsOf(clients).flatMap((p) => p.sessions.nodes);
const workItemsOf = (clients: Awaited<ReturnType<typeof measure>>['clients']) => sessionsOf(clients).flatMap((s) => s.workItems.nodes);

describe('a 4-level nested query', () => {
  it('costs the same small number of SQL statements for 3 and for 8 rows per level (first: 20)', async () => {
    const small = await measure(3, 20);
    const large = await measure(8, 20);
    expect(workItemsOf(small.clients)).toHaveLength(3 ** 4);
    expect(workItemsOf(large.clients)).toHaveLength(8 ** 4);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });

  it('limits every parent to `first` children inside the database, not after loading them all', async () => {
    const { statements, rowsLoaded, clients } = await measure(8, 3);
    expect(statements).toBe(4);
    expect(clients.nodes).toHaveLength(3);
    for (const level of [
      clients.nodes.map((c) => c.projects),
      projectsOf(clients).map((p) => p.sessions),
      sessionsOf(clients).map((s) => s.workItems),
    ]) {
      for (const connection of level) {
        expect(connection.nodes).toHaveLength(3);
        expect(connection.pageInfo.hasNextPage).toBe(true);
      }
    }
    // first + 1 rows per parent (the extra one answers hasNextPage): 4 + 3·4 + 9·4 + 27·4; fetching every child would load 320.
    expect(rowsLoaded).toBe(4 + 12 + 36 + 108);
  });

  it('pages one parent’s children with its cursor', async () => {
    await withTree(4, async (app) => {
      const { client } = await app.sdk.ClientProjects({ clientId: '1', first: 3 });
      expect(client?.projects.nodes.map((p) => p.name)).toEqual(['Project 0', 'Project 1', 'Project 2']);
      expect(client?.projects.pageInfo.hasNextPage).toBe(true);
      expect(client?.projects.totalCount).toBe(4);
      const next = await app.sdk.ClientProjects({ clientId: '1', first: 3, after: client?.projects.pageInfo.endCursor });
      expect(next.client?.projects.nodes.map((p) => p.name)).toEqual(['Project 3']);
      expect(next.client?.projects.pageInfo.hasNextPage).toBe(false);
    });
  });

  it('crosses groups (clients → infrastructure → commands → session) at a fixed statement count', async () => {
    const run = async (perLevel: number) => {
      const app = await startTestApp(`nested_infra_${perLevel}`);
      try {
        await insertInfrastructureTree(app.db, perLevel);
        let commands = 0;
        const statements = await countStatements(app, async () => {
          const { clients } = await app.sdk.ClientInfrastructureCommands({ first: 20 });
          const all = clients.nodes.flatMap((c) => c.infrastructure.nodes.flatMap((i) => i.commands.nodes));
          expect(all.every((c) => c.session.id)).toBe(true);
          commands = all.length;
        });
        return { statements, commands };
      } finally {
        await app.stop();
      }
    };
    const small = await run(2);
    const large = await run(6);
    expect(small.commands).toBe(2 ** 3);
    expect(large.commands).toBe(6 ** 3);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});
