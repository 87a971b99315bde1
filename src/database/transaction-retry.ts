/**
 * Re-running whole transactions that lost a lock race. On InnoDB that is a deadlock victim; on a Galera
 * cluster also a certification conflict (a concurrent write on another node to the same rows), which the
 * losing node reports as ER_LOCK_DEADLOCK (1213) at commit. The transaction was rolled back as a whole,
 * so running it again from the start is safe.
 */
export const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** Upper bound of the first back-off; each later one doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 10, baseDelayMs: 10, maxDelayMs: 400 };

export function isRetryableConflict(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return RETRYABLE_CODES.has(e.driverError?.code ?? e.code ?? '');
}

/** "Full jitter": a random wait below a doubling cap, so colliding transactions spread apart. */
export function backoffMs(policy: RetryPolicy, failedAttempt: number, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * cap);
}

/** Counts retries process-wide, for /metrics and the cluster test's figures. */
export const retryStats = { retried: 0, exhausted: 0 };

export async function withConflictRetry<T>(
  run: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= policy.attempts) {
        retryStats.exhausted++;
        throw error;
      }
      retryStats.retried++;
      await sleep(backoffMs(policy, attempt));
    }
  }
}
