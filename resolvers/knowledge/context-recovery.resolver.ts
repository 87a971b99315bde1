import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../src/graphql/context';
import { contextRecovery } from '../../src/knowledge/context-recovery.service';
import { ContextRecovery, ContextRecoveryArgs } from './context-recovery.types';
import { parseId } from '../kit/validators';
import { Access, agentMay, readers } from '../../src/graphql/access';

@Resolver()
export class ContextRecoveryResolver {
  @Access(readers(agentMay.askAboutOwnClient))
  @Query(() => ContextRecovery, {
    description:
      "Picks up a client's work in one call: last sessions and summaries, open tasks, credentials used lately (metadata), topology, active insights, and a text under 300 words.",
  })
  contextRecovery(@Ctx() ctx: Context, @Args(() => ContextRecoveryArgs) args: ContextRecoveryArgs): Promise<ContextRecovery> {
    return contextRecovery(ctx, parseId(args.clientId, 'clientId'), args.limit);
  }
}
