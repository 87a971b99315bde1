import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb|sqlite):/, 'must start with mysql://, mariadb:// or sqlite: (for example mysql://root@127.0.0.1:3306/msp or sqlite:./data/msp.sqlite)')
    .default('sqlite:./data/msp.sqlite'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_KEY_FILE: z.string().default('./data/jwt-keys.json'),
  MSP_ADMIN_EMAIL: z.email('must be an e-mail address').default('admin@localhost'),
  MSP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
});

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
