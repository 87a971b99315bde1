import { NotFoundError } from '../../../core/errors';
import { PsaRefusedError } from '../errors';
import type { PsaHttp } from '../http';
import type {
  NewComment,
  NewLineItem,
  NewTimeEntry,
  PsaComment,
  PsaLineItem,
  PsaProvider,
  PsaTicket,
  PsaTimeEntry,
  TicketQuery,
  TicketRef,
} from '../types';

interface HaloTicket {
  id: number;
  summary: string;
  client_name?: string | null;
  status_name?: string | null;
  lastactiondate?: string | null;
}
interface HaloAction {
  id: number;
  note?: string | null;
  hiddenfromuser?: boolean;
  timetaken?: number | null;
}

const PAGE_SIZE = 50;
const MAX_PAGES = 20;

const ticketOf = (t: HaloTicket): PsaTicket => ({
  id: String(t.id),
  number: String(t.id),
  subject: t.summary,
  customer: t.client_name ?? null,
  status: t.status_name ?? null,
  updatedAt: t.lastactiondate ? new Date(t.lastactiondate) : null,
});

/** Halo's time is decimal hours; ours whole minutes. */
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10_000) / 10_000;

/**
 * HaloPSA (PSA-CONTRACTS.md §5): OAuth2 client credentials, everything on a ticket is an Action posted as
 * a JSON array, time in decimal hours on the action, billed in one step, paging by page_no/page_size.
 */
export class HaloProvider implements PsaProvider {
  readonly key = 'halo' as const;
  readonly billsInTwoSteps = false;
  readonly hasLineItems = false;

  constructor(private readonly http: PsaHttp) {}

  async searchTickets(q: TicketQuery): Promise<PsaTicket[]> {
    const found: HaloTicket[] = [];
    const client = q.customer && /^\d+$/.test(q.customer) ? { client_id: q.customer } : { client_name: q.customer };
    for (let page = 1; page <= MAX_PAGES && found.length < q.first; page++) {
      const { body } = await this.http.request({
        operation: 'search_tickets',
        method: 'GET',
        path: '/Tickets',
        query: { search: q.query, status: q.status, ...client, pageinate: 'true', page_no: page, page_size: PAGE_SIZE },
      });
      const b = body as { tickets?: HaloTicket[]; record_count?: number };
      const list = b?.tickets ?? [];
      found.push(...list);
      if (!list.length || (b.record_count !== undefined && page * PAGE_SIZE >= b.record_count)) break;
    }
    return found.slice(0, q.first).map(ticketOf);
  }

  async getTicket(ref: TicketRef): Promise<PsaTicket> {
    const id = ref.id ?? ref.number!;
    const { status, body } = await this.http.request({
      operation: 'get_ticket',
      method: 'GET',
      path: `/Tickets/${encodeURIComponent(id)}`,
      ticketId: id,
      notFoundIsAnswer: true,
    });
    if (status === 404) throw new NotFoundError('Halo ticket', id, ref.id ? 'ticket.id' : 'ticket.number');
    return ticketOf(body as HaloTicket);
  }

  private async actions(ticketId: string): Promise<HaloAction[]> {
    const { body } = await this.http.request({
      operation: 'list_actions',
      method: 'GET',
      path: '/Actions',
      query: { ticket_id: ticketId, excludesys: 'true' },
      ticketId,
    });
    return (body as { actions?: HaloAction[] })?.actions ?? [];
  }

  private async postAction(operation: string, ticketId: string, action: Record<string, unknown>): Promise<HaloAction> {
    const { status, body } = await this.http.request({
      operation,
      method: 'POST',
      path: '/Actions',
      ticketId,
      body: [{ ticket_id: Number(ticketId), ...action }],
    });
    const created = (Array.isArray(body) ? body[0] : body) as HaloAction | undefined;
    if (!created?.id) throw new PsaRefusedError('halo', status, 'the answer carried no action id');
    return created;
  }

  async listComments(ticketId: string): Promise<PsaComment[]> {
    return (await this.actions(ticketId)).map((a) => ({ id: String(a.id), body: a.note ?? '', hidden: a.hiddenfromuser === true }));
  }

  async addComment(ticketId: string, c: NewComment): Promise<PsaComment> {
    const a = await this.postAction('add_action', ticketId, {
      outcome: c.subject,
      note: c.body,
      hiddenfromuser: c.hidden,
      sendemail: !c.hidden && !c.doNotEmail,
      timetaken: 0,
    });
    return { id: String(a.id), body: a.note ?? c.body, hidden: a.hiddenfromuser ?? c.hidden };
  }

  async listTimeEntries(ticketId: string): Promise<PsaTimeEntry[]> {
    return (await this.actions(ticketId))
      .filter((a) => (a.timetaken ?? 0) > 0)
      .map((a) => ({
        id: String(a.id),
        notes: a.note ?? '',
        minutes: Math.round((a.timetaken ?? 0) * 60),
        productId: null,
        charged: true,
      }));
  }

  async addTimeEntry(ticketId: string, e: NewTimeEntry): Promise<PsaTimeEntry> {
    const a = await this.postAction('add_time_action', ticketId, {
      outcome: 'Time',
      note: e.notes,
      timetaken: hoursOf(e.minutes),
      hiddenfromuser: true,
      sendemail: false,
      actionarrivaldate: e.startAt.toISOString(),
      actioncompletiondate: new Date(e.startAt.getTime() + e.minutes * 60_000).toISOString(),
    });
    return {
      id: String(a.id),
      notes: a.note ?? e.notes,
      minutes: Math.round((a.timetaken ?? hoursOf(e.minutes)) * 60),
      productId: null,
      charged: true,
    };
  }

  chargeTimeEntry(): Promise<PsaTimeEntry> {
    return Promise.reject(new Error('Halo bills time on the action itself; there is no charge step.'));
  }

  listLineItems(): Promise<PsaLineItem[]> {
    return Promise.resolve([]);
  }

  addLineItem(_ticketId: string, _item: NewLineItem): Promise<PsaLineItem> {
    return Promise.reject(new Error('Halo has no ticket line items in this adapter; post time as actions.'));
  }

  async attachFile(ticketId: string, file: { url: string; filename: string }): Promise<void> {
    await this.http.request({
      operation: 'add_attachment',
      method: 'POST',
      path: '/Attachment',
      ticketId,
      body: [{ ticket_id: Number(ticketId), filename: file.filename, link: file.url }],
    });
  }
}

/** Client-credentials token for Halo, cached until shortly before it expires. */
export class HaloToken {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly http: () => PsaHttp,
    private readonly tokenUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  async headers(): Promise<Record<string, string>> {
    if (!this.token || Date.now() > this.token.until) {
      const { body } = await this.http().request({
        operation: 'oauth_token',
        method: 'POST',
        path: '/auth/token',
        url: this.tokenUrl,
        form: { grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.clientSecret, scope: 'all' },
      });
      const b = body as { access_token?: string; expires_in?: number };
      if (!b?.access_token) throw new PsaRefusedError('halo', 200, 'the token answer carried no access_token');
      this.token = { value: b.access_token, until: Date.now() + Math.max(30, (b.expires_in ?? 3600) - 60) * 1000 };
    }
    return { authorization: `Bearer ${this.token.value}` };
  }
}
