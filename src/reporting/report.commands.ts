// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { SessionMode } from '../../entities/session.entity';

export interface ReportFilter {
  clientId?: string;
  projectId?: string;
  from: Date;
  to: Date;
  mode?: SessionMode;
}
