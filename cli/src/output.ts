/** Exit codes a script can switch on. */
export const EXIT = { ok: 0, failed: 1, usage: 2, auth: 3, notFound: 4, unreachable: 5, conflict: 6 } as const;

/** A failure the CLI explains in one line and ends with a meaningful exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    readonly code: string = 'FAILED',
  ) {
    super(message);
  }
}

const EXIT_FOR_CODE: Record<string, number> = {
  BAD_USER_INPUT: EXIT.usage,
  GRAPHQL_VALIDATION_FAILED: EXIT.usage,
  UNAUTHENTICATED: EXIT.auth,
  FORBIDDEN: EXIT.auth,
  NOT_FOUND: EXIT.notFound,
  SERVICE_UNREACHABLE: EXIT.unreachable,
  TIMEOUT: EXIT.unreachable,
  DATABASE_UNAVAILABLE: EXIT.unreachable,
  UPSTREAM_UNAVAILABLE: EXIT.unreachable,
  CONFLICT: EXIT.conflict,
  LOCKED: EXIT.conflict,
};

export const exitCodeFor = (code: string): number => EXIT_FOR_CODE[code] ?? EXIT.failed;

/** Options every command takes. */
export interface OutputOptions {
  json?: boolean;
}

/** Prints the answer: JSON for scripts (`--json`), the human text otherwise. */
export function print(options: OutputOptions, data: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

/** A plain table: a header row and aligned columns. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell == null ? '' : String(cell))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (cell ?? '').padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Progress for steps that take seconds, on stderr so stdout stays the answer. */
export const progress = (options: OutputOptions, message: string): void => {
  if (!options.json) process.stderr.write(`${message}\n`);
};
