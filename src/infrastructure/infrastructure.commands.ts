// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { InfrastructureKind } from '../../entities/infrastructure.entity';
import type { FirewallAction, TrafficDirection } from '../../entities/firewall-rule.entity';
import type { RelationshipKind } from '../../entities/infrastructure-relationship.entity';

/** A new site of a client. */
export interface CreateSite {
  clientId: string;
  name: string;
  address?: string;
  notes?: string;
  idempotencyKey?: string;
}

/** Changes to a site; omitted fields stay. */
export interface UpdateSite {
  id: string;
  name?: string;
  address?: string;
  notes?: string;
}

/** A device or system of a client. The hostname is unique within the client. */
export interface RecordInfrastructure {
  clientId: string;
  siteId?: string;
  hostname: string;
  kind: InfrastructureKind;
  os?: string;
  osVersion?: string;
  ipAddresses?: string[];
  environmentalNotes?: string;
  idempotencyKey?: string;
}

/** Changes to infrastructure; omitted fields stay. */
export interface UpdateInfrastructure {
  id: string;
  siteId?: string;
  hostname?: string;
  kind?: InfrastructureKind;
  os?: string;
  osVersion?: string;
  ipAddresses?: string[];
  environmentalNotes?: string;
}

export interface InfrastructureFilter {
  clientId?: string;
  siteId?: string;
  kind?: InfrastructureKind;
  search?: string;
  includeArchived?: boolean;
}

/** A service running on infrastructure. */
export interface RecordService {
  infrastructureId: string;
  name: string;
  port?: number;
  version?: string;
  notes?: string;
  idempotencyKey?: string;
}

/** An IP network of a client. */
export interface RecordNetwork {
  clientId: string;
  siteId?: string;
  name: string;
  cidr: string;
  vlan?: number;
  gateway?: string;
  dnsServers?: string[];
  notes?: string;
  idempotencyKey?: string;
}

/** A rule on a firewall. */
export interface RecordFirewallRule {
  infrastructureId: string;
  name: string;
  action: FirewallAction;
  direction: TrafficDirection;
  source: string;
  destination: string;
  ports: string;
  protocol: string;
  enabled?: boolean;
  notes?: string;
  idempotencyKey?: string;
}

/** A Microsoft 365 tenant of a client. */
export interface RecordM365Tenant {
  clientId: string;
  tenantId: string;
  primaryDomain: string;
  domains?: string[];
  notes?: string;
  idempotencyKey?: string;
}

/** A typed edge between two pieces of infrastructure of the same client. */
export interface LinkInfrastructure {
  fromId: string;
  toId: string;
  kind: RelationshipKind;
  notes?: string;
  idempotencyKey?: string;
}

/** Records that a session touched, or a project involves, a piece of infrastructure. */
export interface AttachInfrastructure {
  infrastructureId: string;
  sessionId?: string;
  projectId?: string;
}

/** Changes to a service; omitted fields stay. */
export interface UpdateService {
  id: string;
  name?: string;
  port?: number;
  version?: string;
  notes?: string;
}

/** Changes to a network; omitted fields stay. */
export interface UpdateNetwork {
  id: string;
  name?: string;
  cidr?: string;
  vlan?: number;
  gateway?: string;
  dnsServers?: string[];
  notes?: string;
}

/** Changes to a firewall rule; omitted fields stay. */
export interface UpdateFirewallRule {
  id: string;
  action?: FirewallAction;
  source?: string;
  destination?: string;
  ports?: string;
  enabled?: boolean;
  notes?: string;
}

/** Changes to a Microsoft 365 tenant; omitted fields stay. */
export interface UpdateM365Tenant {
  id: string;
  domains?: string[];
  notes?: string;
}
