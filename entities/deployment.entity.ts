import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Infrastructure } from './infrastructure.entity';
import { Project } from './project.entity';
import { Session } from './session.entity';

export enum DeploymentStatus {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  ROLLED_BACK = 'ROLLED_BACK',
}
registerEnumType(DeploymentStatus, {
  name: 'DeploymentStatus',
  description: 'Outcome of a deployment.',
  valuesConfig: {
    SUCCEEDED: { description: 'Deployed and working.' },
    FAILED: { description: 'Did not deploy.' },
    ROLLED_BACK: { description: 'Deployed, then undone.' },
  },
});

@ObjectType({ description: 'A release of software to an environment, and how it went.' })
@Audited()
@Entity('deployments')
@Index('ix_deployments_session', ['sessionId'])
@Index('ix_deployments_project', ['projectId', 'createdAt'])
export class Deployment {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Column('int', { nullable: true })
  projectId: number | null;

  @ForeignKey(() => Project, 'project_id', { nullable: true })
  project?: Relation<Project> | null;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { description: 'What was deployed.' })
  @Column('varchar', { length: 200 })
  component: string;

  @Field(() => String, { nullable: true, description: 'Version or commit.' })
  @Column('varchar', { length: 100, nullable: true })
  version: string | null;

  @Field(() => String, { description: 'Environment, for example "production".' })
  @Column('varchar', { length: 50 })
  environment: string;

  @Field(() => DeploymentStatus, { description: 'How it went.' })
  @Column('varchar', { length: 20 })
  status: DeploymentStatus;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @Column('varchar', { length: 2000, nullable: true })
  notes: string | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
