import { ArrayMaxSize, IsBoolean, IsEnum, IsIP, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FirewallAction, TrafficDirection } from '../../entities/firewall-rule.entity';
import { RelationshipKind } from '../../entities/infrastructure-relationship.entity';
import { InfrastructureKind } from '../../entities/infrastructure.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsCidr, IsId, IsIpList, IsPortList, NotBlank } from '../kit/validators';
import type {
  CreateSite,
  UpdateSite,
  RecordInfrastructure,
  UpdateInfrastructure,
  InfrastructureFilter,
  RecordService,
  RecordNetwork,
  RecordFirewallRule,
  RecordM365Tenant,
  LinkInfrastructure,
  AttachInfrastructure,
  UpdateService,
  UpdateNetwork,
  UpdateFirewallRule,
  UpdateM365Tenant,
} from '../../src/infrastructure/infrastructure.commands';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const IsDomainList = () => Matches(DOMAIN, { each: true, message: 'each of $property must be a domain name' });

@InputType({ description: 'A new site of a client.' })
export class CreateSiteInput extends IdempotentInput implements CreateSite {
  @Field(() => ID, { description: 'The client.' })
  @IsId()
  clientId: string;

  @Field(() => String, { description: 'Name (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Postal address (up to 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  address?: string;

  @Field(() => String, { nullable: true, description: 'Access notes (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'Changes to a site; omitted fields stay.' })
export class UpdateSiteInput implements UpdateSite {
  @Field(() => ID, { description: 'The site.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New address.' })
  @IsOptional()
  @MaxLength(500)
  address?: string;

  @Field(() => String, { nullable: true, description: 'New notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'A device or system of a client. The hostname is unique within the client.' })
export class RecordInfrastructureInput extends IdempotentInput implements RecordInfrastructure {
  @Field(() => ID, { description: 'The client it belongs to.' })
  @IsId()
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The site it stands at (a site of the same client).' })
  @IsOptional()
  @IsId()
  siteId?: string;

  @Field(() => String, { description: 'Host name (1 to 255 characters).' })
  @NotBlank()
  @MaxLength(255)
  hostname: string;

  @Field(() => InfrastructureKind, { description: 'What it is.' })
  @IsEnum(InfrastructureKind)
  kind: InfrastructureKind;

  @Field(() => String, { nullable: true, description: 'Operating system (up to 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  os?: string;

  @Field(() => String, { nullable: true, description: 'Operating-system version (up to 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  osVersion?: string;

  @Field(() => [String], { nullable: true, description: 'IP addresses (up to 20, v4 or v6).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIpList()
  ipAddresses?: string[];

  @Field(() => String, { nullable: true, description: 'What an agent must know before touching it (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  environmentalNotes?: string;
}

@InputType({ description: 'Changes to infrastructure; omitted fields stay.' })
export class UpdateInfrastructureInput implements UpdateInfrastructure {
  @Field(() => ID, { description: 'The infrastructure.' })
  @IsId()
  id: string;

  @Field(() => ID, { nullable: true, description: 'New site (of the same client).' })
  @IsOptional()
  @IsId()
  siteId?: string;

  @Field(() => String, { nullable: true, description: 'New host name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(255)
  hostname?: string;

  @Field(() => InfrastructureKind, { nullable: true, description: 'New kind.' })
  @IsOptional()
  @IsEnum(InfrastructureKind)
  kind?: InfrastructureKind;

  @Field(() => String, { nullable: true, description: 'New operating system.' })
  @IsOptional()
  @MaxLength(100)
  os?: string;

  @Field(() => String, { nullable: true, description: 'New operating-system version.' })
  @IsOptional()
  @MaxLength(100)
  osVersion?: string;

  @Field(() => [String], { nullable: true, description: 'New IP addresses (replace the old ones).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIpList()
  ipAddresses?: string[];

  @Field(() => String, { nullable: true, description: 'New environmental notes.' })
  @IsOptional()
  @MaxLength(4000)
  environmentalNotes?: string;
}

@InputType('InfrastructureFilter', { description: 'Narrows the infrastructure list; all conditions must hold.' })
export class InfrastructureFilterInput implements InfrastructureFilter {
  @Field(() => ID, { nullable: true, description: 'Only this client’s.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only at this site.' })
  @IsOptional()
  @IsId()
  siteId?: string;

  @Field(() => InfrastructureKind, { nullable: true, description: 'Only of this kind.' })
  @IsOptional()
  kind?: InfrastructureKind;

  @Field(() => String, { nullable: true, description: 'Only host names containing this text (case-insensitive).' })
  @IsOptional()
  @MaxLength(255)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include archived (decommissioned) items; false by default.' })
  @IsOptional()
  includeArchived?: boolean;
}

@InputType({ description: 'A service running on infrastructure.' })
export class RecordServiceInput extends IdempotentInput implements RecordService {
  @Field(() => ID, { description: 'The infrastructure it runs on.' })
  @IsId()
  infrastructureId: string;

  @Field(() => String, { description: 'Name (1 to 100 characters).' })
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field(() => Int, { nullable: true, description: 'Port (1 to 65535).' })
  @IsOptional()
  @Min(1)
  @Max(65535)
  port?: number;

  @Field(() => String, { nullable: true, description: 'Version (up to 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  version?: string;

  @Field(() => String, { nullable: true, description: 'Notes (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'An IP network of a client.' })
export class RecordNetworkInput extends IdempotentInput implements RecordNetwork {
  @Field(() => ID, { description: 'The client.' })
  @IsId()
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The site (of the same client).' })
  @IsOptional()
  @IsId()
  siteId?: string;

  @Field(() => String, { description: 'Name (1 to 100 characters).' })
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field(() => String, { description: 'Range in CIDR notation, such as "192.168.10.0/24".' })
  @IsCidr()
  cidr: string;

  @Field(() => Int, { nullable: true, description: 'VLAN id (1 to 4094).' })
  @IsOptional()
  @Min(1)
  @Max(4094)
  vlan?: number;

  @Field(() => String, { nullable: true, description: 'Default gateway (an IP address).' })
  @IsOptional()
  @IsIP()
  gateway?: string;

  @Field(() => [String], { nullable: true, description: 'DNS servers (up to 10 IP addresses).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsIpList()
  dnsServers?: string[];

  @Field(() => String, { nullable: true, description: 'Notes (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'A rule on a firewall.' })
export class RecordFirewallRuleInput extends IdempotentInput implements RecordFirewallRule {
  @Field(() => ID, { description: 'The firewall (any infrastructure, including a server’s own firewall).' })
  @IsId()
  infrastructureId: string;

  @Field(() => String, { description: 'Rule name (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => FirewallAction, { description: 'Allow or deny.' })
  @IsEnum(FirewallAction)
  action: FirewallAction;

  @Field(() => TrafficDirection, { description: 'Inbound or outbound.' })
  @IsEnum(TrafficDirection)
  direction: TrafficDirection;

  @Field(() => String, { description: 'Source (up to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  source: string;

  @Field(() => String, { description: 'Destination (up to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  destination: string;

  @Field(() => String, { description: 'Ports: "443", "1000-2000", "80,443" or "any"; each port 1 to 65535, ranges low-high.' })
  @IsPortList()
  @MaxLength(100)
  ports: string;

  @Field(() => String, { description: 'Protocol: tcp, udp, icmp or any.' })
  @Matches(/^(tcp|udp|icmp|any)$/, { message: '$property must be tcp, udp, icmp or any' })
  protocol: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the rule is active; true when omitted.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @Field(() => String, { nullable: true, description: 'Why the rule exists (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'A Microsoft 365 tenant of a client.' })
export class RecordM365TenantInput extends IdempotentInput implements RecordM365Tenant {
  @Field(() => ID, { description: 'The client.' })
  @IsId()
  clientId: string;

  @Field(() => String, { description: 'Entra ID tenant id (a GUID).' })
  @IsUUID('all', { message: '$property must be a GUID such as "72f988bf-86f1-41af-91ab-2d7cd011db47"' })
  tenantId: string;

  @Field(() => String, { description: 'Primary domain.' })
  @Matches(DOMAIN, { message: '$property must be a domain name such as "dataforth.com"' })
  primaryDomain: string;

  @Field(() => [String], { nullable: true, description: 'Other verified domains (up to 50); the primary domain is always included.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsDomainList()
  domains?: string[];

  @Field(() => String, { nullable: true, description: 'Notes (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'A typed edge between two pieces of infrastructure of the same client.' })
export class LinkInfrastructureInput extends IdempotentInput implements LinkInfrastructure {
  @Field(() => ID, { description: 'Where the edge starts.' })
  @IsId()
  fromId: string;

  @Field(() => ID, { description: 'Where the edge points.' })
  @IsId()
  toId: string;

  @Field(() => RelationshipKind, { description: 'What the edge means.' })
  @IsEnum(RelationshipKind)
  kind: RelationshipKind;

  @Field(() => String, { nullable: true, description: 'Notes (up to 1000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  notes?: string;
}

@InputType({ description: 'Records that a session touched, or a project involves, a piece of infrastructure.' })
export class AttachInfrastructureInput implements AttachInfrastructure {
  @Field(() => ID, { description: 'The infrastructure.' })
  @IsId()
  infrastructureId: string;

  @Field(() => ID, { nullable: true, description: 'The session that touched it.' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => ID, { nullable: true, description: 'The project that involves it.' })
  @IsOptional()
  @IsId()
  projectId?: string;
}

@InputType({ description: 'Changes to a service; omitted fields stay.' })
export class UpdateServiceInput implements UpdateService {
  @Field(() => ID, { description: 'The service.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'New port (1 to 65535).' })
  @IsOptional()
  @Min(1)
  @Max(65535)
  port?: number;

  @Field(() => String, { nullable: true, description: 'New version.' })
  @IsOptional()
  @MaxLength(100)
  version?: string;

  @Field(() => String, { nullable: true, description: 'New notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'Changes to a network; omitted fields stay.' })
export class UpdateNetworkInput implements UpdateNetwork {
  @Field(() => ID, { description: 'The network.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New range in CIDR notation.' })
  @IsOptional()
  @IsCidr()
  cidr?: string;

  @Field(() => Int, { nullable: true, description: 'New VLAN id (1 to 4094).' })
  @IsOptional()
  @Min(1)
  @Max(4094)
  vlan?: number;

  @Field(() => String, { nullable: true, description: 'New gateway.' })
  @IsOptional()
  @IsIP()
  gateway?: string;

  @Field(() => [String], { nullable: true, description: 'New DNS servers (replace the old ones).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsIpList()
  dnsServers?: string[];

  @Field(() => String, { nullable: true, description: 'New notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'Changes to a firewall rule; omitted fields stay.' })
export class UpdateFirewallRuleInput implements UpdateFirewallRule {
  @Field(() => ID, { description: 'The rule.' })
  @IsId()
  id: string;

  @Field(() => FirewallAction, { nullable: true, description: 'New action.' })
  @IsOptional()
  @IsEnum(FirewallAction)
  action?: FirewallAction;

  @Field(() => String, { nullable: true, description: 'New source.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  source?: string;

  @Field(() => String, { nullable: true, description: 'New destination.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  destination?: string;

  @Field(() => String, { nullable: true, description: 'New ports.' })
  @IsOptional()
  @IsPortList()
  @MaxLength(100)
  ports?: string;

  @Field(() => Boolean, { nullable: true, description: 'Enable or disable.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @Field(() => String, { nullable: true, description: 'New notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'Changes to a Microsoft 365 tenant; omitted fields stay.' })
export class UpdateM365TenantInput implements UpdateM365Tenant {
  @Field(() => ID, { description: 'The tenant.' })
  @IsId()
  id: string;

  @Field(() => [String], { nullable: true, description: 'All verified domains (replace the old list; the primary domain is kept).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsDomainList()
  domains?: string[];

  @Field(() => String, { nullable: true, description: 'New notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}
