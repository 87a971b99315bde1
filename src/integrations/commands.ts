/** What the integration services take: plain types, so no service depends on GraphQL. */
import type { LaborProductSource, PostingMode, PsaProviderKind } from '../../entities/integration.entity';
import type { WorkCategory } from '../../entities/work-item.entity';

export interface CreateIntegrationCommand {
  provider: PsaProviderKind;
  name: string;
  baseUrl: string;
  apiKey: string;
  oauthClientId?: string | null;
  postingMode?: PostingMode | null;
  productSource?: LaborProductSource | null;
  categoryProducts?: { category: WorkCategory; productId: string }[] | null;
  defaultProductId?: string | null;
  hiddenComments?: boolean | null;
  doNotEmail?: boolean | null;
  rateLimitRequests?: number | null;
  rateLimitWindowSeconds?: number | null;
  timeoutSeconds?: number | null;
  idempotencyKey?: string | null;
}

export interface TicketRefCommand {
  id?: string | null;
  number?: string | null;
}

export interface PostSessionCommand {
  sessionId: string;
  integrationId: string;
  ticket: TicketRefCommand;
  comment?: boolean | null;
  timeEntry?: boolean | null;
  attachSummary?: boolean | null;
  idempotencyKey?: string | null;
}

export interface TicketSearchCommand {
  integrationId: string;
  query?: string | null;
  customer?: string | null;
  status?: string | null;
  first: number;
}
