import { Entity, Index, PrimaryColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { Infrastructure } from './infrastructure.entity';
import { Project } from './project.entity';
import { Session } from './session.entity';

/** Junction: infrastructure a session touched. */
@Entity('session_infrastructure')
@Index('ix_session_infrastructure_infrastructure', ['infrastructureId'])
export class SessionInfrastructure {
  @PrimaryColumn('int')
  sessionId: number;

  @PrimaryColumn('int')
  infrastructureId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { onDelete: 'CASCADE' })
  infrastructure?: Relation<Infrastructure>;

  @TimestampColumn()
  createdAt: Date;
}

/** Junction: infrastructure a project involves. */
@Entity('project_infrastructure')
@Index('ix_project_infrastructure_infrastructure', ['infrastructureId'])
export class ProjectInfrastructure {
  @PrimaryColumn('int')
  projectId: number;

  @PrimaryColumn('int')
  infrastructureId: number;

  @ForeignKey(() => Project, 'project_id', { onDelete: 'CASCADE' })
  project?: Relation<Project>;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { onDelete: 'CASCADE' })
  infrastructure?: Relation<Infrastructure>;

  @TimestampColumn()
  createdAt: Date;
}
