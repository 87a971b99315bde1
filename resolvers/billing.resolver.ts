import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../entities/client.entity';
import { LaborType } from '../entities/labor-type.entity';
import { PrepaidBlock } from '../entities/prepaid-block.entity';
import { User } from '../entities/user.entity';
import { WorkItem } from '../entities/work-item.entity';
import { Access, admins, agentMay, readers, writers } from '../src/auth/access';
import { Context } from '../src/context';
import { PageArgs } from '../src/pagination/connection';
import { noFilter } from '../src/pagination/list-query';
import type { ChildListSpec } from '../src/loaders/child-connection.loader';
import { recomputeBilling } from '../src/services/billing.service';
import { createLaborType, LABOR_TYPE_ORDER, laborTypeFilter, updateLaborType } from '../src/services/labor-type.service';
import { minutesOfCentiminutes } from '../src/services/money';
import { addPrepaidBlock, PREPAID_BLOCK_ORDER } from '../src/services/prepaid.service';
import { findOrFail } from '../src/services/find-or-fail';
import { RecomputeBillingInput, RecomputeBillingPayload } from './billing.inputs';
import { childConnection } from './child-connection';
import { LaborTypeConnection, PrepaidBlockConnection } from './connections';
import { CreateLaborTypeInput, LaborTypeFilter, UpdateLaborTypeInput } from './labor-type.inputs';
import { AddPrepaidBlockInput, ClientPrepaid } from './prepaid.inputs';
import { belongsTo, inputMutation, listQuery } from './record-resolvers';
import { parseId } from './validators';
import { weekdayNames } from '../src/services/billing-rules';
import { Weekday } from './client.inputs';

const blocksOfClient: ChildListSpec<PrepaidBlock, undefined> = { entity: PrepaidBlock, parentKey: 'clientId', order: PREPAID_BLOCK_ORDER, filter: () => noFilter };

@Resolver(() => LaborType)
class LaborTypeResolver {
  @Access(readers(agentMay.always))
  @Query(() => LaborType, { description: 'One labor type by id. NOT_FOUND when it does not exist.' })
  laborType(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Labor type id.' }) id: string): Promise<LaborType> {
    return findOrFail(ctx.db.manager, LaborType, parseId(id, 'id'));
  }
}

@Resolver(() => WorkItem)
class WorkItemBillingResolver {
  @FieldResolver(() => Float, { description: 'Minutes as logged (the same as minutes).' })
  actualMinutes(@Root() item: WorkItem): number {
    return item.minutes;
  }

  @FieldResolver(() => Float, { description: 'Minutes billed after the labor type minimum, rounding and multiplier (exact to the hundredth); 0 when not billable.' })
  billableMinutes(@Root() item: WorkItem): number {
    return minutesOfCentiminutes(item.billableCentiminutes);
  }

  @FieldResolver(() => Float, { description: 'Of the billable minutes, those drawn from prepaid blocks (drawn when the session ends).' })
  prepaidMinutes(@Root() item: WorkItem): number {
    return minutesOfCentiminutes(item.prepaidCentiminutes);
  }

  @FieldResolver(() => Float, { description: "Billable minutes no prepaid block covered: billed at the client's rate." })
  overageMinutes(@Root() item: WorkItem): number {
    return minutesOfCentiminutes(item.billableCentiminutes - item.prepaidCentiminutes);
  }
}

@Resolver(() => Client)
class ClientBillingResolver {
  @FieldResolver(() => [Weekday], { description: 'Days with business hours (Monday to Friday by default).' })
  businessDays(@Root() client: Client): Weekday[] {
    return weekdayNames(client.businessDays) as Weekday[];
  }

  @FieldResolver(() => ClientPrepaid, { description: "The client's prepaid hours: balance, blocks and consumption per month." })
  async prepaid(@Root() client: Client, @Ctx() ctx: Context): Promise<ClientPrepaid> {
    const summary = await ctx.loaders.prepaidOfClient.load(client.id);
    return {
      clientId: client.id,
      balanceHours: summary.balanceCentiminutes / 6000,
      purchasedHours: summary.purchasedCentiminutes / 6000,
      usedHours: summary.usedCentiminutes / 6000,
      openBlocks: summary.blockCount,
      consumption: summary.consumption.map((m) => ({ month: m.month, hours: m.centiminutes / 6000 })),
    };
  }
}

@Resolver(() => ClientPrepaid)
class ClientPrepaidResolver {
  @FieldResolver(() => PrepaidBlockConnection, { description: 'Every block of the client (expired and used-up ones too), oldest purchase first.' })
  blocks(@Root() prepaid: ClientPrepaid, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<PrepaidBlockConnection> {
    return childConnection(PrepaidBlockConnection, ctx.loaders.children(blocksOfClient), prepaid.clientId, page);
  }
}

/** Labor types, prepaid blocks and recomputing: who may do what is declared with each. */
export const billingResolvers = [
  LaborTypeResolver,
  WorkItemBillingResolver,
  ClientBillingResolver,
  ClientPrepaidResolver,
  // agents choose a labor type when they log work: the list holds no client data
  listQuery({
    name: 'laborTypes',
    access: readers(agentMay.always),
    description: 'Labor types (how kinds of work are billed), ordered by name.',
    entity: LaborType,
    connection: LaborTypeConnection,
    filterType: LaborTypeFilter,
    filter: laborTypeFilter,
    order: LABOR_TYPE_ORDER,
  }),
  // labor types are install-wide rules that move every client's unbilled money: admins only
  inputMutation({
    name: 'createLaborType',
    access: admins,
    description: 'Creates a labor type (admins). CONFLICT when the name is taken.',
    input: CreateLaborTypeInput,
    returns: LaborType,
    run: createLaborType,
  }),
  inputMutation({
    name: 'updateLaborType',
    access: admins,
    description: 'Changes a labor type (admins); a rule change is a new version that applies to new work, and to unlocked work through recomputeBilling. Billed work never moves.',
    input: UpdateLaborTypeInput,
    returns: LaborType,
    run: updateLaborType,
  }),
  // recording a client's purchase is everyday office work, like setting the client's rate: writers
  inputMutation({
    name: 'addPrepaidBlock',
    access: writers(),
    description: "Records a block of prepaid hours a client bought; the client's billable work then draws from its oldest open block first.",
    input: AddPrepaidBlockInput,
    returns: PrepaidBlock,
    run: addPrepaidBlock,
  }),
  inputMutation({
    name: 'recomputeBilling',
    access: writers(),
    description: "Applies the current billing rules to the client's unlocked work in a period, and draws prepaid hours again; billed work is left alone. Every change is in the change log.",
    input: RecomputeBillingInput,
    returns: RecomputeBillingPayload,
    run: recomputeBilling,
  }),
  belongsTo({ on: WorkItem, name: 'laborType', description: 'The labor type the work billed as.', target: LaborType, key: 'laborTypeId' }),
  belongsTo({ on: WorkItem, name: 'technician', description: 'Who logged the work (for agent tokens, the user who issued the token); null for work from before billing or from scripts.', target: User, key: 'technicianId' }),
  belongsTo({ on: Client, name: 'defaultLaborType', description: "The client's default labor type; null: the install's default.", target: LaborType, key: 'defaultLaborTypeId' }),
  belongsTo({ on: Client, name: 'afterHoursLaborType', description: 'The labor type after-hours work of this client bills as (with the AFTER_HOURS_LABOR_TYPE policy).', target: LaborType, key: 'afterHoursLaborTypeId' }),
  belongsTo({ on: PrepaidBlock, name: 'client', description: 'The client that bought it.', target: Client, key: 'clientId', required: true }),
];
