import { revertLastMigration } from '../../src/database/revert-migration';
import { pendingSchemaChanges } from '../../src/database/schema-diff';
import { createMigratedDatabase, ScratchDatabase, testDialect } from '../helpers/scratch-database';
import { fullTextMatches } from '../../src/database/full-text';

describe(`migrations on ${testDialect}`, () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createMigratedDatabase('migrations');
  });
  afterAll(() => scratch.drop());

  it('produce exactly the schema the entities describe (else run `npm run migration:generate -- <Name>`)', async () => {
    const changes = await pendingSchemaChanges(scratch.dataSource);
    expect(changes.up).toEqual([]);
  });

  it('enforce foreign keys: a session pointing at a missing client is refused by the database', async () => {
    const insert = scratch.dataSource.query(
      `INSERT INTO sessions (mode, client_id, billable, started_at, created_at, updated_at) VALUES ('MSP', 999, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
    );
    await expect(insert).rejects.toThrow(/foreign key/i);
  });

  it('upgrade a database from the first migration with rows in place, keeping every row', async () => {
    const { dataSource } = scratch;
    while ((await dataSource.query('SELECT COUNT(*) AS n FROM migrations').then((r) => Number(r[0].n))) > 1) {
      await revertLastMigration(dataSource);
    }
    const t = `'2026-01-01 10:00:00.000'`;
    await dataSource.query(
      `INSERT INTO clients (id, name, slug, hourly_rate_cents, active, created_at, updated_at) VALUES (1, 'Kept', 'kept', 12345, 1, ${t}, ${t})`,
    );
    await dataSource.query(
      `INSERT INTO sessions (id, mode, client_id, billable, started_at, created_at, updated_at) VALUES (7, 'MSP', 1, 1, ${t}, ${t}, ${t})`,
    );
    await dataSource.query(
      `INSERT INTO work_items (session_id, category, description, minutes, billable, created_at) VALUES (7, 'OTHER', 'kept work', 42, 1, ${t})`,
    );

    await dataSource.runMigrations({ transaction: 'each' });

    const [client] = await dataSource.query('SELECT name, hourly_rate_cents FROM clients WHERE id = 1');
    expect(client).toEqual({ name: 'Kept', hourly_rate_cents: 12345 });
    const [item] = await dataSource.query(
      'SELECT w.description, w.minutes, s.mode FROM work_items w JOIN sessions s ON s.id = w.session_id',
    );
    expect(item).toEqual({ description: 'kept work', minutes: 42, mode: 'MSP' });
    // billing rules: actual minutes kept, billable the same under the default labor type, started when logged
    const [billing] = await dataSource.query(
      'SELECT w.billable_centiminutes, w.prepaid_centiminutes, w.rule_version, w.started_at = w.created_at AS same_start, l.name, l.is_default FROM work_items w JOIN labor_types l ON l.id = w.labor_type_id',
    );
    expect(billing).toEqual({
      billable_centiminutes: 4200,
      prepaid_centiminutes: 0,
      rule_version: 1,
      same_start: 1,
      name: 'Standard',
      is_default: 1,
    });
    const [kept] = await dataSource.query(
      'SELECT time_zone, business_hours_start, business_hours_end, business_days, after_hours_policy, prepaid_alert_percent FROM clients WHERE id = 1',
    );
    expect(kept).toEqual({
      time_zone: 'UTC',
      business_hours_start: '09:00',
      business_hours_end: '17:00',
      business_days: '1,2,3,4,5',
      after_hours_policy: 'NONE',
      prepaid_alert_percent: 20,
    });
    // records from before search existed are searchable
    const found = await fullTextMatches(dataSource.manager, ['kept'], [], 10);
    expect(await dataSource.query(`SELECT source, client_id FROM search_documents WHERE id IN (${found.join(', ')})`)).toEqual([
      { source: 'WORK_ITEM', client_id: 1 },
    ]);
    // and their terms were backfilled into the term index that search reads ("kept" is a filler word)
    const terms = await dataSource.query(
      `SELECT t.term, t.source, t.body_count, t.term_count FROM search_terms t WHERE t.document_id IN (${found.join(', ')})`,
    );
    expect(terms).toEqual([{ term: 'work', source: 'WORK_ITEM', body_count: 1, term_count: 1 }]);
    await dataSource.query('DELETE FROM search_documents');
    await dataSource.query('DELETE FROM work_items');
    await dataSource.query('DELETE FROM sessions');
    await dataSource.query('DELETE FROM clients');
  });

  it('can be reverted to an empty database and applied again', async () => {
    const { dataSource } = scratch;
    for (let i = 0; i < dataSource.migrations.length; i++) await revertLastMigration(dataSource);
    const tables = await dataSource.createQueryRunner().getTables(['clients', 'sessions']);
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });
});
