import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { LaborType } from './labor-type.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

export enum WorkCategory {
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  TROUBLESHOOTING = 'TROUBLESHOOTING',
  CONFIGURATION = 'CONFIGURATION',
  DEVELOPMENT = 'DEVELOPMENT',
  SECURITY = 'SECURITY',
  DOCUMENTATION = 'DOCUMENTATION',
  RESEARCH = 'RESEARCH',
  COMMUNICATION = 'COMMUNICATION',
  MAINTENANCE = 'MAINTENANCE',
  OTHER = 'OTHER',
}
registerEnumType(WorkCategory, {
  name: 'WorkCategory',
  description: 'What kind of work a work item was; reports group time by it.',
  valuesConfig: {
    INFRASTRUCTURE: { description: 'Servers, networks, storage, cloud resources.' },
    TROUBLESHOOTING: { description: 'Diagnosing and fixing a fault.' },
    CONFIGURATION: { description: 'Changing settings of existing systems.' },
    DEVELOPMENT: { description: 'Writing or changing code and scripts.' },
    SECURITY: { description: 'Hardening, access, incidents, patches for vulnerabilities.' },
    DOCUMENTATION: { description: 'Writing down how things are.' },
    RESEARCH: { description: 'Finding out how something works or which option fits.' },
    COMMUNICATION: { description: 'Calls, mails and meetings with the client or vendors.' },
    MAINTENANCE: { description: 'Routine upkeep: updates, backups checks, clean-up.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'One piece of work done in a session, with the minutes it took.' })
@Audited()
@Entity('work_items')
@Index('ix_work_items_session_created_at', ['sessionId', 'createdAt'])
@Index('ix_work_items_labor_type', ['laborTypeId'])
@Index('ix_work_items_technician', ['technicianId'])
export class WorkItem {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Field(() => WorkCategory, { description: 'Kind of work.' })
  @Column('varchar', { length: 30 })
  category: WorkCategory;

  @Field(() => String, { description: 'What was done, in one or a few sentences.' })
  @Column('varchar', { length: 2000 })
  description: string;

  /** The actual minutes logged (GraphQL: minutes and actualMinutes). */
  @Field(() => Int, { description: 'Minutes spent as logged (1 to 1440); the same as actualMinutes.' })
  @Column('int')
  minutes: number;

  @Field(() => Date, { description: 'When the work started (UTC); business hours and after-hours are judged by it.' })
  @TimestampColumn()
  startedAt: Date;

  @Column('int', { nullable: true })
  laborTypeId: number | null;

  @ForeignKey(() => LaborType, 'labor_type_id', { nullable: true })
  laborType?: Relation<LaborType> | null;

  /** The labor type the caller asked for (null: the client's or the install's default); recomputing starts from it. */
  @Column('int', { nullable: true })
  requestedLaborTypeId: number | null;

  @ForeignKey(() => LaborType, 'requested_labor_type_id', { nullable: true })
  requestedLaborType?: Relation<LaborType> | null;

  @Column('int', { nullable: true })
  technicianId: number | null;

  @ForeignKey(() => User, 'technician_id', { nullable: true })
  technician?: Relation<User> | null;

  /** Billable quantity in hundredths of a minute, after minimum, rounding and multiplier; 0 when not billable. */
  @Column('int', { default: 0 })
  billableCentiminutes: number;

  /** Of the billable quantity, what prepaid blocks covered (hundredths of a minute); the rest is overage. */
  @Column('int', { default: 0 })
  prepaidCentiminutes: number;

  @Field(() => Boolean, { description: 'Whether it billed as after-hours or emergency work (its labor type carries the multiplier).' })
  @Column('boolean', { default: false })
  afterHours: boolean;

  @Field(() => Int, { description: "The labor type's rule version the billable minutes were computed with." })
  @Column('int', { default: 1 })
  ruleVersion: number;

  @Field(() => Boolean, { description: "Whether the minutes are billable; defaults to the session's billable flag." })
  @Column('boolean')
  billable: boolean;

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

  @Field(() => Date, { description: 'When the work item was logged (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
