import { clientError, errorDetail, MspApiError } from './errors.ts';

/** One HTTP attempt of one operation. */
export interface Attempt {
  url: string;
  fetch: typeof fetch;
  query: string;
  variables: unknown;
  headers: Record<string, string>;
  requestId: string;
  timeoutMs: number;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Why fetch failed, as Node names it (ECONNREFUSED, ENOTFOUND, …) when it does. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}

function parseBody(text: string): GraphQLResponse {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' ? (body as GraphQLResponse) : {};
  } catch {
    return {};
  }
}

/** Seconds of a Retry-After header given in seconds (its date form is not used by the API). */
function retryAfterHeader(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** The data of an answer, or MspApiError with every error it carried. */
function dataOf(response: Response, body: GraphQLResponse, attempt: Attempt): unknown {
  const context = { requestId: attempt.requestId };
  if (body.errors?.length) {
    throw new MspApiError(
      body.errors.map((e) => errorDetail(e.message, e.extensions)),
      response.status,
      context,
    );
  }
  if (response.ok && body.data !== undefined) return body.data;
  const retryAfterSeconds = retryAfterHeader(response);
  throw clientError(
    response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR',
    `HTTP ${response.status} from ${attempt.url}`,
    response.status,
    context,
    retryAfterSeconds === undefined ? {} : { retryAfterSeconds },
  );
}

/**
 * POSTs one operation. No answer within `timeoutMs` (body included) is TIMEOUT, a failed connection
 * SERVICE_UNREACHABLE, both with status 0.
 */
export async function post(attempt: Attempt): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), attempt.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await attempt.fetch(attempt.url, {
      method: 'POST',
      headers: attempt.headers,
      body: JSON.stringify({ query: attempt.query, variables: attempt.variables }),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (cause) {
    const context = { requestId: attempt.requestId, cause };
    if (controller.signal.aborted) {
      throw clientError('TIMEOUT', `No answer from ${attempt.url} within ${attempt.timeoutMs} ms`, 0, context, {
        timeoutMs: attempt.timeoutMs,
      });
    }
    const reason = networkReason(cause);
    throw clientError('SERVICE_UNREACHABLE', `Cannot reach ${attempt.url} (${reason})`, 0, context, { reason });
  } finally {
    clearTimeout(timer);
  }
  return dataOf(response, parseBody(text), attempt);
}
