import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  requestsPerMinute: number;
  revealsPerMinute: number;
  loginFailuresPer15Minutes: number;
}

const limited = (what: string, result: RateLimiterRes) => {
  const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return new GraphQLError(`${what}; try again in ${seconds} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });
};

/**
 * Request and login-failure limits. Kept in this process's memory: fine for one replica; several replicas
 * each count on their own until the limiter moves to a shared store (Redis or the database).
 */
export class RateLimits {
  private readonly requests: RateLimiterMemory;
  private readonly loginFailures: RateLimiterMemory;
  private readonly reveals: RateLimiterMemory;

  constructor(settings: RateLimitSettings) {
    this.requests = new RateLimiterMemory({ points: settings.requestsPerMinute, duration: 60 });
    this.loginFailures = new RateLimiterMemory({ points: settings.loginFailuresPer15Minutes, duration: 15 * 60 });
    this.reveals = new RateLimiterMemory({ points: settings.revealsPerMinute, duration: 60 });
  }

  /** One credential reveal by this caller; a stricter limit than ordinary requests. */
  async reveal(caller: string): Promise<void> {
    try {
      await this.reveals.consume(caller);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw limited('Too many credential reveals', error);
      throw error;
    }
  }

  /** One request by this caller (a user, or an IP before login); RATE_LIMITED over the limit. */
  async request(caller: string): Promise<void> {
    try {
      await this.requests.consume(caller);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw limited('Too many requests', error);
      throw error;
    }
  }

  /** Refuses a login attempt for an account that failed too often recently. */
  async assertLoginAllowed(email: string): Promise<void> {
    const state = await this.loginFailures.get(email);
    if (state && state.remainingPoints <= 0) throw limited('Too many failed logins for this account', state);
  }

  async loginFailed(email: string): Promise<void> {
    await this.loginFailures.penalty(email, 1).catch(() => undefined);
  }

  async loginSucceeded(email: string): Promise<void> {
    await this.loginFailures.delete(email);
  }
}
