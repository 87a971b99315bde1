import Redis from 'ioredis';

/**
 * What one replica tells the others so their short auth caches do not outlive a change. The events
 * carry the facts themselves (which ids were revoked, which session ended): on a Galera cluster the
 * receiving replica's node may not have applied the row yet, so re-reading it could miss it.
 */
export type RevocationEvent =
  | { kind: 'revoked'; ids: string[] } // access-token ids (jti) and login (refresh-family) ids
  | { kind: 'session-ended'; sessionId: number }
  | { kind: 'user-deactivated'; userId: number }
  | { kind: 'user-changed'; userId: number };

export interface RevocationListener {
  event(event: RevocationEvent): void;
  /** The bus (re)connected: events may have been missed meanwhile, so cached checks are dropped. */
  resync(): void;
}

export interface RevocationBus {
  /** True while events from every replica arrive; caches may then keep entries for their long TTL. */
  readonly live: boolean;
  /** True when there is a bus at all (several replicas); false: one process, invalidated locally. */
  readonly shared: boolean;
  publish(event: RevocationEvent): void;
  listen(listener: RevocationListener): void;
  close(): Promise<void>;
}

/** One replica: nothing to tell anyone; the Authenticator invalidates its own caches. */
export class LocalRevocationBus implements RevocationBus {
  readonly live = false;
  readonly shared = false;
  publish(): void {}
  listen(): void {}
  async close(): Promise<void> {}
}

const MAX_IDS = 20;
const MAX_ID_LENGTH = 100;
const positiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** Parses a message from the channel; anything malformed is dropped (null). */
export function parseRevocationEvent(text: string): RevocationEvent | null {
  let value: { kind?: unknown; ids?: unknown; sessionId?: unknown; userId?: unknown };
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  if (value.kind === 'revoked' && Array.isArray(value.ids) && value.ids.length <= MAX_IDS) {
    const ids = value.ids.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH);
    return ids.length === value.ids.length && ids.length ? { kind: 'revoked', ids } : null;
  }
  if (value.kind === 'session-ended' && positiveInt(value.sessionId)) return { kind: 'session-ended', sessionId: value.sessionId };
  if ((value.kind === 'user-deactivated' || value.kind === 'user-changed') && positiveInt(value.userId))
    return { kind: value.kind, userId: value.userId };
  return null;
}

export interface RedisBusOptions {
  url: string;
  /** Key prefix shared with the rate limits, so several deployments can share one Redis. */
  prefix: string;
  /** How often a heartbeat goes round; the bus counts as down after `heartbeatMs * 3` without one. */
  heartbeatMs?: number;
  warn?: (message: string) => void;
}

/**
 * Redis pub/sub between replicas. A subscription can drop without a word (a half-open TCP connection),
 * so the bus hears its own heartbeat: `live` only while messages keep arriving. ioredis reconnects and
 * re-subscribes by itself.
 */
export class RedisRevocationBus implements RevocationBus {
  readonly shared = true;
  private readonly channel: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly listeners: RevocationListener[] = [];
  private readonly heartbeat: NodeJS.Timeout;
  private readonly heartbeatMs: number;
  private lastHeard = 0;
  private subscribed = false;
  private closed = false;

  constructor(options: RedisBusOptions) {
    this.channel = `${options.prefix}:auth-revocations`;
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    const warn = options.warn ?? (() => {});
    const redisOptions = { maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: (times: number) => Math.min(100 * times, 1000) };
    this.pub = new Redis(options.url, redisOptions);
    this.sub = new Redis(options.url, redisOptions);
    for (const client of [this.pub, this.sub]) client.on('error', () => {}); // reconnection is ioredis's job; `live` says the rest
    this.sub.on('ready', () => void this.subscribe(warn));
    this.sub.on('close', () => {
      if (this.subscribed && !this.closed)
        warn('revocation bus: Redis subscription lost; auth checks fall back to a short cache until it is back');
      this.subscribed = false;
    });
    this.sub.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      this.lastHeard = Date.now();
      const event = text === 'heartbeat' ? null : parseRevocationEvent(text);
      if (event) for (const listener of this.listeners) listener.event(event);
    });
    this.heartbeat = setInterval(() => this.pub.publish(this.channel, 'heartbeat').catch(() => undefined), this.heartbeatMs);
    this.heartbeat.unref();
  }

  private async subscribe(warn: (message: string) => void): Promise<void> {
    try {
      await this.sub.subscribe(this.channel);
      this.subscribed = true;
      this.lastHeard = Date.now();
      for (const listener of this.listeners) listener.resync();
    } catch {
      warn('revocation bus: could not subscribe in Redis; retrying when it reconnects');
    }
  }

  get live(): boolean {
    return this.subscribed && Date.now() - this.lastHeard < this.heartbeatMs * 3;
  }

  publish(event: RevocationEvent): void {
    this.pub.publish(this.channel, JSON.stringify(event)).catch(() => undefined); // other replicas then rely on their short TTL
  }

  listen(listener: RevocationListener): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    // quit() waits for a connection that may never come back; a client not connected is just dropped
    await Promise.allSettled([this.sub, this.pub].map((client) => (client.status === 'ready' ? client.quit() : client.disconnect())));
  }
}

/** A Redis bus when REDIS_URL is set, else the local one. */
export function revocationBusFor(redisUrl: string | undefined, prefix: string, warn?: (message: string) => void): RevocationBus {
  return redisUrl ? new RedisRevocationBus({ url: redisUrl, prefix, warn }) : new LocalRevocationBus();
}
