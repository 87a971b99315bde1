import { Client } from '../../entities/client.entity';
import { FirewallRule } from '../../entities/firewall-rule.entity';
import { InfrastructureService } from '../../entities/infrastructure-service.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { M365Tenant } from '../../entities/m365-tenant.entity';
import { Network } from '../../entities/network.entity';
import { Site } from '../../entities/site.entity';
import { childLists } from '../../src/loaders/child-lists';
import {
  recordFirewallRule,
  recordM365Tenant,
  recordNetwork,
  recordService,
  updateFirewallRule,
  updateM365Tenant,
  updateNetwork,
  updateService,
} from '../../src/infrastructure/infrastructure.service';
import { M365TenantConnection, NetworkConnection } from '../kit/connections';
import {
  RecordFirewallRuleInput,
  RecordM365TenantInput,
  RecordNetworkInput,
  RecordServiceInput,
  UpdateFirewallRuleInput,
  UpdateM365TenantInput,
  UpdateNetworkInput,
  UpdateServiceInput,
} from './infrastructure.inputs';
import { archiveMutation, belongsTo, hasMany, inputMutation } from '../kit/record-resolvers';
import { writers } from '../../src/graphql/access';

/** Services, networks, firewall rules and Microsoft 365 tenants: what surrounds a client's infrastructure. */
export const networkResolvers = [
  inputMutation({
    name: 'recordService',
    access: writers(),
    description: 'Records a service running on infrastructure.',
    input: RecordServiceInput,
    returns: InfrastructureService,
    run: recordService,
  }),
  inputMutation({
    name: 'updateService',
    access: writers(),
    description: 'Changes a service.',
    input: UpdateServiceInput,
    returns: InfrastructureService,
    run: updateService,
  }),
  archiveMutation(InfrastructureService, 'Service', 'Archives a service that no longer runs; its history stays.'),
  belongsTo({
    on: InfrastructureService,
    name: 'infrastructure',
    description: 'Where it runs.',
    target: Infrastructure,
    key: 'infrastructureId',
    required: true,
  }),

  inputMutation({
    name: 'recordNetwork',
    access: writers(),
    description: 'Records an IP network of a client.',
    input: RecordNetworkInput,
    returns: Network,
    run: recordNetwork,
  }),
  inputMutation({
    name: 'updateNetwork',
    access: writers(),
    description: 'Changes a network.',
    input: UpdateNetworkInput,
    returns: Network,
    run: updateNetwork,
  }),
  archiveMutation(Network, 'Network', 'Archives a network that no longer exists; its history stays.'),
  belongsTo({ on: Network, name: 'client', description: 'The client.', target: Client, key: 'clientId', required: true }),
  belongsTo({ on: Network, name: 'site', description: 'The site, if recorded.', target: Site, key: 'siteId' }),
  hasMany({
    on: Client,
    name: 'networks',
    description: 'Active networks of the client, by name.',
    connection: NetworkConnection,
    spec: childLists.networksOfClient,
  }),

  inputMutation({
    name: 'recordFirewallRule',
    access: writers(),
    description: 'Records a firewall rule.',
    input: RecordFirewallRuleInput,
    returns: FirewallRule,
    run: recordFirewallRule,
  }),
  inputMutation({
    name: 'updateFirewallRule',
    access: writers(),
    description: 'Changes a firewall rule.',
    input: UpdateFirewallRuleInput,
    returns: FirewallRule,
    run: updateFirewallRule,
  }),
  archiveMutation(FirewallRule, 'FirewallRule', 'Archives a rule removed from the firewall; its history stays.'),
  belongsTo({
    on: FirewallRule,
    name: 'infrastructure',
    description: 'The firewall.',
    target: Infrastructure,
    key: 'infrastructureId',
    required: true,
  }),

  inputMutation({
    name: 'recordM365Tenant',
    access: writers(),
    description: 'Records a Microsoft 365 tenant. CONFLICT when the tenant id is known.',
    input: RecordM365TenantInput,
    returns: M365Tenant,
    run: recordM365Tenant,
  }),
  inputMutation({
    name: 'updateM365Tenant',
    access: writers(),
    description: 'Changes a Microsoft 365 tenant.',
    input: UpdateM365TenantInput,
    returns: M365Tenant,
    run: updateM365Tenant,
  }),
  archiveMutation(M365Tenant, 'M365Tenant', 'Archives a tenant no longer managed; its history stays.'),
  belongsTo({ on: M365Tenant, name: 'client', description: 'The client.', target: Client, key: 'clientId', required: true }),
  hasMany({
    on: Client,
    name: 'm365Tenants',
    description: 'Active Microsoft 365 tenants of the client.',
    connection: M365TenantConnection,
    spec: childLists.m365TenantsOfClient,
  }),
];
