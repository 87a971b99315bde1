import { NotFoundError } from '../../../core/errors';
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

/* Shapes of Syncro v1 answers, as far as the adapter reads them. */
interface SyncroTicket {
  id: number;
  number: number | string;
  subject: string;
  status?: string | null;
  customer_business_then_name?: string | null;
  updated_at?: string | null;
  ticket_timers?: SyncroTimer[];
  line_items?: { id: number; description?: string | null }[];
}
interface SyncroTimer {
  id: number;
  notes?: string | null;
  start_time?: string | null;
  end_time?: string | null;
  active_duration?: number | null;
  product_id?: number | string | null;
  recorded?: boolean;
}
interface SyncroComment {
  id: number;
  body?: string | null;
  hidden?: boolean;
}
interface Paged {
  meta?: { total_pages?: number; page?: number };
}

const MAX_PAGES = 20;

const ticketOf = (t: SyncroTicket): PsaTicket => ({
  id: String(t.id),
  number: String(t.number),
  subject: t.subject,
  customer: t.customer_business_then_name ?? null,
  status: t.status ?? null,
  updatedAt: t.updated_at ? new Date(t.updated_at) : null,
});

const minutesOf = (t: SyncroTimer): number => {
  if (t.active_duration != null) return Math.round(t.active_duration / 60);
  if (t.start_time && t.end_time) return Math.round((Date.parse(t.end_time) - Date.parse(t.start_time)) / 60_000);
  return 0;
};

const timerOf = (t: SyncroTimer): PsaTimeEntry => ({
  id: String(t.id),
  notes: t.notes ?? '',
  minutes: minutesOf(t),
  productId: t.product_id != null ? String(t.product_id) : null,
  charged: t.recorded === true,
});

/** SyncroMSP REST v1 (PSA-CONTRACTS.md §2): ids not numbers in paths, minutes, two-step billing, 200 on creates. */
export class SyncroProvider implements PsaProvider {
  readonly key = 'syncro' as const;
  readonly billsInTwoSteps = true;
  readonly hasLineItems = true;

  constructor(private readonly http: PsaHttp) {}

  /** Pages 1..meta.total_pages (page sizes vary by account); stops on an empty page when meta is missing. */
  private async pages<T>(
    operation: string,
    path: string,
    key: string,
    query: Record<string, string | number | undefined>,
    want: number,
    ticketId?: string,
  ): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES && items.length < want; page++) {
      const { body } = await this.http.request({ operation, method: 'GET', path, query: { ...query, page }, ticketId });
      const list = ((body as Record<string, unknown>)?.[key] as T[] | undefined) ?? [];
      items.push(...list);
      const total = (body as Paged)?.meta?.total_pages;
      if (!list.length || (total !== undefined && page >= total)) break;
    }
    return items.slice(0, want);
  }

  private async customerId(customer: string): Promise<string | null> {
    if (/^\d+$/.test(customer)) return customer;
    const found = await this.pages<{ id: number }>('search_customers', '/customers', 'customers', { query: customer }, 1);
    return found[0] ? String(found[0].id) : null;
  }

  async searchTickets(q: TicketQuery): Promise<PsaTicket[]> {
    const customerId = q.customer ? await this.customerId(q.customer) : undefined;
    if (customerId === null) return [];
    const tickets = await this.pages<SyncroTicket>(
      'search_tickets',
      '/tickets',
      'tickets',
      { query: q.query, customer_id: customerId, status: q.status },
      q.first,
    );
    return tickets.map(ticketOf);
  }

  private async ticket(id: string, operation = 'get_ticket'): Promise<SyncroTicket> {
    const { status, body } = await this.http.request({
      operation,
      method: 'GET',
      path: `/tickets/${encodeURIComponent(id)}`,
      ticketId: id,
      notFoundIsAnswer: true,
    });
    if (status === 404) throw new NotFoundError('Syncro ticket', id, 'ticket.id');
    return (body as { ticket: SyncroTicket }).ticket;
  }

  async getTicket(ref: TicketRef): Promise<PsaTicket> {
    if (ref.id !== undefined) return ticketOf(await this.ticket(ref.id));
    // the number is only a list filter: /tickets/{number} would be another ticket or a 404
    const { body } = await this.http.request({
      operation: 'find_ticket_by_number',
      method: 'GET',
      path: '/tickets',
      query: { number: ref.number },
    });
    const match = ((body as { tickets?: SyncroTicket[] })?.tickets ?? []).find((t) => String(t.number) === ref.number);
    if (!match) throw new NotFoundError('Syncro ticket number', ref.number, 'ticket.number');
    return ticketOf(match);
  }

  async listComments(ticketId: string): Promise<PsaComment[]> {
    const comments = await this.pages<SyncroComment>(
      'list_comments',
      `/tickets/${encodeURIComponent(ticketId)}/comments`,
      'comments',
      { sort_by: 'created_at', sort_direction: 'DESC', per_page: 100 },
      500,
      ticketId,
    );
    return comments.map((c) => ({ id: String(c.id), body: c.body ?? '', hidden: c.hidden === true }));
  }

  async addComment(ticketId: string, c: NewComment): Promise<PsaComment> {
    const { body } = await this.http.request({
      operation: 'add_comment',
      method: 'POST',
      path: `/tickets/${encodeURIComponent(ticketId)}/comment`,
      ticketId,
      // subject is required in practice; a non-hidden comment without do_not_email mails the customer
      body: { subject: c.subject, body: c.body, hidden: c.hidden, do_not_email: c.doNotEmail },
    });
    const comment = (body as { comment: SyncroComment }).comment;
    return { id: String(comment.id), body: comment.body ?? c.body, hidden: comment.hidden ?? c.hidden };
  }

  async listTimeEntries(ticketId: string): Promise<PsaTimeEntry[]> {
    return ((await this.ticket(ticketId, 'list_timer_entries')).ticket_timers ?? []).map(timerOf);
  }

  async addTimeEntry(ticketId: string, e: NewTimeEntry): Promise<PsaTimeEntry> {
    const { body } = await this.http.request({
      operation: 'add_timer_entry',
      method: 'POST',
      path: `/tickets/${encodeURIComponent(ticketId)}/timer_entry`,
      ticketId,
      body: {
        start_at: e.startAt.toISOString(),
        duration_minutes: e.minutes,
        notes: e.notes,
        ...(e.productId ? { product_id: Number(e.productId) || e.productId } : {}),
      },
    });
    return timerOf(body as SyncroTimer);
  }

  async chargeTimeEntry(ticketId: string, entryId: string): Promise<PsaTimeEntry> {
    const { body } = await this.http.request({
      operation: 'charge_timer_entry',
      method: 'POST',
      path: `/tickets/${encodeURIComponent(ticketId)}/charge_timer_entry`,
      ticketId,
      body: { timer_entry_id: Number(entryId) },
    });
    return timerOf(body as SyncroTimer);
  }

  async listLineItems(ticketId: string): Promise<PsaLineItem[]> {
    return ((await this.ticket(ticketId, 'list_line_items')).line_items ?? []).map((l) => ({
      id: String(l.id),
      description: l.description ?? '',
    }));
  }

  async addLineItem(ticketId: string, item: NewLineItem): Promise<PsaLineItem> {
    const { body } = await this.http.request({
      operation: 'add_line_item',
      method: 'POST',
      path: `/tickets/${encodeURIComponent(ticketId)}/add_line_item`,
      ticketId,
      // name and description are required even with a product
      body: {
        name: item.name,
        description: item.description,
        ...(item.productId ? { product_id: Number(item.productId) || item.productId } : {}),
        quantity: item.quantityHours.toFixed(2),
        price_retail: item.priceCents / 100,
        taxable: false,
      },
    });
    const line = body as { id: number; description?: string };
    return { id: String(line.id), description: line.description ?? item.description };
  }

  async attachFile(ticketId: string, file: { url: string; filename: string }): Promise<void> {
    await this.http.request({
      operation: 'attach_file_url',
      method: 'POST',
      path: `/tickets/${encodeURIComponent(ticketId)}/attach_file_url`,
      ticketId,
      body: { files: [file] },
    });
  }
}
