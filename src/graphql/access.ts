import { Extensions } from 'type-graphql';
import type { Viewer } from '../core/request-scope';

/** The arguments an agent check looks at: ids and the filter a list is narrowed by. */
export interface AccessArgs {
  id?: string;
  clientId?: string;
  input?: { sessionId?: string };
  filter?: { clientId?: string; sessionId?: string; mode?: string } | null;
}

/** Whether an agent token (scoped to one session and its client) may make this call. */
export type AgentCheck = (args: AccessArgs, agent: Viewer) => boolean;

/**
 * Who may call a query or mutation, declared beside it. Agent tokens are refused unless the rule
 * lets them in: `agents` says when.
 */
export type AccessRule =
  | { kind: 'anyone' }
  | { kind: 'signedIn' }
  | { kind: 'admins' }
  | { kind: 'readers'; agents?: AgentCheck }
  | { kind: 'writers'; agents?: 'ownSession' | 'checkedByService' };

/** No token needed (logging in). */
export const anyone: AccessRule = { kind: 'anyone' };
/** Any valid token, whatever its scopes (logging out, one's own password). */
export const signedIn: AccessRule = { kind: 'signedIn' };
/** msp:admin; never an agent token. */
export const admins: AccessRule = { kind: 'admins' };
/** msp:read; agent tokens only when `agents` passes. */
export const readers = (agents?: AgentCheck): AccessRule => ({ kind: 'readers', agents });
/** msp:write; agent tokens only into their own session (`input.sessionId`), or when the service checks them itself. */
export const writers = (agents?: 'ownSession' | 'checkedByService'): AccessRule => ({ kind: 'writers', agents });

const same = (a: unknown, b: unknown) => b != null && a != null && String(a) === String(b);

/** The agent checks reads declare. */
export const agentMay = {
  /** No client data is involved (pure text analysis, shared knowledge), or the service checks the agent itself. */
  always: (() => true) as AgentCheck,
  /** `id` is the agent's session. */
  readOwnSession: ((a, v) => same(a.id, v.sessionId)) as AgentCheck,
  /** `id` is the agent's client. */
  readOwnClient: ((a, v) => same(a.id, v.clientId)) as AgentCheck,
  /** `clientId` is the agent's client. */
  askAboutOwnClient: ((a, v) => same(a.clientId, v.clientId)) as AgentCheck,
  /** The list is narrowed to the agent's client or session. */
  listOwn: ((a, v) => same(a.filter?.clientId, v.clientId) || same(a.filter?.sessionId, v.sessionId)) as AgentCheck,
  /** The agent's client or session, or the NORMAL-mode knowledge base, which belongs to no client. */
  searchOwnOrKnowledgeBase: ((a, v) =>
    same(a.filter?.clientId, v.clientId) ||
    same(a.filter?.sessionId, v.sessionId) ||
    (a.filter?.mode === 'NORMAL' && !a.filter.clientId && !a.filter.sessionId)) as AgentCheck,
};

/** Declares who may call the query or mutation below it; the schema does not build without one. */
export const Access = (rule: AccessRule) => Extensions({ access: rule });

/** The rule a root field declared, if any. */
export const accessOf = (extensions: Readonly<Record<string, unknown>> | null | undefined): AccessRule | undefined =>
  extensions?.access as AccessRule | undefined;
