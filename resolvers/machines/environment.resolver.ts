import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../src/graphql/context';
import { environmentContext } from '../../src/infrastructure/environment-context.service';
import { EnvironmentContext, EnvironmentContextArgs } from './environment.types';
import { parseId } from '../kit/validators';
import { Access, agentMay, readers } from '../../src/graphql/access';

@Resolver()
export class EnvironmentResolver {
  @Access(readers(agentMay.askAboutOwnClient))
  @Query(() => EnvironmentContext, {
    description:
      'Before working on a host: its notes, insights and the failure patterns of a command, with a verdict (OK / WARN / BLOCK) and the alternative to use. Host by infrastructureId, or by hostname (and clientId).',
  })
  environmentContext(@Ctx() ctx: Context, @Args(() => EnvironmentContextArgs) args: EnvironmentContextArgs): Promise<EnvironmentContext> {
    const id = (value: string | undefined, field: string) => (value ? parseId(value, field) : undefined);
    return environmentContext(ctx, {
      ...args,
      infrastructureId: id(args.infrastructureId, 'infrastructureId'),
      clientId: id(args.clientId, 'clientId'),
    });
  }
}
