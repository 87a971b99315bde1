import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fault the fakes inject into matching requests, `times` times. */
export interface Fault {
  method?: string;
  /** Matched against the path without the query. */
  path?: RegExp;
  kind: 'delay' | 'status' | 'commitThenStatus' | 'commitThenDrop';
  ms?: number;
  status?: number;
  times: number;
}

export interface RateLimitSettings {
  requests: number;
  windowMs: number;
  /** The 429 body (undocumented for Syncro, so configurable). */
  body: unknown;
  /** Retry-After seconds, or null to send none. */
  retryAfterSeconds: number | null;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

export type Handler = (req: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage['headers'];
}) => Reply | Promise<Reply>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The HTTP shell both fakes share: per-IP sliding-window rate limit, fault injection, a request log. */
export class FakeHttpServer {
  readonly faults: Fault[] = [];
  readonly log: LoggedRequest[] = [];
  rateLimit: RateLimitSettings;
  private readonly hits = new Map<string, number[]>();
  private server?: Server;
  port = 0;

  constructor(
    private readonly handle: Handler,
    rateLimit: Partial<RateLimitSettings> = {},
  ) {
    this.rateLimit = { requests: 180, windowMs: 60_000, body: { error: 'Rate limit exceeded' }, retryAfterSeconds: 60, ...rateLimit };
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** How many answers had this status. */
  count(status: number): number {
    return this.log.filter((r) => r.status === status).length;
  }

  /** Most requests any sliding window of the rate limit's length saw. */
  busiestWindow(): number {
    const times = this.log.map((r) => r.at).sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; j < times.length; j++) {
      while (times[j] - times[i] >= this.rateLimit.windowMs) i++;
      most = Math.max(most, j - i + 1);
    }
    return most;
  }

  private takeFault(method: string, path: string, kinds: Fault['kind'][]): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.times > 0 && kinds.includes(f.kind) && (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (fault) fault.times--;
    return fault;
  }

  private limited(ip: string, now: number): boolean {
    const recent = (this.hits.get(ip) ?? []).filter((t) => now - t < this.rateLimit.windowMs);
    if (recent.length >= this.rateLimit.requests) {
      this.hits.set(ip, recent);
      return true;
    }
    recent.push(now);
    this.hits.set(ip, recent);
    return false;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    let body: unknown;
    try {
      body = !raw
        ? null
        : type.includes('application/x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(raw))
          : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const send = (reply: Reply) => {
      this.log.push({ method, path: url.pathname, status: reply.status, at: Date.now() });
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        ...(reply.status === 429 && this.rateLimit.retryAfterSeconds !== null
          ? { 'retry-after': String(this.rateLimit.retryAfterSeconds) }
          : {}),
      });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    };
    const now = Date.now();
    if (this.limited(req.socket.remoteAddress ?? '?', now)) return send({ status: 429, body: this.rateLimit.body });
    const delay = this.takeFault(method, url.pathname, ['delay']);
    if (delay) await sleep(delay.ms ?? 1000);
    const before = this.takeFault(method, url.pathname, ['status']);
    if (before) return send({ status: before.status ?? 500, body: { error: 'Internal Server Error' } });
    const after = this.takeFault(method, url.pathname, ['commitThenStatus', 'commitThenDrop']);
    const reply = await this.handle({ method, path: url.pathname, query: url.searchParams, body, headers: req.headers });
    if (after?.kind === 'commitThenDrop') {
      this.log.push({ method, path: url.pathname, status: 0, at: Date.now() });
      res.socket?.destroy();
      return;
    }
    if (after) return send({ status: after.status ?? 500, body: { error: 'Internal Server Error' } });
    send(reply);
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error: Error) => {
        res.writeHead(500);
        res.end(JSON.stringify({ error: error.message }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}
