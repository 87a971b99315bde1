import { Arg, Args, ClassType, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { auditedEntities } from '../../entities/audited';
import { ChangeLogEntry } from '../../entities/change-log-entry.entity';
import { Context } from '../../src/graphql/context';
import { BadInputError } from '../../src/core/errors';
import { PageArgs } from '../../src/pagination/connection';
import { childConnection } from '../kit/child-connection';
import { ChangeConnection } from '../kit/connections';
import { parseId } from '../kit/validators';
import { Access, readers } from '../../src/graphql/access';

@Resolver(() => ChangeLogEntry)
export class ChangeResolver {
  @Access(readers())
  @Query(() => ChangeConnection, { description: 'The change log of one object, oldest first: who changed what, when and why.' })
  changes(
    @Ctx() ctx: Context,
    @Arg('objectType', () => String, { description: 'GraphQL type name, for example "Session".' }) objectType: string,
    @Arg('objectId', () => ID, { description: 'Id of the object.' }) objectId: string,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ChangeConnection> {
    const types = [...auditedEntities.values()];
    if (!types.includes(objectType)) throw new BadInputError('objectType', `must be one of ${types.sort().join(', ')}`);
    return childConnection(ChangeConnection, ctx.loaders.historyOf, parseId(objectId, 'objectId'), page, objectType);
  }
}

/** `history` on every audited type, from one definition. */
function historyResolverFor(target: Function, objectType: string): ClassType {
  @Resolver(() => target)
  class HistoryResolver {
    @FieldResolver(() => ChangeConnection, { description: `Changes to this ${objectType}, oldest first.` })
    history(@Root() row: { id: number }, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<ChangeConnection> {
      return childConnection(ChangeConnection, ctx.loaders.historyOf, row.id, page, objectType);
    }
  }
  return HistoryResolver;
}

export const historyResolvers = (): ClassType[] =>
  [...auditedEntities].map(([target, objectType]) => historyResolverFor(target, objectType));
