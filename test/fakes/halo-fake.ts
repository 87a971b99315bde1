/**
 * A local HaloPSA API (PSA-CONTRACTS.md §5): OAuth2 client credentials at /auth/token, Bearer on /api,
 * Actions posted as JSON arrays with time in decimal hours, page_no/page_size paging with record_count,
 * 400 with its own error shape, the shared rate limiter and fault injection.
 */
import { randomUUID } from 'node:crypto';
import { FakeHttpServer, Handler, RateLimitSettings } from './fake-http';

interface HaloTicket {
  id: number;
  summary: string;
  client_id: number;
  client_name: string;
  status_name: string;
  lastactiondate: string;
}
interface HaloAction {
  id: number;
  ticket_id: number;
  note: string;
  outcome: string;
  hiddenfromuser: boolean;
  sendemail: boolean;
  timetaken: number;
  actionarrivaldate?: string;
}

export class HaloFake {
  readonly http: FakeHttpServer;
  clients: { id: string; secret: string }[] = [];
  tickets: HaloTicket[] = [];
  actions: HaloAction[] = [];
  private tokens = new Set<string>();
  private nextId = 500;

  constructor(rateLimit: Partial<RateLimitSettings> = {}) {
    this.http = new FakeHttpServer(this.route, { requests: 500, windowMs: 300_000, ...rateLimit });
  }

  get baseUrl(): string {
    return `${this.http.url}/api`;
  }

  addTicket(summary: string, clientName: string): HaloTicket {
    const t = {
      id: this.nextId++,
      summary,
      client_id: 7,
      client_name: clientName,
      status_name: 'Open',
      lastactiondate: new Date().toISOString(),
    };
    this.tickets.push(t);
    return t;
  }

  private readonly route: Handler = ({ method, path, query, body, headers }) => {
    if (method === 'POST' && path === '/auth/token') {
      const f = (body ?? {}) as Record<string, string>;
      if (f.grant_type !== 'client_credentials' || !this.clients.some((c) => c.id === f.client_id && c.secret === f.client_secret))
        return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
      const token = randomUUID();
      this.tokens.add(token);
      return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: f.scope ?? 'all' } };
    }
    if (!path.startsWith('/api/')) return { status: 404, body: undefined };
    const bearer = (headers.authorization as string | undefined)?.replace(/^Bearer\s+/i, '');
    if (!bearer || !this.tokens.has(bearer)) return { status: 401, body: { message: 'Unauthorized' } };
    const p = path.slice('/api'.length);
    if (method === 'GET' && p === '/Tickets') {
      const q = query.get('search')?.toLowerCase();
      const list = this.tickets
        .filter((t) => !q || t.summary.toLowerCase().includes(q))
        .filter((t) => !query.get('client_name') || t.client_name.toLowerCase().includes(query.get('client_name')!.toLowerCase()));
      const size = Number(query.get('page_size') ?? 50);
      const page = Number(query.get('page_no') ?? 1);
      return {
        status: 200,
        body: { record_count: list.length, page_no: page, page_size: size, tickets: list.slice((page - 1) * size, page * size) },
      };
    }
    const ticketMatch = p.match(/^\/Tickets\/(\d+)$/);
    if (method === 'GET' && ticketMatch) {
      const t = this.tickets.find((x) => x.id === Number(ticketMatch[1]));
      return t ? { status: 200, body: t } : { status: 404, body: undefined };
    }
    if (method === 'GET' && p === '/Actions')
      return {
        status: 200,
        body: { record_count: 0, actions: this.actions.filter((a) => a.ticket_id === Number(query.get('ticket_id'))) },
      };
    if (method === 'POST' && p === '/Actions') {
      if (!Array.isArray(body))
        return { status: 400, body: { ClassName: 'System.ArgumentException', Message: 'Expected an array of actions' } };
      const created = (body as Record<string, unknown>[]).map((a) => {
        if (!this.tickets.some((t) => t.id === Number(a.ticket_id))) return null;
        const action: HaloAction = {
          id: this.nextId++,
          ticket_id: Number(a.ticket_id),
          note: String(a.note ?? ''),
          outcome: String(a.outcome ?? ''),
          hiddenfromuser: a.hiddenfromuser === true,
          sendemail: a.sendemail === true,
          timetaken: Number(a.timetaken ?? 0),
          actionarrivaldate: a.actionarrivaldate as string,
        };
        this.actions.push(action);
        return action;
      });
      if (created.includes(null)) return { status: 400, body: { ClassName: 'System.ArgumentException', Message: 'Ticket not found' } };
      return { status: 201, body: created.length === 1 ? created[0] : created };
    }
    return { status: 404, body: undefined };
  };
}
