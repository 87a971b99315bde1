import { Field, Float, Int, ObjectType } from 'type-graphql';
import { WorkCategory } from '../../entities/work-item.entity';

@ObjectType({ description: 'Minutes logged in one category.' })
export class CategoryTime {
  @Field(() => WorkCategory, { description: 'The category.' })
  category: WorkCategory;

  @Field(() => Int, { description: 'Minutes logged in it.' })
  minutes: number;

  @Field(() => Int, { description: 'Of those, billable minutes.' })
  billableMinutes: number;
}

@ObjectType({ description: "A session's figures: time per category, billable amount, and what was done (computed from its records)." })
export class SessionBreakdown {
  @Field(() => Int, { description: 'Minutes logged in work items.' })
  minutes: number;

  @Field(() => Int, { description: 'Billable minutes.' })
  billableMinutes: number;

  @Field(() => Float, { description: 'Billable hours, rounded to hundredths.' })
  billableHours: number;

  @Field(() => Int, {
    description: "Hourly rate in cents the amount uses: the billed rate once billed, else the client's current rate (0 without a client).",
  })
  rateCents: number;

  @Field(() => Int, { description: 'Billable minutes × rate, in cents, rounded half up once.' })
  amountCents: number;

  @Field(() => String, { description: 'The amount formatted, for example "$1,234.50".' })
  amount: string;

  @Field(() => [CategoryTime], { description: 'Time per category, largest first.' })
  byCategory: CategoryTime[];

  @Field(() => Int, { description: 'Commands run.' })
  commands: number;

  @Field(() => Int, { description: 'Of those, failed.' })
  failedCommands: number;

  @Field(() => Int, { description: 'Files changed.' })
  filesChanged: number;

  @Field(() => Int, { description: 'Problems solved.' })
  problemsSolved: number;

  @Field(() => Int, { description: 'Notes written.' })
  notes: number;
}
