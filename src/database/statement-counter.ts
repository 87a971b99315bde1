import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from 'typeorm';

/** Work whose statements are not the operation's own: token checks before it, audit rows after it, background jobs. */
type Purpose = 'auth' | 'audit' | 'background';
const purposes = new AsyncLocalStorage<Purpose>();

/** Runs `work` with its SQL counted apart from the operation's own statements. */
export const countedAs = <T>(purpose: Purpose, work: () => Promise<T>): Promise<T> => purposes.run(purpose, work);

/** True inside token checks and audit writes: work that is not the operation's own. */
export const isCountedApart = (): boolean => purposes.getStore() !== undefined;

/** The statements of the HTTP request being served, for the statements-per-request histogram. */
const requestStatements = new AsyncLocalStorage<{ count: number }>();

/** Runs `work` (the rest of a request's handling) with its own statement tally. */
export const tallyStatements = <T>(work: () => T): T => requestStatements.run({ count: 0 }, work);

/** Statements the current request's operation ran so far; undefined outside tallyStatements. */
export const requestStatementCount = (): number | undefined => requestStatements.getStore()?.count;

/**
 * TypeORM logger that counts SQL statements. Tests and benchmarks read `count` to prove a nested
 * query costs a fixed number of statements, whatever the number of rows, and whether or not the
 * few-seconds cache of token checks happened to expire just then.
 */
export class StatementCounter implements Logger {
  /** Statements of the operations themselves. */
  count = 0;
  /** Statements of token checks (revocation, user, agent session), cached for a few seconds in steady use. */
  authChecks = 0;

  logQuery(): void {
    const purpose = purposes.getStore();
    if (purpose === 'auth') this.authChecks += 1;
    else if (!purpose) {
      this.count += 1;
      const tally = requestStatements.getStore();
      if (tally) tally.count += 1;
    }
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
