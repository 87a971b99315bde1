// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { SessionMode } from '../../entities/session.entity';
import type { SearchSource } from '../../entities/search-document.entity';

export interface SearchFilter {
  clientId?: string;
  sessionId?: string;
  mode?: SessionMode;
  sources?: SearchSource[];
  from?: Date;
  to?: Date;
}
