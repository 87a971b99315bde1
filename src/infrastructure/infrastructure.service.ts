import { EntityManager, In } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { FirewallRule } from '../../entities/firewall-rule.entity';
import { ProjectInfrastructure, SessionInfrastructure } from '../../entities/infrastructure-links.entity';
import { InfrastructureRelationship } from '../../entities/infrastructure-relationship.entity';
import { InfrastructureService } from '../../entities/infrastructure-service.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { M365Tenant } from '../../entities/m365-tenant.entity';
import { Network } from '../../entities/network.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { Site } from '../../entities/site.entity';
import { BadInputError, ConflictError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { findOrFail } from '../kit/find-or-fail';
import { insertLinks, insertRecord, Referenced, updateRecord } from '../kit/record.service';
import { likeContains, likeSql } from '../kit/text';
import type {
  AttachInfrastructure,
  CreateSite,
  InfrastructureFilter,
  LinkInfrastructure,
  RecordFirewallRule,
  RecordInfrastructure,
  RecordM365Tenant,
  RecordNetwork,
  RecordService,
  UpdateFirewallRule,
  UpdateInfrastructure,
  UpdateM365Tenant,
  UpdateNetwork,
  UpdateService,
  UpdateSite,
} from './infrastructure.commands';
import type { Scope } from '../kit/scope';
import { Filter } from '../pagination/filter';

export const INFRASTRUCTURE_ORDER: SortOrder<Infrastructure> = { key: 'hostname', direction: 'ASC' };
export const BY_NAME = { key: 'name', direction: 'ASC' } as const;

/** Lists leave archived rows out unless asked. */
export const notArchived: Filter = (qb, a) => {
  qb.andWhere(`${a}.archivedAt IS NULL`);
};

export function infrastructureFilter(filter: InfrastructureFilter = {}): Filter {
  return (qb, a) => {
    if (!filter.includeArchived) notArchived(qb, a);
    if (filter.clientId) qb.andWhere(`${a}.clientId = :clientId`, { clientId: Number(filter.clientId) });
    if (filter.siteId) qb.andWhere(`${a}.siteId = :siteId`, { siteId: Number(filter.siteId) });
    if (filter.kind) qb.andWhere(`${a}.kind = :kind`, { kind: filter.kind });
    if (filter.search) qb.andWhere(likeSql(`${a}.hostname`, 'search'), { search: likeContains(filter.search) });
  };
}

/** A site given with a client must be one of that client's sites. */
function assertSiteOfClient(referenced: Referenced, clientId: number): void {
  const site = referenced.siteId as Site | undefined;
  if (site && site.clientId !== clientId) throw new BadInputError('siteId', `site ${site.id} belongs to another client`);
}

async function assertHostnameFree(manager: EntityManager, clientId: number, hostname: string, exceptId?: number): Promise<void> {
  const qb = manager
    .createQueryBuilder(Infrastructure, 'i')
    .where('i.clientId = :clientId AND LOWER(i.hostname) = :hostname', { clientId, hostname: hostname.toLowerCase() });
  if (exceptId) qb.andWhere('i.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw new ConflictError(`This client already has infrastructure named "${hostname}".`, 'hostname');
}

export const createSite = (scope: Scope, input: CreateSite) =>
  insertRecord(scope, 'createSite', Site, input, { references: { clientId: Client } });

export const updateSite = (scope: Scope, input: UpdateSite) => updateRecord(scope, Site, input);

export function recordInfrastructure(scope: Scope, input: RecordInfrastructure): Promise<Infrastructure> {
  return insertRecord<Infrastructure, RecordInfrastructure>(scope, 'recordInfrastructure', Infrastructure, input, {
    references: { clientId: Client, siteId: Site },
    derive: (columns, referenced) => {
      assertSiteOfClient(referenced, Number(columns.clientId));
      return { ipAddresses: input.ipAddresses ?? [] };
    },
    check: (manager) => assertHostnameFree(manager, Number(input.clientId), input.hostname.trim()),
  });
}

export function updateInfrastructure(scope: Scope, input: UpdateInfrastructure): Promise<Infrastructure> {
  return updateRecord(scope, Infrastructure, input, {
    references: { siteId: Site },
    derive: (_columns, referenced, existing) => assertSiteOfClient(referenced, existing!.clientId),
    check: async (manager, existing) => {
      if (input.hostname) await assertHostnameFree(manager, existing!.clientId, input.hostname.trim(), existing!.id);
    },
  });
}

export const updateService = (scope: Scope, input: UpdateService) => updateRecord(scope, InfrastructureService, input);
export const updateNetwork = (scope: Scope, input: UpdateNetwork) => updateRecord(scope, Network, input);
export const updateFirewallRule = (scope: Scope, input: UpdateFirewallRule) => updateRecord(scope, FirewallRule, input);

export function updateM365Tenant(scope: Scope, input: UpdateM365Tenant): Promise<M365Tenant> {
  return updateRecord(scope, M365Tenant, input, {
    derive: (_columns, _referenced, existing) =>
      input.domains ? { domains: [...new Set([existing!.primaryDomain, ...input.domains.map((d) => d.toLowerCase())])] } : undefined,
  });
}

export const recordService = (scope: Scope, input: RecordService) =>
  insertRecord(scope, 'recordService', InfrastructureService, input, { references: { infrastructureId: Infrastructure } });

export function recordNetwork(scope: Scope, input: RecordNetwork): Promise<Network> {
  return insertRecord<Network, RecordNetwork>(scope, 'recordNetwork', Network, input, {
    references: { clientId: Client, siteId: Site },
    derive: (columns, referenced) => {
      assertSiteOfClient(referenced, Number(columns.clientId));
      return { dnsServers: input.dnsServers ?? [] };
    },
  });
}

export const recordFirewallRule = (scope: Scope, input: RecordFirewallRule) =>
  insertRecord(scope, 'recordFirewallRule', FirewallRule, input, {
    references: { infrastructureId: Infrastructure },
    derive: () => ({ enabled: input.enabled ?? true }),
  });

export function recordM365Tenant(scope: Scope, input: RecordM365Tenant): Promise<M365Tenant> {
  const tenantId = input.tenantId.toLowerCase();
  const primaryDomain = input.primaryDomain.toLowerCase();
  return insertRecord<M365Tenant, RecordM365Tenant>(scope, 'recordM365Tenant', M365Tenant, input, {
    references: { clientId: Client },
    derive: () => ({
      tenantId,
      primaryDomain,
      domains: [...new Set([primaryDomain, ...(input.domains ?? []).map((d) => d.toLowerCase())])],
    }),
    check: async (manager) => {
      if (await manager.existsBy(M365Tenant, { tenantId })) throw new ConflictError(`Tenant ${tenantId} is already recorded.`, 'tenantId');
    },
  });
}

export function linkInfrastructure(scope: Scope, input: LinkInfrastructure): Promise<InfrastructureRelationship> {
  if (input.fromId === input.toId) throw new BadInputError('toId', 'an edge must join two different pieces of infrastructure');
  return insertRecord(scope, 'linkInfrastructure', InfrastructureRelationship, input, {
    references: { fromId: Infrastructure, toId: Infrastructure },
    derive: (_columns, referenced) => {
      if ((referenced.fromId as Infrastructure).clientId !== (referenced.toId as Infrastructure).clientId) {
        throw new BadInputError('toId', 'both ends of an edge must belong to the same client');
      }
    },
    check: async (manager) => {
      const duplicate = await manager.existsBy(InfrastructureRelationship, {
        fromId: Number(input.fromId),
        toId: Number(input.toId),
        kind: input.kind,
      });
      if (duplicate) throw new ConflictError(`That ${input.kind} edge already exists.`, 'kind');
    },
  });
}

/** Records that a session touched, or a project involves, the infrastructure; doing it twice changes nothing. */
export function attachInfrastructure(scope: Scope, input: AttachInfrastructure): Promise<Infrastructure> {
  if (Boolean(input.sessionId) === Boolean(input.projectId)) throw new BadInputError('sessionId', 'give either sessionId or projectId');
  return scope.db.transaction(scope, async (manager) => {
    const infrastructure = await findOrFail(manager, Infrastructure, input.infrastructureId, 'infrastructureId');
    const owner = input.sessionId
      ? await findOrFail(manager, Session, input.sessionId, 'sessionId')
      : await findOrFail(manager, Project, input.projectId!, 'projectId');
    const field = input.sessionId ? 'sessionId' : 'projectId';
    if (owner.clientId !== infrastructure.clientId)
      throw new BadInputError(field, `belongs to another client than infrastructure ${infrastructure.id}`);
    const junction = input.sessionId ? SessionInfrastructure : ProjectInfrastructure;
    await insertLinks<SessionInfrastructure | ProjectInfrastructure>(manager, junction, [
      { [field]: owner.id, infrastructureId: infrastructure.id, createdAt: now() },
    ]);
    return infrastructure;
  });
}

/** Infrastructure linked to sessions or projects, by owner id, in one statement. */
export async function attachedInfrastructure(
  manager: EntityManager,
  junction: typeof SessionInfrastructure | typeof ProjectInfrastructure,
  ownerKey: 'sessionId' | 'projectId',
  ownerIds: readonly number[],
): Promise<Infrastructure[][]> {
  const links = await manager.find(junction, {
    where: { [ownerKey]: In([...ownerIds]) },
    relations: { infrastructure: true },
    order: { infrastructure: { hostname: 'ASC' } },
  });
  return ownerIds.map((id) =>
    links.filter((link) => (link as unknown as Record<string, number>)[ownerKey] === id).map((link) => link.infrastructure!),
  );
}
