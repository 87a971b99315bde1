import { z } from 'zod';
import type { CostLimits } from './limits/query-cost.plugin';
import type { RateLimitSettings } from './limits/rate-limits';
import type { WebhookSettings } from './webhooks/settings';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(
      /^(mysql|mariadb|sqlite):/,
      'must start with mysql://, mariadb:// or sqlite: (for example mysql://root@127.0.0.1:3306/msp or sqlite:./data/msp.sqlite)',
    )
    .default('sqlite:./data/msp.sqlite'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_KEY_FILE: z.string().default('./data/jwt-keys.json'),
  MSP_ADMIN_EMAIL: z.email('must be an e-mail address').default('admin@localhost'),
  MSP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_LOGIN_FAILURES_PER_15_MIN: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_CREDENTIALS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_REDIS_PREFIX: z.string().max(50).default('msp'),
  AUTH_CACHE_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL such as redis://127.0.0.1:6379')
    .optional(),
  MSP_VAULT_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  MSP_VAULT_KEYRING_FILE: z.string().default('./data/vault-keyring.json'),
  QUERY_MAX_NODES: z.coerce.number().int().min(1).default(500_000),
  QUERY_LARGE_NODES: z.coerce.number().int().min(1).default(10_000),
  QUERY_LARGE_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(2),
  QUERY_MAX_CONNECTION_DEPTH: z.coerce.number().int().min(1).default(5),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(25),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(20),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(1).default(10_000),
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WEBHOOK_ALLOW_PRIVATE_NETWORK: z.enum(['true', 'false']).default('false'),
  WEBHOOK_WORKER: z.enum(['true', 'false']).default('true'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(15),
});

/**
 * How long a replica trusts its cached token checks: AUTH_CACHE_SECONDS while it hears the other replicas'
 * revocations (or is alone), half a second while REDIS_URL is set but the bus is down.
 */
export function authCacheMs(config: Config): { shared: number; unshared: number } {
  return { shared: config.AUTH_CACHE_SECONDS * 1000, unshared: Math.min(500, config.AUTH_CACHE_SECONDS * 1000) };
}

/** Server protections derived from the configuration. */
export function serverLimits(config: Config): ServerLimits {
  return {
    rate: {
      requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
      loginFailuresPer15Minutes: config.RATE_LIMIT_LOGIN_FAILURES_PER_15_MIN,
      revealsPerMinute: config.RATE_LIMIT_CREDENTIALS_PER_MINUTE,
      redisUrl: config.REDIS_URL,
      redisPrefix: config.RATE_LIMIT_REDIS_PREFIX,
    },
    cost: {
      maxNodes: config.QUERY_MAX_NODES,
      maxConnectionDepth: config.QUERY_MAX_CONNECTION_DEPTH,
      largeNodes: config.QUERY_LARGE_NODES,
      largeConcurrency: config.QUERY_LARGE_CONCURRENCY,
    },
    syntax: {
      maxDepth: config.QUERY_MAX_DEPTH,
      maxAliases: config.QUERY_MAX_ALIASES,
      maxDirectives: config.QUERY_MAX_DIRECTIVES,
      maxTokens: config.QUERY_MAX_TOKENS,
    },
    introspection: config.INTROSPECTION ? config.INTROSPECTION === 'true' : config.NODE_ENV !== 'production',
    metricsToken: config.METRICS_TOKEN,
    metricsPort: config.METRICS_PORT,
    webhooks: {
      allowPrivateNetwork: config.WEBHOOK_ALLOW_PRIVATE_NETWORK === 'true',
      worker: config.WEBHOOK_WORKER === 'true',
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      pollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
      maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: config.WEBHOOK_RETRY_MAX_MS,
      disableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
    },
  };
}

export interface ServerLimits {
  rate: RateLimitSettings;
  cost: CostLimits;
  syntax: { maxDepth: number; maxAliases: number; maxDirectives: number; maxTokens: number };
  introspection: boolean;
  /** Bearer token /metrics asks for; without it /metrics is open. */
  metricsToken?: string;
  /** A port of its own for /metrics (kept off the public one); without it /metrics is on the API's port. */
  metricsPort?: number;
  webhooks: WebhookSettings;
}

export type Config = z.infer<typeof schema>;

/** Thrown when the environment is wrong; the message lists every bad variable and what it must look like. */
export class ConfigError extends Error {}

/** Reads and validates the environment once, at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
