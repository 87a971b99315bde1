import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Client } from './client.entity';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Project } from './project.entity';
import { Session } from './session.entity';

export enum PendingTaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(PendingTaskStatus, {
  name: 'PendingTaskStatus',
  description: 'Whether a pending task still needs doing.',
  valuesConfig: { OPEN: { description: 'Still to do.' }, DONE: { description: 'Completed.' } },
});

@ObjectType({ description: 'Something left to do for a client or project, often noted at the end of a session.' })
@Audited()
@Entity('pending_tasks')
@Index('ix_pending_tasks_client_status', ['clientId', 'status'])
@Index('ix_pending_tasks_status_due', ['status', 'dueDate'])
export class PendingTask {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int', { nullable: true })
  clientId: number | null;

  @ForeignKey(() => Client, 'client_id', { nullable: true })
  client?: Relation<Client> | null;

  @Column('int', { nullable: true })
  projectId: number | null;

  @ForeignKey(() => Project, 'project_id', { nullable: true })
  project?: Relation<Project> | null;

  @Column('int', { nullable: true })
  sessionId: number | null;

  @ForeignKey(() => Session, 'session_id', { nullable: true, onDelete: 'SET NULL' })
  session?: Relation<Session> | null;

  @Field(() => String, { description: 'What needs doing.' })
  @Column('varchar', { length: 300 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Details, context or links.' })
  @Column('varchar', { length: 2000, nullable: true })
  notes: string | null;

  @Field(() => PendingTaskStatus, { description: 'OPEN until completed.' })
  @Column('varchar', { length: 10, default: PendingTaskStatus.OPEN })
  status: PendingTaskStatus;

  @Field(() => String, { nullable: true, description: 'Due date as YYYY-MM-DD, if any.' })
  @Column('date', { nullable: true })
  dueDate: string | null;

  @Field(() => Date, { nullable: true, description: 'When the task was completed (UTC).' })
  @TimestampColumn({ nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { description: 'When the task was added (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
