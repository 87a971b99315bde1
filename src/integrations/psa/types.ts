/** What every PSA adapter offers, in the service's own terms (ids as strings, minutes, UTC dates). */

export type PsaProviderKey = 'syncro' | 'halo';

export interface PsaTicket {
  /** The provider's internal id: every sub-resource call needs it. */
  id: string;
  /** The number people see (Syncro's `number`; Halo shows the id). */
  number: string;
  subject: string;
  customer: string | null;
  status: string | null;
  updatedAt: Date | null;
}

/** A ticket named by the caller: exactly one of the two. */
export type TicketRef = { id: string; number?: undefined } | { number: string; id?: undefined };

export interface TicketQuery {
  query?: string;
  /** A customer id (digits) or name. */
  customer?: string;
  status?: string;
  first: number;
}

export interface PsaComment {
  id: string;
  body: string;
  hidden: boolean;
}

export interface NewComment {
  subject: string;
  body: string;
  /** Private note: the customer neither sees it nor gets a mail. */
  hidden: boolean;
  /** Public but no e-mail to the customer. */
  doNotEmail: boolean;
}

export interface PsaTimeEntry {
  id: string;
  notes: string;
  minutes: number;
  productId: string | null;
  /** Billed: Syncro's `recorded` after charge_timer_entry; true where the PSA bills in one step. */
  charged: boolean;
}

export interface NewTimeEntry {
  startAt: Date;
  minutes: number;
  notes: string;
  productId: string | null;
}

export interface PsaLineItem {
  id: string;
  description: string;
}

export interface NewLineItem {
  name: string;
  description: string;
  productId: string | null;
  /** Decimal hours. */
  quantityHours: number;
  /** Price per hour in cents. */
  priceCents: number;
}

export interface PsaProvider {
  readonly key: PsaProviderKey;
  /** The PSA logs time first and bills it with a second call (Syncro's charge_timer_entry). */
  readonly billsInTwoSteps: boolean;
  /** The PSA has billed line items on tickets. */
  readonly hasLineItems: boolean;
  searchTickets(query: TicketQuery): Promise<PsaTicket[]>;
  getTicket(ref: TicketRef): Promise<PsaTicket>;
  listComments(ticketId: string): Promise<PsaComment[]>;
  addComment(ticketId: string, comment: NewComment): Promise<PsaComment>;
  listTimeEntries(ticketId: string): Promise<PsaTimeEntry[]>;
  addTimeEntry(ticketId: string, entry: NewTimeEntry): Promise<PsaTimeEntry>;
  /** Bills a logged entry (two-step PSAs only); charging twice bills twice, so callers check `charged` first. */
  chargeTimeEntry(ticketId: string, entryId: string): Promise<PsaTimeEntry>;
  listLineItems(ticketId: string): Promise<PsaLineItem[]>;
  addLineItem(ticketId: string, item: NewLineItem): Promise<PsaLineItem>;
  /** Asks the PSA to fetch a file from a URL onto the ticket (Syncro does this asynchronously: no id comes back). */
  attachFile(ticketId: string, file: { url: string; filename: string }): Promise<void>;
}
