/**
 * A local SyncroMSP v1 API, faithful to PSA-CONTRACTS.md §7: the three auth forms, per-endpoint
 * permissions (401 with Syncro's text), per-IP rate limit, 1-based paging with meta.total_pages, the
 * varied 422 shapes, bare vs wrapped answers, 200 on creates, two-step billing (a second charge
 * duplicates the line item), and fault injection. No idempotency: identical POSTs duplicate.
 */
import { FakeHttpServer, Handler, RateLimitSettings, Reply } from './fake-http';

export interface SyncroToken {
  value: string;
  userId: number;
  permissions: string[];
  expiresAt?: Date;
}

interface Comment {
  id: number;
  ticket_id: number;
  subject: string;
  body: string;
  hidden: boolean;
  tech: string | null;
  user_id: number;
  created_at: string;
  updated_at: string;
  emailed: boolean;
}
interface Timer {
  id: number;
  ticket_id: number;
  user_id: number;
  start_time: string;
  end_time: string;
  recorded: boolean;
  billable: boolean;
  notes: string | null;
  product_id: number | string | null;
  ticket_line_item_id: number | null;
  active_duration: number;
  created_at: string;
  updated_at: string;
}
interface LineItem {
  id: number;
  ticket_id: number;
  name: string;
  description: string;
  product_id: number | string | null;
  quantity: string;
  price_retail: number;
  price_cents: number;
}
interface Ticket {
  id: number;
  number: string;
  subject: string;
  status: string;
  customer_id: number;
  created_at: string;
  updated_at: string;
}
interface Customer {
  id: number;
  business_name: string;
  firstname: string;
  lastname: string;
}

export const ALL_PERMISSIONS = [
  'Tickets - List/Search',
  'Tickets - View Details',
  'Tickets - Edit',
  'Tickets - Create',
  'Ticket Timers - Overview',
  'Customers - List/Search',
  'Customers - View Detail',
];
const DENIED = { error: 'Not authorized. Please ask account admin to update your group permissions.' };

export class SyncroFake {
  readonly http: FakeHttpServer;
  tokens: SyncroToken[] = [];
  tickets: Ticket[] = [];
  customers: Customer[] = [];
  comments: Comment[] = [];
  timers: Timer[] = [];
  lineItems: LineItem[] = [];
  attachments: { ticket_id: number; url: string; filename: string }[] = [];
  pageSize = 25;
  defaultLaborProductId = 9000;
  private nextId = 1000;

  constructor(rateLimit: Partial<RateLimitSettings> = {}) {
    this.http = new FakeHttpServer(this.route, rateLimit);
  }

  get baseUrl(): string {
    return `${this.http.url}/api/v1`;
  }

  addToken(token: Partial<SyncroToken> & { value: string }): void {
    this.tokens.push({ userId: 1, permissions: ALL_PERMISSIONS, ...token });
  }

  addCustomer(name: string): Customer {
    const c = { id: this.nextId++, business_name: name, firstname: '', lastname: '' };
    this.customers.push(c);
    return c;
  }

  addTicket(t: { number: string; subject: string; customerId: number; status?: string }): Ticket {
    const at = new Date().toISOString();
    const ticket = {
      id: this.nextId++,
      number: t.number,
      subject: t.subject,
      status: t.status ?? 'New',
      customer_id: t.customerId,
      created_at: at,
      updated_at: at,
    };
    this.tickets.push(ticket);
    return ticket;
  }

  /** Line items made by charging timers: a duplicate charge shows here twice. */
  chargedLineItems(ticketId: number): LineItem[] {
    return this.lineItems.filter((l) => l.ticket_id === ticketId && l.name === 'Labor (timer)');
  }

  private token(headers: Record<string, string | string[] | undefined>, query: URLSearchParams): SyncroToken | undefined {
    const raw = (headers.authorization as string | undefined)?.replace(/^Bearer\s+/i, '') ?? query.get('api_key') ?? undefined;
    const token = this.tokens.find((t) => t.value === raw);
    return token && (!token.expiresAt || token.expiresAt.getTime() > Date.now()) ? token : undefined;
  }

  private page<T>(key: string, items: T[], query: URLSearchParams, size = this.pageSize, extra: Record<string, unknown> = {}): Reply {
    const page = Math.max(1, Number(query.get('page') ?? 1));
    const totalPages = Math.max(1, Math.ceil(items.length / size));
    return { status: 200, body: { [key]: items.slice((page - 1) * size, page * size), meta: { total_pages: totalPages, page, ...extra } } };
  }

  private ticketView(t: Ticket) {
    const customer = this.customers.find((c) => c.id === t.customer_id);
    return { ...t, customer_business_then_name: customer?.business_name ?? null };
  }

  private readonly route: Handler = ({ method, path, query, body, headers }) => {
    if (!path.startsWith('/api/v1/')) return { status: 404, body: { message: 'Not found' } };
    const token = this.token(headers, query);
    if (!token) return { status: 401, body: { error: 'Unauthorized' } };
    const may = (permission: string) => token.permissions.includes(permission);
    const p = path.slice('/api/v1'.length);
    const b = (body ?? {}) as Record<string, unknown>;
    const at = new Date().toISOString();
    const touch = (t: Ticket) => (t.updated_at = at);

    if (method === 'GET' && p === '/tickets') {
      if (!may('Tickets - List/Search')) return { status: 401, body: DENIED };
      const q = query.get('query')?.toLowerCase();
      const status = query.get('status');
      const list = this.tickets
        .filter((t) => !query.get('number') || t.number === query.get('number'))
        .filter((t) => !query.get('customer_id') || String(t.customer_id) === query.get('customer_id'))
        .filter((t) => !status || (status === 'Not Closed' ? t.status !== 'Resolved' : t.status === status))
        .filter((t) => !q || t.subject.toLowerCase().includes(q))
        .map((t) => this.ticketView(t));
      return this.page('tickets', list, query);
    }
    if (method === 'GET' && p === '/customers') {
      if (!may('Customers - List/Search')) return { status: 401, body: DENIED };
      const q = query.get('query')?.toLowerCase();
      const list = this.customers.filter((c) => !q || c.business_name.toLowerCase().includes(q));
      return this.page('customers', list, query, 100, { total_entries: list.length, per_page: 100 });
    }
    const m = p.match(/^\/tickets\/(\d+)(?:\/(\w+))?$/);
    if (!m) return { status: 404, body: { message: 'Not found' } };
    const ticket = this.tickets.find((t) => t.id === Number(m[1]));
    if (!ticket) return { status: 404, body: undefined };
    const action = m[2];

    if (method === 'GET' && !action) {
      if (!may('Tickets - View Details')) return { status: 401, body: DENIED };
      return {
        status: 200,
        body: {
          ticket: {
            ...this.ticketView(ticket),
            comments: this.comments.filter((c) => c.ticket_id === ticket.id),
            ticket_timers: this.timers.filter((t) => t.ticket_id === ticket.id),
            line_items: this.lineItems.filter((l) => l.ticket_id === ticket.id),
            attachments: this.attachments.filter((a) => a.ticket_id === ticket.id),
          },
        },
      };
    }
    if (method === 'GET' && action === 'comments') {
      if (!may('Tickets - View Details')) return { status: 401, body: DENIED };
      const desc = query.get('sort_direction') === 'DESC';
      const list = this.comments.filter((c) => c.ticket_id === ticket.id).sort((x, y) => (desc ? y.id - x.id : x.id - y.id));
      const perPage = Math.min(100, Number(query.get('per_page') ?? 10));
      return this.page(
        'comments',
        list.map(({ emailed, ...c }) => (void emailed, c)),
        query,
        perPage,
      );
    }
    if (method !== 'POST' && method !== 'PUT') return { status: 404, body: { message: 'Not found' } };
    if (action === 'comment') {
      if (!may('Tickets - Edit')) return { status: 401, body: DENIED };
      const missing = [!b.subject && "Subject can't be blank", !b.body && "Body can't be blank"].filter(Boolean);
      if (missing.length) return { status: 422, body: { success: false, message: missing } };
      const hidden = b.hidden === true;
      const comment: Comment = {
        id: this.nextId++,
        ticket_id: ticket.id,
        subject: String(b.subject),
        body: String(b.body),
        hidden,
        tech: (b.tech as string) ?? null,
        user_id: token.userId,
        created_at: at,
        updated_at: at,
        emailed: !hidden && b.do_not_email !== true,
      };
      this.comments.push(comment);
      touch(ticket);
      const { emailed, ...shown } = comment;
      void emailed;
      return { status: 200, body: { comment: shown } };
    }
    if (action === 'timer_entry') {
      if (!may('Ticket Timers - Overview')) return { status: 401, body: DENIED };
      if (!b.start_at) return { status: 422, body: { error: 'no implicit conversion of nil into String' } };
      const start = new Date(String(b.start_at));
      const end = b.end_at ? new Date(String(b.end_at)) : new Date(start.getTime() + Number(b.duration_minutes ?? 0) * 60_000);
      const timer: Timer = {
        id: this.nextId++,
        ticket_id: ticket.id,
        user_id: (b.user_id as number) ?? token.userId,
        start_time: start.toISOString(),
        end_time: end.toISOString(),
        recorded: false,
        billable: true,
        notes: (b.notes as string) ?? null,
        product_id: (b.product_id as number) ?? this.defaultLaborProductId,
        ticket_line_item_id: null,
        active_duration: Math.round((end.getTime() - start.getTime()) / 1000),
        created_at: at,
        updated_at: at,
      };
      this.timers.push(timer);
      touch(ticket);
      return { status: 200, body: timer };
    }
    if (action === 'charge_timer_entry') {
      if (!may('Ticket Timers - Overview')) return { status: 401, body: DENIED };
      const timer = this.timers.find((t) => t.id === Number(b.timer_entry_id) && t.ticket_id === ticket.id);
      if (!timer) return { status: 404, body: { message: 'Not found' } };
      // as reported: charging again makes another line item
      const line: LineItem = {
        id: this.nextId++,
        ticket_id: ticket.id,
        name: 'Labor (timer)',
        description: timer.notes ?? '',
        product_id: timer.product_id,
        quantity: (timer.active_duration / 3600).toFixed(2),
        price_retail: 0,
        price_cents: 0,
      };
      this.lineItems.push(line);
      Object.assign(timer, { recorded: true, ticket_line_item_id: line.id, updated_at: at });
      return { status: 200, body: timer };
    }
    if (action === 'add_line_item') {
      if (!may('Tickets - Edit')) return { status: 401, body: DENIED };
      if (!b.name || !b.description)
        return { status: 422, body: { errors: "Name can't be blank, Description can't be blank", params: {} } };
      const price = Number(b.price_retail ?? 0);
      const line: LineItem = {
        id: this.nextId++,
        ticket_id: ticket.id,
        name: String(b.name),
        description: String(b.description),
        product_id: (b.product_id as number) ?? null,
        quantity: String(b.quantity ?? '1.0'),
        price_retail: price,
        price_cents: Math.round(price * 100),
      };
      this.lineItems.push(line);
      return { status: 200, body: line };
    }
    if (action === 'attach_file_url') {
      if (!may('Tickets - Edit')) return { status: 401, body: DENIED };
      const files = b.files as { url?: string; filename?: string }[] | undefined;
      if (!Array.isArray(files) || !files.every((f) => f.url && f.filename))
        return { status: 422, body: { error: 'Missing files param, must be an array of {url, filename}' } };
      // asynchronous on the real service: attachments appear a moment later
      setTimeout(() => this.attachments.push(...files.map((f) => ({ ticket_id: ticket.id, url: f.url!, filename: f.filename! }))), 50);
      return { status: 200, body: { message: 'Processing - refresh ticket in a moment to see attachments' } };
    }
    return { status: 404, body: { message: 'Not found' } };
  };
}
