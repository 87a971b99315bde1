import { spawn } from 'node:child_process';
import { createConnection, Connection } from 'mysql2/promise';
import type { DatabaseTarget } from '../database/database-url';
import { EXIT, OperationError } from './operation-error';

export type MariadbTarget = Extract<DatabaseTarget, { dialect: 'mariadb' }>;

/** A connection to the server, without choosing a database (restore may have to create it). */
export async function connectServer(target: MariadbTarget): Promise<Connection> {
  try {
    return await createConnection({
      host: target.host,
      port: target.port,
      user: target.username,
      password: target.password,
      connectTimeout: 5000,
    });
  } catch (error) {
    throw new OperationError(
      `Cannot reach MariaDB at ${target.host}:${target.port} as ${target.username}: ${(error as Error).message}`,
      EXIT.unreachable,
    );
  }
}

/** The database's tables and their row counts; an empty map when the database has none (or does not exist). */
export async function mariadbTableCounts(connection: Connection, database: string): Promise<Map<string, number>> {
  const [tables] = await connection.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name",
    [database],
  );
  const counts = new Map<string, number>();
  for (const { name } of tables as { name: string }[]) {
    const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${name}\``);
    counts.set(name, Number((rows as { n: number }[])[0].n));
  }
  return counts;
}

/** The client tools' connection arguments; the password goes in the environment, never on the command line (ps shows that). */
export function clientArgs(target: MariadbTarget): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: [
      '--protocol=tcp',
      `--host=${target.host}`,
      `--port=${target.port}`,
      `--user=${target.username}`,
      '--default-character-set=utf8mb4',
    ],
    env: { ...process.env, MYSQL_PWD: target.password },
  };
}

/**
 * Runs a MariaDB client tool (mariadb-dump, mariadb), feeding `stdin` when given, calling `onLine` for
 * each line it writes to stderr; rejects with the tool's own error lines when it exits non-zero.
 */
export function runTool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => boolean,
  stdin?: NodeJS.ReadableStream,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    const problems: string[] = [];
    let pending = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      // onLine says whether a line was progress; the others are kept for the error message
      for (const line of lines) if (line.trim() && !onLine(line)) problems.push(line);
    });
    if (stdin) {
      stdin.pipe(child.stdin!);
      // the tool exiting early closes its stdin: its exit code tells why, not EPIPE
      child.stdin!.on('error', () => undefined);
    }
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new OperationError(
              `${command} is not on PATH: install the MariaDB client (Debian: apt-get install mariadb-client).`,
              EXIT.failed,
            )
          : error,
      ),
    );
    child.on('close', (code) => {
      if (pending.trim() && !onLine(pending)) problems.push(pending);
      if (code === 0) resolve();
      else reject(new OperationError(`${command} failed (exit ${code}): ${problems.slice(-5).join(' | ') || 'no message'}`, EXIT.failed));
    });
  });
}
