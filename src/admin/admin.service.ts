import { now } from '../../entities/columns';
import { IntegrationCredential } from '../../entities/integration-credential.entity';
import { Session } from '../../entities/session.entity';
import { TicketLink } from '../../entities/ticket-link.entity';
import { User } from '../../entities/user.entity';
import { dbTime } from '../database/db-time';
import { ConflictError } from '../core/errors';
import { findOrFail } from '../kit/find-or-fail';
import { Invite, issueInvite } from '../security/invite.service';
import { insertRecord, updateRecord } from '../kit/record.service';
import type {
  ApiAuditFilter,
  CreateIntegrationCredential,
  CreateUser,
  IntegrationCallFilter,
  LinkTicket,
  UpdateUser,
} from './admin.commands';
import type { Scope } from '../kit/scope';
import { Filter } from '../pagination/filter';

export const NEWEST_FIRST = { key: 'id', direction: 'DESC' } as const;

export function integrationCallFilter(filter: IntegrationCallFilter = {}): Filter {
  return (qb, a) => {
    if (filter.provider) qb.andWhere(`${a}.provider = :provider`, { provider: filter.provider });
    if (filter.sessionId) qb.andWhere(`${a}.sessionId = :sessionId`, { sessionId: Number(filter.sessionId) });
    if (filter.outcome) qb.andWhere(`${a}.outcome = :outcome`, { outcome: filter.outcome });
  };
}

export function apiAuditFilter(filter: ApiAuditFilter = {}): Filter {
  return (qb, a) => {
    if (filter.actor) qb.andWhere(`${a}.actor = :actor`, { actor: filter.actor });
    if (filter.outcome) qb.andWhere(`${a}.outcome = :outcome`, { outcome: filter.outcome });
    if (filter.from) qb.andWhere(`${a}.createdAt >= :from`, { from: dbTime(filter.from) });
    if (filter.to) qb.andWhere(`${a}.createdAt < :to`, { to: dbTime(filter.to) });
  };
}

/**
 * Adds a user with an invite, their way to a first password. A call replayed with the same
 * idempotencyKey returns the user without one: the token was shown the first time (createInvite issues a new one).
 */
export async function createUser(scope: Scope, input: CreateUser): Promise<{ user: User; invite: Invite | null }> {
  const email = input.email.trim().toLowerCase();
  let invite: Invite | null = null;
  const user = await insertRecord(scope, 'createUser', User, input, {
    check: async (manager) => {
      if (await manager.existsBy(User, { email })) throw new ConflictError(`A user with e-mail ${email} exists.`, 'email');
    },
    derive: () => ({ email, active: true, passwordHash: null }),
    after: async (manager, row) => {
      invite = await issueInvite(manager, row);
    },
  });
  return { user, invite };
}

export const updateUser = (scope: Scope, input: UpdateUser) => updateRecord(scope, User, input);

export function createIntegrationCredential(scope: Scope, input: CreateIntegrationCredential): Promise<IntegrationCredential> {
  return insertRecord(scope, 'createIntegrationCredential', IntegrationCredential, input, {
    check: async (manager) => {
      if (await manager.existsBy(IntegrationCredential, { provider: input.provider, name: input.name.trim() })) {
        throw new ConflictError(`${input.provider} already has credentials named "${input.name.trim()}".`, 'name');
      }
    },
  });
}

/** Links a session to a ticket; the same link twice returns the first. */
export function linkTicket(scope: Scope, input: LinkTicket): Promise<TicketLink> {
  return scope.db.transaction(scope, async (manager) => {
    const session = await findOrFail(manager, Session, input.sessionId, 'sessionId', true);
    const key = { sessionId: session.id, provider: input.provider, ticketId: input.ticketId.trim() };
    const existing = await manager.findOneBy(TicketLink, key);
    if (existing) return existing;
    return manager.save(
      manager.create(TicketLink, { ...key, ticketNumber: input.ticketNumber ?? null, url: input.url ?? null, createdAt: now() }),
    );
  });
}
