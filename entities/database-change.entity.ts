import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Infrastructure } from './infrastructure.entity';
import { Session } from './session.entity';

@ObjectType({ description: 'A change made to a database: schema change, data fix, restore.' })
@Audited()
@Entity('database_changes')
@Index('ix_database_changes_session', ['sessionId'])
export class DatabaseChange {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { description: 'Database changed.' })
  @Column('varchar', { length: 200 })
  databaseName: string;

  @Field(() => String, { description: 'Kind of change, for example "schema", "data fix", "restore".' })
  @Column('varchar', { length: 50 })
  changeType: string;

  @Field(() => String, { description: 'What was run, summarised (no data or secrets).' })
  @Column('varchar', { length: 4000 })
  statementSummary: string;

  @Field(() => Int, { nullable: true, description: 'Rows affected, if known.' })
  @Column('int', { nullable: true })
  rowsAffected: number | null;

  @Field(() => Boolean, { description: 'Whether a backup was taken first.' })
  @Column('boolean')
  backupTaken: boolean;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
