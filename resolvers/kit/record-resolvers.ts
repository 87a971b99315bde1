/*
 * Each generated class names its method after the GraphQL field or operation: type-graphql treats two
 * resolver methods of the same name on one type as an override, so a shared name would make every
 * `belongsTo` on a type answer with the first one's loader.
 */
/**
 * Resolver building blocks for the many record types (infrastructure, commands, file changes, …):
 * each call makes one small resolver class, so a type's resolver file lists what its API offers
 * instead of repeating the same plumbing.
 */
import { Arg, Args, ClassType, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import { Access, AccessRule, writers } from '../../src/graphql/access';
import { Context } from '../../src/graphql/context';
import { NotFoundError } from '../../src/core/errors';
import type { ChildListSpec } from '../../src/loaders/child-connection.loader';
import { PageArgs } from '../../src/pagination/connection';
import { listConnection } from '../../src/pagination/list-query';
import { SortOrder } from '../../src/pagination/sort-order';
import { archiveRecord } from '../../src/kit/record.service';
import { archiveInputFor } from './archive.input';
import { childConnection } from './child-connection';
import { parseId } from './validators';
import { Filter } from '../../src/pagination/filter';

type Row = ObjectLiteral & { id: number };
export const INPUT_DESCRIPTION = 'What to write; see the input type.';

/** Chooses the list's order from an `orderBy` enum argument (given a default, so it is never missing). */
export interface OrderByArg<T, O> {
  type: object;
  defaultValue: O;
  order: (orderBy: O) => SortOrder<T>;
}

/** A parameter decorator that applies only when the list has that argument. */
type ParamDecorator = ReturnType<typeof Arg>;
const optionalParam = (decorator?: ParamDecorator): ParamDecorator => decorator ?? (() => undefined);

/** A top-level list query, as a Relay connection, with `filter` and `orderBy` arguments when the list has them. */
export function listQuery<T extends Row, F extends object, C extends object, O = never>(o: {
  name: string;
  access: AccessRule;
  description: string;
  entity: ClassType<T>;
  connection: ClassType<C>;
  filterType?: ClassType<F>;
  filterDescription?: string;
  filter: (filter?: F) => Filter;
  order: SortOrder<T> | OrderByArg<T, O>;
}): ClassType {
  const filterArg = o.filterType
    ? Arg('filter', () => o.filterType!, { nullable: true, description: o.filterDescription ?? 'Conditions the items must meet.' })
    : undefined;
  const orderBy = 'type' in o.order ? o.order : undefined;
  const orderArg = orderBy
    ? Arg('orderBy', () => orderBy.type, { defaultValue: orderBy.defaultValue, description: 'Order of the list.' })
    : undefined;
  const orderOf = (chosen?: O): SortOrder<T> => (orderBy ? orderBy.order(chosen ?? orderBy.defaultValue) : (o.order as SortOrder<T>));

  @Resolver(() => o.entity)
  class ListQueryResolver {
    @Access(o.access)
    @Query(() => o.connection, { name: o.name, description: o.description })
    [o.name](
      @Ctx() ctx: Context,
      @Args(() => PageArgs) page: PageArgs,
      @optionalParam(filterArg) first?: unknown,
      @optionalParam(orderArg) second?: unknown,
    ): Promise<C> {
      // type-graphql passes the declared arguments in order, leaving out the ones this list does not have
      const [filter, chosen] = (filterArg ? [first, second] : [undefined, first]) as [F | undefined, O | undefined];
      return listConnection(o.connection, ctx.db.manager, o.entity, page, orderOf(chosen), o.filter(filter));
    }
  }
  return ListQueryResolver;
}

/** `<name>(id: ID!)`: one row through the per-request by-id loader, NOT_FOUND when there is none. */
export function byIdQuery<T extends Row>(o: {
  name: string;
  access: AccessRule;
  description: string;
  entity: ClassType<T>;
  idDescription: string;
  /** Declared nullable in the schema (the answer is still a row or NOT_FOUND). */
  nullable?: boolean;
}): ClassType {
  @Resolver(() => o.entity)
  class ByIdQueryResolver {
    @Access(o.access)
    @Query(() => o.entity, { name: o.name, description: o.description, nullable: o.nullable })
    async [o.name](@Ctx() ctx: Context, @Arg('id', () => ID, { description: o.idDescription }) id: string): Promise<T> {
      const row = await ctx.loaders.byId(o.entity).load(parseId(id, 'id'));
      if (!row) throw new NotFoundError(o.entity.name, id, 'id');
      return row;
    }
  }
  return ByIdQueryResolver;
}

/** A mutation taking one `input`. */
export function inputMutation<I extends object, R>(o: {
  name: string;
  access: AccessRule;
  description: string;
  input: ClassType<I>;
  /** The `input` argument's description, when it says more than INPUT_DESCRIPTION. */
  inputDescription?: string;
  returns: ClassType<R & object> | (R extends boolean ? BooleanConstructor : never);
  run: (ctx: Context, input: I) => Promise<R>;
}): ClassType {
  @Resolver()
  class InputMutationResolver {
    @Access(o.access)
    @Mutation(() => o.returns, { name: o.name, description: o.description })
    [o.name](
      @Ctx() ctx: Context,
      @Arg('input', () => o.input, { description: o.inputDescription ?? INPUT_DESCRIPTION }) input: I,
    ): Promise<R> {
      return o.run(ctx, input);
    }
  }
  return InputMutationResolver;
}

/** `archive<Type>(input: { id })`: the row is kept with its history and leaves the default lists. */
export function archiveMutation<T extends Row & { archivedAt: Date | null }>(
  entity: ClassType<T>,
  typeName: string,
  description: string,
): ClassType {
  return inputMutation({
    name: `archive${typeName}`,
    access: writers(),
    description,
    input: archiveInputFor(typeName),
    returns: entity,
    run: (ctx, input) => archiveRecord(ctx, entity, input.id),
  });
}

/** A to-one relation resolved through the per-request by-id loader (null when the key is null). */
export function belongsTo<T extends object, P extends Row>(o: {
  on: ClassType<T>;
  name: string;
  description: string;
  target: ClassType<P>;
  key: keyof T & string;
  /** The key is a NOT NULL foreign key, so the field is non-null. */
  required?: boolean;
}): ClassType {
  @Resolver(() => o.on)
  class BelongsToResolver {
    @FieldResolver(() => o.target, { name: o.name, description: o.description, nullable: !o.required })
    [o.name](@Root() row: T, @Ctx() ctx: Context): Promise<P | null> | null {
      const id = row[o.key] as unknown as number | null;
      return id ? ctx.loaders.byId(o.target).load(id) : null;
    }
  }
  return BelongsToResolver;
}

/** A to-many relation as a connection, paged per parent in SQL through the per-request loaders. */
export function hasMany<P extends Row, T extends Row, C extends object>(o: {
  on: ClassType<P>;
  name: string;
  description: string;
  connection: ClassType<C>;
  spec: ChildListSpec<T, undefined>;
}): ClassType {
  @Resolver(() => o.on)
  class HasManyResolver {
    @FieldResolver(() => o.connection, { name: o.name, description: o.description })
    [o.name](@Root() parent: P, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<C> {
      return childConnection(o.connection, ctx.loaders.children(o.spec), parent.id, page);
    }
  }
  return HasManyResolver;
}
