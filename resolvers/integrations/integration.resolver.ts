import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Integration } from '../../entities/integration.entity';
import { Access, agentMay, admins, readers, writers } from '../../src/graphql/access';
import { Context } from '../../src/graphql/context';
import { createIntegration } from '../../src/integrations/integration.service';
import { postSessionToTicket } from '../../src/integrations/posting.service';
import { searchTickets } from '../../src/integrations/ticket-search.service';
import { NEWEST_FIRST } from '../../src/admin/admin.service';
import { IntegrationConnection } from '../kit/connections';
import { archiveMutation, inputMutation, listQuery } from '../kit/record-resolvers';
import { CreateIntegrationInput, PostSessionToTicketInput, SearchTicketsArgs } from './integration.inputs';
import { PostSessionToTicketPayload, TicketSearchResult } from './integration.types';
import { noFilter } from '../../src/pagination/filter';

@Resolver()
class TicketSearchResolver {
  @Access(readers(agentMay.always))
  @Query(() => TicketSearchResult, {
    description: 'Searches a PSA’s tickets (paging through the provider) and answers a compact list with a text.',
  })
  searchTickets(@Ctx() ctx: Context, @Args(() => SearchTicketsArgs) args: SearchTicketsArgs): Promise<TicketSearchResult> {
    return searchTickets(ctx, args);
  }
}

/** PSA integrations: configuration, ticket search, posting sessions. */
export const integrationResolvers = [
  listQuery({
    name: 'integrations',
    access: readers(),
    description: 'PSA integrations, newest first (never their API keys).',
    entity: Integration,
    connection: IntegrationConnection,
    filter: () => noFilter,
    order: NEWEST_FIRST,
  }),
  inputMutation({
    name: 'createIntegration',
    access: admins,
    description:
      'Connects a PSA account: its API key is sealed by the vault, and how sessions are posted is set here. CONFLICT when the name is taken.',
    input: CreateIntegrationInput,
    returns: Integration,
    run: createIntegration,
  }),
  archiveMutation(Integration, 'Integration', 'Archives an integration: nothing more is posted through it; its calls and links stay.'),
  TicketSearchResolver,
  inputMutation({
    name: 'postSessionToTicket',
    access: writers('ownSession'),
    description:
      'Posts a session to a PSA ticket in one call (summary comment, billable time), read back before any retry so nothing lands twice, then locks the session and its work items as posted. Calling it again posts nothing new.',
    input: PostSessionToTicketInput,
    returns: PostSessionToTicketPayload,
    run: (ctx, input) => postSessionToTicket(ctx, input) as Promise<PostSessionToTicketPayload>,
  }),
];
