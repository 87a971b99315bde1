import type { CallerScope } from '../kit/scope';
import type { TicketSearchCommand } from './commands';
import { activeIntegration, providerFor } from './integration.service';
import type { PsaTicket } from './psa/types';

export interface TicketSearchResult {
  tickets: PsaTicket[];
  text: string;
}

const line = (t: PsaTicket) =>
  `#${t.number} ${t.subject}${t.customer ? ` (${t.customer})` : ''}${t.status ? ` [${t.status}]` : ''}, id ${t.id}`;

/** Pages through the PSA's ticket search and answers a compact list an agent can paste. */
export async function searchTickets(ctx: CallerScope, cmd: TicketSearchCommand): Promise<TicketSearchResult> {
  const integration = await activeIntegration(ctx.db.manager, cmd.integrationId);
  const provider = await providerFor(ctx, integration);
  const tickets = await provider.searchTickets({
    query: cmd.query?.trim() || undefined,
    customer: cmd.customer?.trim() || undefined,
    status: cmd.status?.trim() || undefined,
    first: cmd.first,
  });
  const text = tickets.length
    ? `${tickets.length} ticket${tickets.length === 1 ? '' : 's'} in ${integration.name}:\n${tickets.map(line).join('\n')}`
    : `No ticket in ${integration.name} matches.`;
  return { tickets, text };
}
