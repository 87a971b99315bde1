import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { InvoiceColumn, workItemsCsv } from '../../src/billing/invoice-export.service';
import { EXPORT_ACCESS } from '../../src/export-routes';
import { Client } from '../../entities/client.entity';
import { LaborType } from '../../entities/labor-type.entity';
import { PrepaidBlock } from '../../entities/prepaid-block.entity';
import { User } from '../../entities/user.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { Access, admins, agentMay, readers, writers } from '../../src/graphql/access';
import { Context } from '../../src/graphql/context';
import { PageArgs } from '../../src/pagination/connection';
import type { ChildListSpec } from '../../src/loaders/child-connection.loader';
import { recomputeBilling } from '../../src/billing/billing.service';
import { createLaborType, LABOR_TYPE_ORDER, laborTypeFilter, updateLaborType } from '../../src/billing/labor-type.service';
import { minutesOfCentiminutes } from '../../src/billing/money';
import { addPrepaidBlock, PREPAID_BLOCK_ORDER } from '../../src/billing/prepaid.service';
import { RecomputeBillingInput, RecomputeBillingPayload } from './billing.inputs';
import { childConnection } from '../kit/child-connection';
import { LaborTypeConnection, PrepaidBlockConnection } from '../kit/connections';
import { CreateLaborTypeInput, LaborTypeFilterInput, UpdateLaborTypeInput } from './labor-type.inputs';
import { AddPrepaidBlockInput, ClientPrepaid } from './prepaid.inputs';
import { belongsTo, byIdQuery, inputMutation, listQuery } from '../kit/record-resolvers';
import { IsId } from '../kit/validators';
import { weekdayNames } from '../../src/billing/billing-rules';
import { Weekday } from '../../src/tracking/client.commands';
import { noFilter } from '../../src/pagination/filter';

const blocksOfClient: ChildListSpec<PrepaidBlock, undefined> = {
  entity: PrepaidBlock,
  parentKey: 'clientId',
  order: PREPAID_BLOCK_ORDER,
  filter: () => noFilter,
};

registerEnumType(InvoiceColumn, {
  name: 'InvoiceColumn',
  description: 'A column of the invoice CSV export (GET /export/work-items.csv?columns=… takes the same names, comma-separated).',
  valuesConfig: {
    DATE: { description: "The day the work started, in the client's time zone (YYYY-MM-DD)." },
    SESSION: { description: 'The session id.' },
    TECHNICIAN: { description: 'Who logged the work.' },
    CATEGORY: { description: 'The work category.' },
    LABOR_TYPE: { description: 'The labor type it billed as.' },
    DESCRIPTION: { description: 'What was done.' },
    ACTUAL_MINUTES: { description: 'Minutes as logged.' },
    BILLABLE_MINUTES: { description: 'Minutes billed after minimum, rounding and multiplier.' },
    RATE: { description: 'Hourly rate of the line: the billed rate once billed, else the current one ("100.00").' },
    AMOUNT: { description: 'Billable minutes at the rate, rounded half up once ("262.50").' },
    BILLED: { description: '"yes" once billed, else "no".' },
    PSA_TICKET: { description: "The session's PSA ticket (number, else id), if linked." },
    PREPAID_MINUTES: { description: 'Of the billable minutes, those drawn from prepaid blocks (not in the default columns).' },
    OVERAGE_AMOUNT: { description: 'The minutes no block covered, at the rate (not in the default columns).' },
  },
});

@ArgsType()
class WorkItemsCsvArgs {
  @Field(() => ID, { description: 'The client.' })
  @IsId()
  clientId: string;

  @Field(() => Date, { description: 'Sessions started at or after this time (inclusive, UTC).' })
  from: Date;

  @Field(() => Date, { description: 'Sessions started before this time (exclusive, UTC); at most 10 years after from.' })
  to: Date;

  @Field(() => [InvoiceColumn], {
    nullable: true,
    description: 'Columns in this order (up to 14); the twelve invoice columns DATE to PSA_TICKET when omitted.',
  })
  @IsOptional()
  @ArrayMaxSize(14)
  @IsEnum(InvoiceColumn, { each: true })
  columns?: InvoiceColumn[];
}

@Resolver(() => LaborType)
class InvoiceExportResolver {
  @Access(EXPORT_ACCESS)
  @Query(() => String, {
    description:
      "The client's billable work items in sessions started in [from, to) as invoice-ready CSV (RFC 4180, CRLF, header row); the same as GET /export/work-items.csv.",
  })
  workItemsCsv(@Ctx() ctx: Context, @Args(() => WorkItemsCsvArgs) args: WorkItemsCsvArgs): Promise<string> {
    return workItemsCsv(ctx, { clientId: args.clientId, from: args.from, to: args.to }, args.columns ?? undefined);
  }
}

@Resolver(() => WorkItem)
class WorkItemBillingResolver {
  @FieldResolver(() => Float, { description: 'Minutes as logged (the same as minutes).' })
  actualMinutes(@Root() item: WorkItem): number {
    return item.minutes;
  }

  @FieldResolver(() => Float, {
    description: 'Minutes billed after the labor type minimum, rounding and multiplier (exact to the hundredth); 0 when not billable.',
  })
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
  @FieldResolver(() => PrepaidBlockConnection, {
    description: 'Every block of the client (expired and used-up ones too), oldest purchase first.',
  })
  blocks(@Root() prepaid: ClientPrepaid, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<PrepaidBlockConnection> {
    return childConnection(PrepaidBlockConnection, ctx.loaders.children(blocksOfClient), prepaid.clientId, page);
  }
}

/** Labor types, prepaid blocks and recomputing: who may do what is declared with each. */
export const billingResolvers = [
  InvoiceExportResolver,
  byIdQuery({
    name: 'laborType',
    access: readers(agentMay.always),
    description: 'One labor type by id. NOT_FOUND when it does not exist.',
    entity: LaborType,
    idDescription: 'Labor type id.',
  }),
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
    filterType: LaborTypeFilterInput,
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
    description:
      'Changes a labor type (admins); a rule change is a new version that applies to new work, and to unlocked work through recomputeBilling. Billed work never moves.',
    input: UpdateLaborTypeInput,
    returns: LaborType,
    run: updateLaborType,
  }),
  // recording a client's purchase is everyday office work, like setting the client's rate: writers
  inputMutation({
    name: 'addPrepaidBlock',
    access: writers(),
    description:
      "Records a block of prepaid hours a client bought; the client's billable work then draws from its oldest open block first.",
    input: AddPrepaidBlockInput,
    returns: PrepaidBlock,
    run: addPrepaidBlock,
  }),
  inputMutation({
    name: 'recomputeBilling',
    access: writers(),
    description:
      "Applies the current billing rules to the client's unlocked work in a period, and draws prepaid hours again; billed work is left alone. Every change is in the change log.",
    input: RecomputeBillingInput,
    returns: RecomputeBillingPayload,
    run: recomputeBilling,
  }),
  belongsTo({ on: WorkItem, name: 'laborType', description: 'The labor type the work billed as.', target: LaborType, key: 'laborTypeId' }),
  belongsTo({
    on: WorkItem,
    name: 'technician',
    description:
      'Who logged the work (for agent tokens, the user who issued the token); null for work from before billing or from scripts.',
    target: User,
    key: 'technicianId',
  }),
  belongsTo({
    on: Client,
    name: 'defaultLaborType',
    description: "The client's default labor type; null: the install's default.",
    target: LaborType,
    key: 'defaultLaborTypeId',
  }),
  belongsTo({
    on: Client,
    name: 'afterHoursLaborType',
    description: 'The labor type after-hours work of this client bills as (with the AFTER_HOURS_LABOR_TYPE policy).',
    target: LaborType,
    key: 'afterHoursLaborTypeId',
  }),
  belongsTo({
    on: PrepaidBlock,
    name: 'client',
    description: 'The client that bought it.',
    target: Client,
    key: 'clientId',
    required: true,
  }),
];
