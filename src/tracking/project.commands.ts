// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { ProjectStatus } from '../../entities/project.entity';

/** A new project for a client. */
export interface CreateProject {
  clientId: string;
  name: string;
  status?: ProjectStatus;
  description?: string;
  idempotencyKey?: string;
}

/** Changes to a project; omitted fields stay as they are. */
export interface UpdateProject {
  id: string;
  name?: string;
  status?: ProjectStatus;
  description?: string;
}

export interface ProjectFilter {
  status?: ProjectStatus;
  search?: string;
}
