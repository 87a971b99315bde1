import { pendingSchemaChanges } from '../../src/database/schema-diff';
import { createMigratedDatabase, ScratchDatabase, testDialect } from '../helpers/scratch-database';

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

  it('can be reverted to an empty database and applied again', async () => {
    const { dataSource } = scratch;
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.createQueryRunner().getTables(['clients', 'sessions']);
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });
});
