/** Who is acting in a request or a job: the identity every layer below GraphQL may see. */
import type { UserRole } from '../../entities/user.entity';

/** What a token lets its holder do. */
export type AccessScope = 'msp:read' | 'msp:write' | 'msp:admin';

/** Who is calling, from a verified access token. */
export interface Viewer {
  userId: number;
  role: UserRole;
  scopes: AccessScope[];
  /** Set for agent tokens: the one session the agent may write to, and its client. */
  sessionId?: number;
  clientId?: number | null;
  tokenId: string;
  tokenExpiresAt: Date;
  /** The login (refresh-token family) a person's token came from. */
  familyId?: string;
}

/** Who caused a write; the change log records it with every row changed. */
export interface ChangeOrigin {
  requestId: string;
  actor: string;
  /** Why, when the change needs a reason (for example unlocking a billed session). */
  reason?: string;
}

export const actorOf = (viewer: Viewer | null): string =>
  !viewer ? 'anonymous' : viewer.sessionId ? `agent:${viewer.sessionId}/user:${viewer.userId}` : `user:${viewer.userId}`;
