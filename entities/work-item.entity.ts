import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';
import { Session } from './session.entity';

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
export class WorkItem {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ManyToOne(() => Session, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Field(() => WorkCategory, { description: 'Kind of work.' })
  @Column('varchar', { length: 30 })
  category: WorkCategory;

  @Field(() => String, { description: 'What was done, in one or a few sentences.' })
  @Column('varchar', { length: 2000 })
  description: string;

  @Field(() => Int, { description: 'Minutes spent (1 to 1440).' })
  @Column('int')
  minutes: number;

  @Field(() => Boolean, { description: "Whether the minutes are billable; defaults to the session's billable flag." })
  @Column('boolean')
  billable: boolean;

  @Field(() => Date, { nullable: true, description: 'When this was marked billed (UTC). While set, time, billable flag and minutes are locked.' })
  @TimestampColumn({ nullable: true })
  billedAt: Date | null;

  @Field(() => Date, { description: 'When the work item was logged (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
