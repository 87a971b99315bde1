import { backoffMs, retryAfterSeconds, subWindowBudget } from './backoff';
import { errorText } from './error-text';
import { PsaRefusedError, PsaUnavailableError, UncertainWriteError } from './errors';

/** One outbound attempt as the call log keeps it: never a key, never a body. */
export interface CallRecord {
  operation: string;
  method: string;
  /** Path without the query string (a legacy `api_key` may sit there). */
  path: string;
  status: number | null;
  durationMs: number;
  outcome: 'SUCCEEDED' | 'FAILED' | 'RETRIED';
  ticketId: string | null;
}

export interface PsaHttpOptions {
  provider: string;
  baseUrl: string;
  /** Headers carrying the credentials, asked for before each attempt (an OAuth token may expire). */
  authHeaders: () => Promise<Record<string, string>>;
  budget: { requests: number; windowSeconds: number };
  /** Takes one call from the shared budget: 0 to go now, else ms to wait. */
  throttle: (key: string, points: number, durationSeconds: number) => Promise<number>;
  timeoutMs: number;
  record: (call: CallRecord) => Promise<void>;
  maxAttempts?: number;
  backoffBaseMs?: number;
  /** A 429 asking for a longer wait is handed back to the caller rather than waited out. */
  maxRetryAfterSeconds?: number;
}

export interface PsaRequest {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** application/x-www-form-urlencoded instead of JSON (OAuth token requests). */
  form?: Record<string, string>;
  ticketId?: string;
  /** A 404 is an answer (the caller says what was not found) rather than a refusal. */
  notFoundIsAnswer?: boolean;
  /** Absolute URL (an auth server beside the API). */
  url?: string;
}

export interface PsaResponse {
  status: number;
  body: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Network failures where the request provably never reached the server: safe to send again. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const causeCode = (error: unknown): string | undefined =>
  (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;

/**
 * HTTP to one PSA: every attempt takes a slot of the provider's shared budget and is recorded; a 429 is
 * waited out (Retry-After when given, else exponential backoff with jitter); reads are retried after
 * 5xx and timeouts; writes only when they provably did not arrive. A write that may have landed throws
 * UncertainWriteError, so the caller reads back before trying again.
 */
export class PsaHttp {
  private readonly budget: { points: number; durationSeconds: number };
  private readonly budgetKey: string;

  constructor(private readonly o: PsaHttpOptions) {
    this.budget = subWindowBudget(o.budget.requests, o.budget.windowSeconds);
    this.budgetKey = `${o.provider}:${new URL(o.baseUrl).host}`;
  }

  private async takeSlot(): Promise<void> {
    for (;;) {
      const wait = await this.o.throttle(this.budgetKey, this.budget.points, this.budget.durationSeconds);
      if (!wait) return;
      await sleep(wait);
    }
  }

  private urlOf(r: PsaRequest): string {
    const url = new URL(r.url ?? `${this.o.baseUrl.replace(/\/+$/, '')}${r.path}`);
    for (const [k, v] of Object.entries(r.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    return url.toString();
  }

  async request(r: PsaRequest): Promise<PsaResponse> {
    const maxAttempts = this.o.maxAttempts ?? 4;
    const base = this.o.backoffBaseMs ?? 250;
    const isRead = r.method === 'GET';
    let lastProblem = 'no answer';
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const last = attempt === maxAttempts - 1;
      await this.takeSlot();
      const started = Date.now();
      const log = (status: number | null, outcome: CallRecord['outcome']) =>
        this.o.record({
          operation: r.operation,
          method: r.method,
          path: r.path,
          status,
          durationMs: Date.now() - started,
          outcome,
          ticketId: r.ticketId ?? null,
        });
      let response: Response;
      let body: unknown;
      try {
        response = await fetch(this.urlOf(r), {
          method: r.method,
          headers: {
            accept: 'application/json',
            ...(r.form
              ? { 'content-type': 'application/x-www-form-urlencoded' }
              : r.body !== undefined
                ? { 'content-type': 'application/json' }
                : {}),
            ...(await this.o.authHeaders()),
          },
          body: r.form ? new URLSearchParams(r.form).toString() : r.body !== undefined ? JSON.stringify(r.body) : undefined,
          signal: AbortSignal.timeout(this.o.timeoutMs),
          redirect: 'error',
        });
        body = await readBody(response);
      } catch (error) {
        if (error instanceof PsaRefusedError || error instanceof PsaUnavailableError) throw error;
        const code = causeCode(error);
        const timedOut = (error as Error).name === 'TimeoutError';
        lastProblem = timedOut ? `no answer within ${this.o.timeoutMs} ms` : `connection failed (${code ?? (error as Error).message})`;
        const safe = isRead || NOT_SENT.has(code ?? '');
        await log(null, safe && !last ? 'RETRIED' : 'FAILED');
        if (!safe) throw new UncertainWriteError(lastProblem);
        if (!last) await sleep(backoffMs(attempt, base));
        continue;
      }
      const status = response.status;
      if (status === 429) {
        const asked = retryAfterSeconds(response.headers.get('retry-after'));
        const max = this.o.maxRetryAfterSeconds ?? 60;
        lastProblem = 'rate limited (HTTP 429)';
        if (asked !== undefined && asked > max) {
          await log(status, 'FAILED');
          throw new PsaUnavailableError(this.o.provider, `rate limited for ${asked} s`, asked);
        }
        await log(status, last ? 'FAILED' : 'RETRIED');
        if (!last) await sleep(asked !== undefined ? asked * 1000 : backoffMs(attempt, base * 4));
        continue;
      }
      if (status >= 500) {
        lastProblem = `HTTP ${status}`;
        await log(status, isRead && !last ? 'RETRIED' : 'FAILED');
        if (!isRead) throw new UncertainWriteError(lastProblem);
        if (!last) await sleep(backoffMs(attempt, base));
        continue;
      }
      if (status === 404 && r.notFoundIsAnswer) {
        await log(status, 'SUCCEEDED');
        return { status, body };
      }
      if (status >= 400) {
        await log(status, 'FAILED');
        const detail =
          status === 401 || status === 403
            ? `the API key was refused or lacks a permission this call needs (${errorText(body)})`
            : errorText(body);
        throw new PsaRefusedError(this.o.provider, status, detail);
      }
      await log(status, 'SUCCEEDED');
      return { status, body };
    }
    throw new PsaUnavailableError(this.o.provider, `${lastProblem} after ${maxAttempts} attempts`);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
