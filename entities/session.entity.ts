import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Client } from './client.entity';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Machine } from './machine.entity';
import { Project } from './project.entity';

export enum SessionMode {
  MSP = 'MSP',
  DEV = 'DEV',
  NORMAL = 'NORMAL',
}
registerEnumType(SessionMode, {
  name: 'SessionMode',
  description: 'Kind of session.',
  valuesConfig: {
    MSP: { description: 'Client work: belongs to a client (and optionally a project); billable by default.' },
    DEV: { description: 'Development on a project; not billable by default.' },
    NORMAL: { description: 'Neither client nor project: research and learning that feeds the knowledge base.' },
  },
});

@ObjectType({ description: 'A stretch of work by a technician or agent, from start to end.' })
@Audited()
@Entity('sessions')
@Index('ix_sessions_started_at', ['startedAt', 'id'])
@Index('ix_sessions_client_started_at', ['clientId', 'startedAt'])
@Index('ix_sessions_project_started_at', ['projectId', 'startedAt'])
@Index('ix_sessions_machine_started_at', ['machineId', 'startedAt'])
export class Session {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => SessionMode, { description: 'MSP, DEV or NORMAL.' })
  @Column('varchar', { length: 10 })
  mode: SessionMode;

  @Column('int', { nullable: true })
  clientId: number | null;

  @ForeignKey(() => Client, 'client_id', { nullable: true })
  client?: Relation<Client> | null;

  @Column('int', { nullable: true })
  projectId: number | null;

  @ForeignKey(() => Project, 'project_id', { nullable: true })
  project?: Relation<Project> | null;

  @Column('int', { nullable: true })
  machineId: number | null;

  @ForeignKey(() => Machine, 'machine_id', { nullable: true })
  machine?: Relation<Machine> | null;

  @Field(() => String, { nullable: true, description: 'Short title of what the session is about.' })
  @Column('varchar', { length: 300, nullable: true })
  title: string | null;

  @Field(() => Boolean, { description: 'Whether the time is billable; defaults to true for MSP sessions and false otherwise.' })
  @Column('boolean')
  billable: boolean;

  @Field(() => Date, { description: 'When the work started (UTC).' })
  @TimestampColumn()
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the work ended (UTC); null while the session is open.' })
  @TimestampColumn({ nullable: true })
  endedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Summary written when the session ended (markdown).' })
  @Column('text', { nullable: true })
  summary: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When this was marked billed (UTC). While set, time, billable flag and minutes are locked.',
  })
  @TimestampColumn({ nullable: true })
  billedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When this was posted to a PSA ticket (UTC). While set, it is locked like billed work; unlockBilled unlocks it.',
  })
  @TimestampColumn({ nullable: true })
  postedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "The client's hourly rate in cents when the session was billed: billed amounts stay as invoiced when the rate changes.",
  })
  @Column('int', { nullable: true })
  billedRateCents: number | null;

  @Field(() => Date, { description: 'When the row was created (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When the row was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;

  @Field(() => Int, { nullable: true, description: 'Whole minutes from start to end; null while the session is open.' })
  durationMinutes(): number | null {
    return this.endedAt ? Math.round((this.endedAt.getTime() - this.startedAt.getTime()) / 60_000) : null;
  }
}
