import { randomBytes } from 'node:crypto';
import { keysFromSecret } from '../../../src/security/auth/signing-keys';
import { loadConfig, serverLimits } from '../../../src/config';
import { Database } from '../../../src/database/database';
import { createLogger } from '../../../src/logger';
import { RunningServer, startServer } from '../../../src/server';
import { Authenticator } from '../../../src/security/auth.service';
import { createScratchDatabase, ScratchDatabase } from '../../helpers/scratch-database';

describe('GET /ready', () => {
  let scratch: ScratchDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    // not migrated: the server is up (live) but must not get traffic yet
    scratch = await createScratchDatabase('ready');
    const db = new Database(scratch.dataSource);
    const auth = new Authenticator(db, keysFromSecret(randomBytes(32)));
    server = await startServer({ db, port: 0, vault: null, logger: createLogger('silent'), auth, limits: serverLimits(loadConfig({})) });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await scratch.drop();
  });

  const probe = async (path: string) => (await fetch(server.url.replace('/graphql', path))).status;

  it('answers 503 while migrations are pending, though /health says the process and database are up', async () => {
    expect(await probe('/ready')).toBe(503);
    expect(await probe('/health')).toBe(200);
  });

  it('answers 200 once the migrations ran', async () => {
    await scratch.dataSource.runMigrations({ transaction: 'each' });
    const response = await fetch(server.url.replace('/graphql', '/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  }, 60_000);

  it('answers 503 again when the database stops answering', async () => {
    await scratch.dataSource.destroy();
    expect(await probe('/ready')).toBe(503);
  });
});
