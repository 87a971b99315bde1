import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ProjectStatus } from '../../entities/project.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type { CreateProject, UpdateProject, ProjectFilter } from '../../src/tracking/project.commands';

@InputType({ description: 'A new project for a client.' })
export class CreateProjectInput extends IdempotentInput implements CreateProject {
  @Field(() => ID, { description: 'The client the project is for.' })
  @IsId()
  clientId: string;

  @Field(() => String, { description: 'Name, unique within the client (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => ProjectStatus, { nullable: true, description: 'Initial status; ACTIVE when omitted.' })
  @IsOptional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus;

  @Field(() => String, { nullable: true, description: 'What the project is about (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  description?: string;
}

@InputType({ description: 'Changes to a project; omitted fields stay as they are.' })
export class UpdateProjectInput implements UpdateProject {
  @Field(() => ID, { description: 'The project to change.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New name (1 to 200 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => ProjectStatus, { nullable: true, description: 'New status.' })
  @IsOptional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus;

  @Field(() => String, { nullable: true, description: 'New description (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  description?: string;
}

@InputType('ProjectFilter', { description: 'Narrows a projects list.' })
export class ProjectFilterInput implements ProjectFilter {
  @Field(() => ProjectStatus, { nullable: true, description: 'Only projects with this status.' })
  @IsOptional()
  status?: ProjectStatus;

  @Field(() => String, { nullable: true, description: 'Only projects whose name contains this text (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}
