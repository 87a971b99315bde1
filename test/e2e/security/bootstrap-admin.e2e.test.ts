import { User, UserRole } from '../../../entities/user.entity';
import { hashPassword, verifyPassword } from '../../../src/security/auth/passwords';
import { Database } from '../../../src/database/database';
import { createUser } from '../../../src/admin/admin.service';
import { bootstrapAdmin } from '../../../src/security/auth.service';
import { createMigratedDatabase, ScratchDatabase } from '../../helpers/scratch-database';
import { systemScope } from '../../../src/kit/scope';

const PASSWORD = 'the configured admin password';

describe('the first admin (bootstrapAdmin at start)', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  beforeEach(async () => {
    scratch = await createMigratedDatabase('bootstrap_admin');
    db = new Database(scratch.dataSource);
  });
  afterEach(() => scratch.drop());

  const scope = () => systemScope(db, 'test');
  const bootstrap = () => bootstrapAdmin(scope(), 'admin@localhost', PASSWORD);
  const userByEmail = (email: string) => db.manager.findOneByOrFail(User, { email });
  const addUser = async (email: string, role: UserRole, changes: Partial<User> = {}) => {
    const { user } = await createUser(scope(), { email, displayName: email, role });
    await db.transaction(scope(), (m) => m.save(Object.assign(user, changes)));
  };

  it('creates one on a fresh install, with a generated password when none is configured, and only once', async () => {
    const first = await bootstrapAdmin(scope(), 'Admin@Localhost', undefined);
    expect(first).toEqual({ email: 'admin@localhost', generatedPassword: expect.stringMatching(/^\S{16}$/) });
    const admin = await userByEmail('admin@localhost');
    expect(admin).toMatchObject({ role: UserRole.ADMIN, active: true });
    expect(await verifyPassword((first as { generatedPassword: string }).generatedPassword, admin.passwordHash)).toBe(true);
    expect(await bootstrap()).toBeNull();
    expect(await db.manager.count(User)).toBe(1);
  });

  it('creates one when the only admin cannot log in (no password yet, or deactivated)', async () => {
    await addUser('seeded@example.com', UserRole.ADMIN);
    await addUser('gone@example.com', UserRole.ADMIN, { active: false, passwordHash: await hashPassword('an old admin password') });
    await addUser('tech@example.com', UserRole.TECHNICIAN, { passwordHash: await hashPassword('a technician password') });
    expect(await bootstrap()).toEqual({ email: 'admin@localhost' });
    expect(await verifyPassword(PASSWORD, (await userByEmail('admin@localhost')).passwordHash)).toBe(true);
  });

  it('does nothing while an active admin has a password', async () => {
    await addUser('boss@example.com', UserRole.ADMIN, { passwordHash: await hashPassword('the boss password') });
    expect(await bootstrap()).toBeNull();
    expect(await db.manager.countBy(User, { email: 'admin@localhost' })).toBe(0);
  });

  it('gives the password to the configured admin when it exists without one', async () => {
    await addUser('admin@localhost', UserRole.ADMIN);
    expect(await bootstrap()).toEqual({ email: 'admin@localhost' });
    expect(await verifyPassword(PASSWORD, (await userByEmail('admin@localhost')).passwordHash)).toBe(true);
  });

  it('never promotes or reactivates the account of the configured e-mail: it says what to do instead', async () => {
    await addUser('admin@localhost', UserRole.TECHNICIAN);
    const outcome = await bootstrap();
    expect(outcome).toEqual({ problem: expect.stringContaining('admin@localhost (MSP_ADMIN_EMAIL) is a TECHNICIAN user') });
    expect(await userByEmail('admin@localhost')).toMatchObject({ role: UserRole.TECHNICIAN, passwordHash: null });

    await db.transaction(scope(), async (m) =>
      m.save(Object.assign(await userByEmail('admin@localhost'), { role: UserRole.ADMIN, active: false })),
    );
    expect(await bootstrap()).toEqual({ problem: expect.stringContaining('is a deactivated user') });
    expect(await userByEmail('admin@localhost')).toMatchObject({ active: false, passwordHash: null });
  });
});
