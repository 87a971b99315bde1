import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Infrastructure } from './infrastructure.entity';
import { Session } from './session.entity';
import { WorkItem } from './work-item.entity';

@ObjectType({ description: 'A problem met in a session and how it was solved; searched when a similar problem comes up.' })
@Audited()
@Entity('problem_solutions')
@Index('ix_problem_solutions_session', ['sessionId', 'createdAt'])
export class ProblemSolution {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Column('int', { nullable: true })
  workItemId: number | null;

  @ForeignKey(() => WorkItem, 'work_item_id', { nullable: true, onDelete: 'SET NULL' })
  workItem?: Relation<WorkItem> | null;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { description: 'What was seen.' })
  @Column('varchar', { length: 2000 })
  symptom: string;

  @Field(() => String, { nullable: true, description: 'Why it happened, once known.' })
  @Column('varchar', { length: 2000, nullable: true })
  rootCause: string | null;

  @Field(() => String, { description: 'What fixed it.' })
  @Column('varchar', { length: 4000 })
  solution: string;

  @Field(() => Boolean, { description: 'Whether the fix was confirmed to work.' })
  @Column('boolean')
  verified: boolean;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
