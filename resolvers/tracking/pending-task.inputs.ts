import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PendingTaskStatus } from '../../entities/pending-task.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsCalendarDate, IsId, NotBlank } from '../kit/validators';
import type { AddPendingTask, CompletePendingTask, PendingTaskFilter } from '../../src/tracking/pending-task.commands';

@InputType({ description: 'Something left to do. Client and project are filled in from the session or project when omitted.' })
export class AddPendingTaskInput extends IdempotentInput implements AddPendingTask {
  @Field(() => String, { description: 'What needs doing (1 to 300 characters).' })
  @NotBlank()
  @MaxLength(300)
  title: string;

  @Field(() => String, { nullable: true, description: 'Details (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;

  @Field(() => ID, { nullable: true, description: 'Client the task is for.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Project the task belongs to.' })
  @IsOptional()
  @IsId()
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Session in which the task came up.' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => String, { nullable: true, description: 'Due date, YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}

@InputType({ description: 'Marks a pending task done.' })
export class CompletePendingTaskInput implements CompletePendingTask {
  @Field(() => ID, { description: 'The task to complete.' })
  @IsId()
  pendingTaskId: string;
}

@InputType('PendingTaskFilter', { description: 'Narrows a pending-tasks list; all conditions must hold.' })
export class PendingTaskFilterInput implements PendingTaskFilter {
  @Field(() => ID, { nullable: true, description: 'Only tasks for this client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only tasks of this project.' })
  @IsOptional()
  @IsId()
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Only tasks raised in this session.' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => PendingTaskStatus, { nullable: true, description: 'Only OPEN or only DONE tasks.' })
  @IsOptional()
  status?: PendingTaskStatus;

  @Field(() => String, { nullable: true, description: 'Only tasks due on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  dueOnOrBefore?: string;
}
