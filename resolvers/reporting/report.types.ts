import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { WorkCategory } from '../../entities/work-item.entity';
import type { ReportFigures as Figures } from '../../src/reporting/report.service';

@ObjectType({ description: 'Time and money of a set of sessions. Money is integer cents; hours are derived from whole minutes.' })
export class ReportFigures implements Figures {
  @Field(() => Int, {
    description: 'Distinct sessions (a session with work items of several categories counts once in each category group).',
  })
  sessions: number;

  @Field(() => Float, { description: 'Logged work-item hours: minutes / 60, rounded to hundredths.' })
  hours: number;

  @Field(() => Int, { description: 'Logged work-item minutes; sessions without work items add 0.' })
  minutes: number;

  @Field(() => Int, { description: 'Actual (logged) minutes of billable work items.' })
  actualBillableMinutes: number;

  @Field(() => Float, { description: 'actualBillableMinutes / 60, rounded to hundredths: compare with billableHours.' })
  actualBillableHours: number;

  @Field(() => Float, {
    description: 'Billable minutes after the labor-type minimum, rounding and multiplier (exact to the hundredth of a minute).',
  })
  billableMinutes: number;

  @Field(() => Float, { description: 'Billable hours: billableMinutes / 60, rounded to hundredths.' })
  billableHours: number;

  @Field(() => Int, {
    description:
      "What the billable work is worth in cents: each work item (invoice line) at the rate that applies (its billed rate once billed, else the client's current rate), rounded half up once per line, summed.",
  })
  billableValueCents: number;

  @Field(() => String, { description: 'billableValueCents as dollars, for example "$12,000.00".' })
  billableValue: string;

  @Field(() => Int, { description: 'Of the billable value, the billed lines (at the rate they were billed at), in cents.' })
  amountBilledCents: number;

  @Field(() => String, { description: 'amountBilledCents formatted as dollars, for example "$12,000.00".' })
  billedAmount: string;

  @Field(() => Int, { description: 'Of the billable value, the lines not billed yet, in cents (billableValueCents - amountBilledCents).' })
  unbilledCents: number;

  @Field(() => String, { description: 'unbilledCents as dollars.' })
  unbilledAmount: string;

  @Field(() => Float, {
    description: 'Billable hours drawn from prepaid blocks (after-hours work counts hours x multiplier), rounded to hundredths.',
  })
  prepaidHours: number;

  @Field(() => Float, {
    description: 'Billable hours no prepaid block covered (for clients without blocks: all billable hours), rounded to hundredths.',
  })
  overageHours: number;

  @Field(() => Int, {
    description: 'The overage at the rate that applies, per line rounded once, in cents: what an invoice charges beyond the blocks.',
  })
  overageCents: number;

  @Field(() => String, { description: 'overageCents as dollars.' })
  overageAmount: string;
}

@ObjectType({ description: 'What a report group stands for: the keys it was grouped by; the others are null.' })
export class ReportGroupKey {
  @Field(() => ID, { nullable: true, description: 'The client (when grouped by CLIENT; null for sessions without a client).' })
  clientId: string | null;

  @Field(() => String, { nullable: true, description: "The client's name (when grouped by CLIENT)." })
  clientName: string | null;

  @Field(() => ID, { nullable: true, description: 'The project (when grouped by PROJECT; null for sessions without a project).' })
  projectId: string | null;

  @Field(() => String, { nullable: true, description: "The project's name (when grouped by PROJECT)." })
  projectName: string | null;

  @Field(() => WorkCategory, {
    nullable: true,
    description: 'The work category (when grouped by CATEGORY; null for sessions without work items).',
  })
  category: WorkCategory | null;

  @Field(() => String, { nullable: true, description: 'The UTC month the sessions started in, "2025-10" (when grouped by MONTH).' })
  month: string | null;

  @Field(() => ID, { nullable: true, description: 'The machine (when grouped by MACHINE; null for sessions without a machine).' })
  machineId: string | null;

  @Field(() => String, { nullable: true, description: "The machine's host name (when grouped by MACHINE)." })
  machineHostname: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The labor type the work billed as (when grouped by LABOR_TYPE; null for sessions without work items).',
  })
  laborTypeId: string | null;

  @Field(() => String, { nullable: true, description: "The labor type's name (when grouped by LABOR_TYPE)." })
  laborTypeName: string | null;

  @Field(() => ID, { nullable: true, description: 'The technician who logged the work (when grouped by TECHNICIAN; null when unknown).' })
  technicianId: string | null;

  @Field(() => String, { nullable: true, description: "The technician's display name (when grouped by TECHNICIAN)." })
  technicianName: string | null;
}

@ObjectType({ description: 'The figures of one combination of grouping keys.' })
export class ReportGroup {
  @Field(() => ReportGroupKey, { description: 'The keys this group stands for.' })
  key: ReportGroupKey;

  @Field(() => ReportFigures, { description: "The group's figures." })
  figures: ReportFigures;
}

@ObjectType({
  description:
    'Sessions, actual and billable hours, billable value, billed, unbilled, prepaid and overage of a period, in total and per group, plus a text rendering.',
})
export class Report {
  @Field(() => [ReportGroup], {
    description:
      'One per combination of grouping keys that has sessions, ordered by the keys; without groupBy, one group (all keys null) holding the total, or none when no session matched.',
  })
  groups: ReportGroup[];

  @Field(() => ReportFigures, { description: 'The figures over all sessions of the report (sessions counted once).' })
  total: ReportFigures;

  @Field(() => String, {
    description:
      'A header ("Dataforth - Q4 2025: 45 sessions, 120.0 hours, $12,000.00 billable, $0.00 billed") and one line per group (at most 30), for an agent to paste.',
  })
  text: string;
}
