import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Client } from './client.entity';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';

export enum ProjectStatus {
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  COMPLETED = 'COMPLETED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a project stands.',
  valuesConfig: {
    ACTIVE: { description: 'Work is ongoing.' },
    ON_HOLD: { description: 'Paused; expected to resume.' },
    COMPLETED: { description: 'Delivered.' },
    ARCHIVED: { description: 'Kept for history only.' },
  },
});

@ObjectType({ description: 'A body of work for one client, such as a migration or an application.' })
@Audited()
@Entity('projects')
@Unique('uq_projects_client_name', ['clientId', 'name'])
export class Project {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  clientId: number;

  @ForeignKey(() => Client, 'client_id')
  client?: Relation<Client>;

  @Field(() => String, { description: 'Name, unique within its client.' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => ProjectStatus, { description: 'Lifecycle status.' })
  @Column('varchar', { length: 20, default: ProjectStatus.ACTIVE })
  status: ProjectStatus;

  @Field(() => String, { nullable: true, description: 'Optional free-text description.' })
  @Column('varchar', { length: 2000, nullable: true })
  description: string | null;

  @Field(() => Date, { description: 'When the project was created (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When the project was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
