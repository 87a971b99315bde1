/** Exit codes of the operator commands (backup, restore), for scripts and cron to switch on. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** Refused to overwrite: the target database is not empty, or the backup file exists (`--force`). */
  refused: 3,
  /** The backup file is missing, unreadable, or not a backup of this database's kind. */
  badBackup: 4,
  /** The database cannot be reached or opened. */
  unreachable: 5,
} as const;

/** A failure the operator can act on: its message alone is printed (no stack), and the process exits with `exitCode`. */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
