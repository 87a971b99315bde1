import { AppError } from '../../core/errors';

/** The PSA did not answer usefully (down, timing out, 5xx, rate limit longer than we wait); retrying later may work. */
export class PsaUnavailableError extends AppError {
  constructor(provider: string, detail: string, retryAfterSeconds?: number) {
    super('UPSTREAM_UNAVAILABLE', `${provider} is unavailable: ${detail}. Nothing was recorded here; try again later.`, {
      provider,
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    });
  }
}

/** The PSA answered and refused (401, 404, 422): retrying the same call will not help. */
export class PsaRefusedError extends AppError {
  constructor(provider: string, status: number, detail: string) {
    super('UPSTREAM_REFUSED', `${provider} refused the call (HTTP ${status}): ${detail}`, { provider, upstreamStatus: status });
  }
}

/** A write was sent but no clear answer came back: it may have landed. Callers read back before retrying. */
export class UncertainWriteError extends Error {
  constructor(readonly detail: string) {
    super(`The write may have landed: ${detail}`);
  }
}
