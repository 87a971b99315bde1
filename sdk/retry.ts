import { MspApiError } from './errors.ts';

/** First backoff step; each retry doubles it. */
const BASE_DELAY_MS = 250;
/** A Retry-After longer than this is handed to the caller rather than waited out inside one call. */
const MAX_RETRY_AFTER_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter (half fixed, half random), so callers that failed together do not retry together. */
const backoff = (retry: number) => BASE_DELAY_MS * 2 ** retry * (0.5 + Math.random() / 2);

/**
 * How long to wait before retrying after `error`, or undefined when a retry cannot help: only no answer
 * (status 0), 5xx and 429 are worth another try; a 429 waits the Retry-After the server asked for.
 */
function retryDelay(error: unknown, retry: number): number | undefined {
  if (!(error instanceof MspApiError)) return undefined;
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    if (seconds === undefined) return backoff(retry);
    return seconds * 1000 <= MAX_RETRY_AFTER_MS ? seconds * 1000 + Math.random() * BASE_DELAY_MS : undefined;
  }
  return error.status === 0 || error.status >= 500 ? backoff(retry) : undefined;
}

/** Runs `attempt`, and again up to `retries` times after errors a retry can fix. */
export async function withRetries<T>(retries: number, attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = retry < retries ? retryDelay(error, retry) : undefined;
      if (delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
