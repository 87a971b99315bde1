import { ConfigError, loadConfig } from '../../../src/config';
import { parseDatabaseUrl, redactPassword } from '../../../src/database/database-url';

describe('configuration', () => {
  it('defaults to the embedded SQLite file on port 4000', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(parseDatabaseUrl(config.DATABASE_URL)).toEqual({ dialect: 'sqlite', path: './data/msp.sqlite' });
  });

  it('reads a MariaDB URL with credentials', () => {
    expect(parseDatabaseUrl('mysql://msp:s%40cret@db.example:3307/msp')).toEqual({
      dialect: 'mariadb',
      host: 'db.example',
      port: 3307,
      username: 'msp',
      password: 's@cret',
      database: 'msp',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://localhost/db' }, 'DATABASE_URL'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it('refuses a MariaDB URL without a database, and never repeats a password', () => {
    expect(() => parseDatabaseUrl('mysql://root@localhost:3306')).toThrow(/database name/);
    expect(redactPassword('mysql://msp:hunter2@db/msp')).toBe('mysql://msp:***@db/msp');
  });
});
