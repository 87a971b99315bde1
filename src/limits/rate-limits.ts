import { RateLimitedError } from '../core/errors';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  requestsPerMinute: number;
  revealsPerMinute: number;
  loginFailuresPer15Minutes: number;
  /** Shared counters for several replicas; without it each process counts alone. */
  redisUrl?: string;
  /** Key prefix in Redis, so several deployments can share one server. */
  redisPrefix: string;
}

/** How long failed logins count against an account, and so how long it stays locked once over the limit. */
export const LOGIN_FAILURE_WINDOW_MINUTES = 15;

/** After a failed login: tries the account has left, and when the count starts afresh. */
export interface LoginFailure {
  triesLeft: number;
  retryInSeconds: number;
}

const secondsUntil = (result: RateLimiterRes) => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

const limited = (what: string, result: RateLimiterRes) => {
  const seconds = secondsUntil(result);
  return new RateLimitedError(`${what}; try again in ${seconds} s.`, seconds);
};

/** Request, reveal and login-failure limits; in Redis when REDIS_URL is set (replicas share them), else in memory. */
export class RateLimits {
  private readonly redis?: Redis;
  private readonly requests: RateLimiterAbstract;
  private readonly reveals: RateLimiterAbstract;
  private readonly loginFailures: RateLimiterAbstract;
  private readonly makeLimiter: (keyPrefix: string, points: number, duration: number) => RateLimiterAbstract;
  private readonly outbound = new Map<string, RateLimiterAbstract>();

  /** `onRefused` hears the name of each limit that refuses a call (for metrics). */
  constructor(
    settings: RateLimitSettings,
    private readonly onRefused: (limit: string) => void = () => {},
  ) {
    this.redis = settings.redisUrl ? new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 }) : undefined;
    // If Redis fails, each process keeps limiting on its own (insurance) rather than refusing every request.
    const limiter = (this.makeLimiter = (keyPrefix: string, points: number, duration: number) =>
      this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix: `${settings.redisPrefix}:${keyPrefix}`,
            points,
            duration,
            insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
          })
        : new RateLimiterMemory({ keyPrefix, points, duration }));
    this.requests = limiter('requests', settings.requestsPerMinute, 60);
    this.reveals = limiter('reveals', settings.revealsPerMinute, 60);
    this.loginFailures = limiter('login-failures', settings.loginFailuresPer15Minutes, LOGIN_FAILURE_WINDOW_MINUTES * 60);
  }

  private async consume(limiter: RateLimiterAbstract, name: string, key: string, what: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      this.onRefused(name);
      throw limited(what, error);
    }
  }

  /** One request by this caller (a user, or an IP before login); RATE_LIMITED over the limit. */
  request(caller: string): Promise<void> {
    return this.consume(this.requests, 'requests', caller, 'Too many requests');
  }

  /** One credential reveal by this caller; a stricter limit than ordinary requests. */
  reveal(caller: string): Promise<void> {
    return this.consume(this.reveals, 'reveals', caller, 'Too many credential reveals');
  }

  /** Refuses a login attempt for an account that failed too often recently. */
  async assertLoginAllowed(email: string): Promise<void> {
    const state = await this.loginFailures.get(email);
    if (state && state.remainingPoints <= 0) {
      this.onRefused('login-failures');
      throw limited('Too many failed logins for this account', state);
    }
  }

  async loginFailed(email: string): Promise<LoginFailure> {
    const state = await this.loginFailures.penalty(email, 1);
    return { triesLeft: state.remainingPoints, retryInSeconds: secondsUntil(state) };
  }

  async loginSucceeded(email: string): Promise<void> {
    await this.loginFailures.delete(email);
  }

  /**
   * Takes one call from a shared budget for calls this service makes (a PSA's per-IP limit, which every
   * replica behind the same address shares). Answers 0 to go now, else the milliseconds to wait.
   */
  async outboundCall(key: string, points: number, durationSeconds: number): Promise<number> {
    const name = `outbound:${points}:${durationSeconds}`;
    let limiter = this.outbound.get(name);
    if (!limiter) this.outbound.set(name, (limiter = this.makeLimiter(name, points, durationSeconds)));
    try {
      await limiter.consume(key);
      return 0;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return Math.max(1, error.msBeforeNext);
    }
  }

  async close(): Promise<void> {
    await this.redis?.quit();
  }
}
