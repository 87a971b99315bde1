/** How webhooks are delivered; from the WEBHOOK_* environment variables (src/config.ts). */
export interface WebhookSettings {
  /** Deliver to loopback, link-local and private addresses too (an n8n on the LAN). Off by default. */
  allowPrivateNetwork: boolean;
  /** Whether this process runs a delivery worker (every replica may: rows are claimed). */
  worker: boolean;
  /** How long one POST may take, connect to last byte. */
  timeoutMs: number;
  /** How often the worker looks for due deliveries (a commit that wrote one nudges it at once). */
  pollIntervalMs: number;
  /** Attempts per delivery before it is FAILED. */
  maxAttempts: number;
  /** The first retry waits this long; each further one twice as long, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Consecutive failed attempts after which a webhook is disabled. */
  disableAfterFailures: number;
}
