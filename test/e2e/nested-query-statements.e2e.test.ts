import { insertTree } from '../helpers/tree-data';
import { countStatements, startTestApp } from '../helpers/test-app';

/** Statements and rows for clients → projects → sessions → workItems, each level first: 20. */
async function measure(perLevel: number) {
  const app = await startTestApp(`nested_${perLevel}`);
  try {
    await insertTree(app.db, perLevel);
    let workItems = 0;
    const statements = await countStatements(app, async () => {
      const { clients } = await app.sdk.ClientTree({ first: 20 });
      workItems = clients.nodes.flatMap((c) => c.projects.nodes.flatMap((p) => p.sessions.nodes.flatMap((s) => s.workItems.nodes))).length;
    });
    return { statements, workItems };
  } finally {
    await app.stop();
  }
}

describe('a 4-level nested query', () => {
  it('costs the same small number of SQL statements for 3 and for 8 rows per level', async () => {
    const small = await measure(3);
    const large = await measure(8);
    expect(small.workItems).toBe(3 ** 4);
    expect(large.workItems).toBe(8 ** 4);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });

  it('limits each parent to `first` children in the database and reports the rest through pageInfo', async () => {
    const app = await startTestApp('nested_limit');
    try {
      await insertTree(app.db, 4);
      const { client } = await app.sdk.ClientProjects({ clientId: '1', first: 3 });
      expect(client?.projects.nodes.map((p) => p.name)).toEqual(['Project 0', 'Project 1', 'Project 2']);
      expect(client?.projects.pageInfo.hasNextPage).toBe(true);
      expect(client?.projects.totalCount).toBe(4);
      const next = await app.sdk.ClientProjects({ clientId: '1', first: 3, after: client?.projects.pageInfo.endCursor });
      expect(next.client?.projects.nodes.map((p) => p.name)).toEqual(['Project 3']);
      expect(next.client?.projects.pageInfo.hasNextPage).toBe(false);
    } finally {
      await app.stop();
    }
  });
});
