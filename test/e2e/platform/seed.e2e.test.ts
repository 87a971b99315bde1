import { seed } from '../../../scripts/seed';
import { Client } from '../../../entities/client.entity';
import { Infrastructure } from '../../../entities/infrastructure.entity';
import { Project } from '../../../entities/project.entity';
import { Session } from '../../../entities/session.entity';
import { createClient } from '../../../src/tracking/client.service';
import { auditedEntities } from '../../../entities/audited';
import { entities } from '../../../entities';
import { Database } from '../../../src/database/database';
import { createMigratedDatabase, ScratchDatabase } from '../../helpers/scratch-database';
import { ADMIN_EMAIL, startTestApp } from '../../helpers/test-app';
import { systemScope } from '../../../src/kit/scope';

describe('npm run seed', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createMigratedDatabase('seed');
  });
  afterAll(() => scratch.drop());

  const rowCounts = async () => {
    const counts: Record<string, number> = {};
    for (const entity of entities)
      counts[scratch.dataSource.getMetadata(entity).tableName] = await scratch.dataSource.getRepository(entity).count();
    return counts;
  };

  it('fills every table group, logs every business row, and a second run changes nothing', async () => {
    const db = new Database(scratch.dataSource);
    await seed(systemScope(db, 'seed'));
    const first = await rowCounts();
    // filled by requests, logins and the PSA adapter, not by the seed; PSA connections and webhooks need a
    // real PSA account or receiver, so an admin sets them up
    const notSeeded = [
      'api_audit_log',
      'external_integrations',
      'refresh_tokens',
      'revoked_tokens',
      'integrations',
      'webhooks',
      'webhook_deliveries',
    ];
    const empty = Object.entries(first).filter(([table, n]) => n === 0 && !notSeeded.includes(table));
    expect(empty).toEqual([]);

    const logged = await scratch.dataSource.query('SELECT DISTINCT object_type AS t FROM change_log');
    const adminSetUp = new Set(['Integration', 'Webhook']); // not seeded, see above
    expect(logged.map((r: { t: string }) => r.t).sort()).toEqual([...auditedEntities.values()].filter((t) => !adminSetUp.has(t)).sort());

    // billing: a client on a prepaid block, with after-hours work drawn from it at 1.5x
    const [afterHours] = await scratch.dataSource.query(
      "SELECT COUNT(*) AS n FROM work_items w JOIN sessions s ON s.id = w.session_id JOIN clients c ON c.id = s.client_id WHERE c.name = 'Dataforth' AND w.after_hours = 1 AND w.prepaid_centiminutes = w.minutes * 150",
    );
    expect(Number(afterHours.n)).toBeGreaterThan(0);
    const [block] = await scratch.dataSource.query('SELECT used_centiminutes, capacity_centiminutes FROM prepaid_blocks');
    expect(Number(block.used_centiminutes)).toBeGreaterThan(0);
    expect(Number(block.used_centiminutes)).toBeLessThan(Number(block.capacity_centiminutes));

    await seed(systemScope(db, 'seed'));
    expect(await rowCounts()).toEqual(first);
  });

  it('run before the first start, still lets the first admin be created and log in, and prints an invite for its user', async () => {
    let invites: Awaited<ReturnType<typeof seed>>['invites'] = [];
    const app = await startTestApp('seed_first', { beforeStart: async (db) => ({ invites } = await seed(systemScope(db, 'seed'))) });
    try {
      expect((await app.sdk.Me()).me).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
      expect(invites.map((i) => i.user.email)).toEqual(['mike@example.com']);
      const { acceptInvite } = await app.anonymous.AcceptInvite({ input: { token: invites[0].token, password: 'mike picks a password' } });
      expect(acceptInvite.user).toMatchObject({ email: 'mike@example.com', role: 'ADMIN' });
      expect((await seed(systemScope(app.db, 'seed'))).invites).toEqual([]); // shown once
    } finally {
      await app.stop();
    }
  });

  it('lands whole or leaves nothing: a step that fails takes back every row the run wrote', async () => {
    const failing = await createMigratedDatabase('seed_failing');
    try {
      const db = new Database(failing.dataSource);
      const scope = systemScope(db, 'test');
      // the second demo client's slug is taken, so the run fails after the first client and its projects
      await createClient(scope, { name: 'Another firm', slug: 'grabb-durando' });
      await expect(seed(systemScope(db, 'seed'))).rejects.toThrow(/slug/i);
      const counts = await Promise.all(
        [Client, Project, Session, Infrastructure].map((entity) => failing.dataSource.getRepository(entity).count()),
      );
      expect(counts).toEqual([1, 0, 0, 0]);
    } finally {
      await failing.drop();
    }
  });

  it("closes the learning cycle through the API: AD2's failed Get-LocalUser warns the next agent and proposes WMI", async () => {
    const app = await startTestApp('seed_learning');
    try {
      await seed(systemScope(app.db, 'seed'));
      const { environmentContext } = await app.sdk.EnvironmentContext({ hostname: 'AD2', command: 'Get-LocalUser -Name Administrator' });
      expect(environmentContext.verdict).toBe('WARN');
      expect(environmentContext.alternative).toContain('Get-WmiObject');
      expect(environmentContext.insights.map((i) => i.insight)).toContainEqual(expect.stringMatching(/^get-localuser fails on AD2/));
      const knowledge = await app.sdk.Search({ text: 'LAPS', filter: { mode: 'NORMAL', sources: ['NOTE'] } });
      expect(knowledge.search.hits).toHaveLength(2);
    } finally {
      await app.stop();
    }
  });
});
