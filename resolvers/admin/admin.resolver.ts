import { ApiAuditEntry } from '../../entities/api-audit-entry.entity';
import { ExternalIntegrationCall } from '../../entities/external-integration-call.entity';
import { IntegrationCredential } from '../../entities/integration-credential.entity';
import { Session } from '../../entities/session.entity';
import { TicketLink } from '../../entities/ticket-link.entity';
import { User } from '../../entities/user.entity';
import { childLists } from '../../src/loaders/child-lists';
import { createInvite, INVITE_TTL_DAYS } from '../../src/security/invite.service';
import {
  apiAuditFilter,
  createIntegrationCredential,
  createUser,
  integrationCallFilter,
  linkTicket,
  NEWEST_FIRST,
  updateUser,
} from '../../src/admin/admin.service';
import {
  ApiAuditFilterInput,
  CreateInviteInput,
  CreateIntegrationCredentialInput,
  CreateUserInput,
  IntegrationCallFilterInput,
  LinkTicketInput,
  UpdateUserInput,
} from './admin.inputs';
import { CreateUserPayload, Invite } from './admin.types';
import {
  ApiAuditConnection,
  ExternalIntegrationCallConnection,
  IntegrationCredentialConnection,
  TicketLinkConnection,
  UserConnection,
} from '../kit/connections';
import { archiveMutation, belongsTo, hasMany, inputMutation, listQuery } from '../kit/record-resolvers';
import { admins, readers, writers } from '../../src/graphql/access';
import { noFilter } from '../../src/pagination/filter';

/** Users, the API audit log and external integrations. */
export const adminResolvers = [
  listQuery({
    name: 'users',
    access: admins,
    description: 'Users, newest first.',
    entity: User,
    connection: UserConnection,
    filter: () => noFilter,
    order: NEWEST_FIRST,
  }),
  inputMutation({
    name: 'createUser',
    access: admins,
    description:
      'Adds a technician or admin, with a one-time invite to set their password (shown only in this answer). CONFLICT when the e-mail is taken.',
    input: CreateUserInput,
    returns: CreateUserPayload,
    run: createUser,
  }),
  inputMutation({
    name: 'createInvite',
    access: admins,
    description: `A new one-time invite for a user (shown only in this answer), valid ${INVITE_TTL_DAYS} days: to set a first password, or a new one they forgot. Older unused invites stop working.`,
    input: CreateInviteInput,
    returns: Invite,
    run: (ctx, input) => createInvite(ctx, input.userId),
  }),
  inputMutation({
    name: 'updateUser',
    access: admins,
    description: 'Changes a user’s name, role or active flag.',
    input: UpdateUserInput,
    returns: User,
    run: async (ctx, input) => {
      const user = await updateUser(ctx, input);
      ctx.auth.userChanged(user); // every replica drops its cached copy of the user
      return user;
    },
  }),

  listQuery({
    name: 'apiAuditLog',
    access: admins,
    description: 'API requests, newest first.',
    entity: ApiAuditEntry,
    connection: ApiAuditConnection,
    filterType: ApiAuditFilterInput,
    filter: apiAuditFilter,
    order: NEWEST_FIRST,
  }),

  listQuery({
    name: 'externalIntegrationCalls',
    access: readers(),
    description: 'Outbound calls to external systems, newest first.',
    entity: ExternalIntegrationCall,
    connection: ExternalIntegrationCallConnection,
    filterType: IntegrationCallFilterInput,
    filter: integrationCallFilter,
    order: NEWEST_FIRST,
  }),
  belongsTo({
    on: ExternalIntegrationCall,
    name: 'session',
    description: 'The session it was made for, if any.',
    target: Session,
    key: 'sessionId',
  }),
  listQuery({
    name: 'integrationCredentials',
    access: readers(),
    description: 'Credentials for external systems (metadata only), newest first.',
    entity: IntegrationCredential,
    connection: IntegrationCredentialConnection,
    filter: () => noFilter,
    order: NEWEST_FIRST,
  }),
  inputMutation({
    name: 'createIntegrationCredential',
    access: writers(),
    description: 'Records credentials for an external system (metadata).',
    input: CreateIntegrationCredentialInput,
    returns: IntegrationCredential,
    run: createIntegrationCredential,
  }),
  archiveMutation(IntegrationCredential, 'IntegrationCredential', 'Archives integration credentials no longer used.'),
  inputMutation({
    name: 'linkTicket',
    access: writers('ownSession'),
    description: 'Links a session to a PSA ticket.',
    input: LinkTicketInput,
    returns: TicketLink,
    run: linkTicket,
  }),
  belongsTo({ on: TicketLink, name: 'session', description: 'The session.', target: Session, key: 'sessionId', required: true }),
  hasMany({
    on: Session,
    name: 'ticketLinks',
    description: 'Tickets this session is linked to.',
    connection: TicketLinkConnection,
    spec: childLists.ticketLinksOfSession,
  }),
];
