import { ConfigError } from '../config';

export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'mariadb'; host: string; port: number; username: string; password: string; database: string };

/** Turns DATABASE_URL (`sqlite:./file`, `sqlite::memory:`, `mysql://user:pass@host:3306/db`) into connection settings. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new ConfigError('DATABASE_URL: sqlite: needs a file path, for example sqlite:./data/msp.sqlite');
    return { dialect: 'sqlite', path };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL: "${redactPassword(url)}" is not a URL; expected mysql://user:pass@host:3306/db`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database) {
    throw new ConfigError('DATABASE_URL: needs a host and a database name, for example mysql://root@127.0.0.1:3306/msp');
  }
  return {
    dialect: 'mariadb',
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    username: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** For messages and logs: the URL without its password. */
export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
