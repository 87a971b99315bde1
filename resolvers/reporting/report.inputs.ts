import { ArrayMaxSize, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SessionMode } from '../../entities/session.entity';
import { ReportGrouping } from '../../src/reporting/report.service';
import { IsId } from '../kit/validators';
import type { ReportFilter } from '../../src/reporting/report.commands';

registerEnumType(ReportGrouping, {
  name: 'ReportGrouping',
  description:
    'What a report is broken down by. Groups are ordered by client name, project name, category, month, machine host name, labor type name, technician name (each when grouped by it).',
  valuesConfig: {
    CLIENT: { description: 'The client of the session; sessions without a client form one group.' },
    PROJECT: { description: 'The project of the session; sessions without a project form one group.' },
    CATEGORY: { description: "The work items' category; sessions without work items form a group with no category." },
    MONTH: { description: 'The UTC calendar month the session started in ("2025-10").' },
    MACHINE: { description: 'The machine the session ran on; sessions without a machine form one group.' },
    LABOR_TYPE: { description: 'The labor type the work items billed as; sessions without work items form a group with no labor type.' },
    TECHNICIAN: {
      description: 'The technician who logged the work items; work of unknown technician (scripts, older work) forms one group.',
    },
  },
});

@InputType('ReportFilter', {
  description: 'Which sessions a report covers: those started in [from, to), narrowed by the optional conditions.',
})
export class ReportFilterInput implements ReportFilter {
  @Field(() => ID, { nullable: true, description: "Only this client's sessions; the report is titled with the client's name." })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "Only this project's sessions; the report is titled with its name when no clientId is given.",
  })
  @IsOptional()
  @IsId()
  projectId?: string;

  @Field(() => Date, { description: 'Sessions started at or after this time (inclusive, UTC).' })
  from: Date;

  @Field(() => Date, { description: 'Sessions started before this time (exclusive); after from, and at most 10 years after it.' })
  to: Date;

  @Field(() => SessionMode, { nullable: true, description: 'Only sessions of this mode.' })
  @IsOptional()
  @IsEnum(SessionMode)
  mode?: SessionMode;
}

@ArgsType()
export class ReportArgs {
  @Field(() => ReportFilterInput, { description: 'Which sessions to report on.' })
  @ValidateNested()
  filter: ReportFilterInput;

  @Field(() => [ReportGrouping], {
    nullable: true,
    defaultValue: [],
    description: 'Keys to break the figures down by, each at most once (their order does not matter); none gives one group with the total.',
  })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(ReportGrouping, { each: true })
  groupBy?: ReportGrouping[] | null;
}
