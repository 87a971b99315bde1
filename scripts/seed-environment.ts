import { createIntegrationCredential, createUser, linkTicket } from '../src/admin/admin.service';
import { Invite } from '../src/security/invite.service';
import { logOperationFailure, recordEnvironmentalInsight } from '../src/failure-learning/failure.service';
import {
  attachInfrastructure,
  createSite,
  linkInfrastructure,
  recordFirewallRule,
  recordInfrastructure,
  recordM365Tenant,
  recordNetwork,
  recordService,
} from '../src/infrastructure/infrastructure.service';
import { createCredential, grantCredentialAccess, recordSecurityIncident } from '../src/security/security.service';
import { logWorkItem } from '../src/tracking/work-item.service';
import {
  logCommand,
  logFileChange,
  logProblemSolution,
  recordDatabaseChange,
  recordDeployment,
  recordInfrastructureChange,
} from '../src/work-details/work-detail.service';
import { CredentialKind } from '../entities/credential.entity';
import { FailureCategory } from '../entities/command-run.entity';
import { DeploymentStatus } from '../entities/deployment.entity';
import { FileChangeKind } from '../entities/file-change.entity';
import { FirewallAction, TrafficDirection } from '../entities/firewall-rule.entity';
import { RelationshipKind } from '../entities/infrastructure-relationship.entity';
import { InfrastructureKind } from '../entities/infrastructure.entity';
import { IncidentSeverity } from '../entities/security-incident.entity';
import { UserRole } from '../entities/user.entity';
import { WorkCategory } from '../entities/work-item.entity';
import { Scope } from '../src/kit/scope';

const key = (name: string) => ({ idempotencyKey: `seed:${name}` });
const id = (n: number) => String(n);

/** The hosts the demo sessions work on. */
export interface SeedHosts {
  ad2: string;
  hv1: string;
  nas: string;
  fw: string;
}

/** Sites, hosts, topology, services, networks, rules and tenants; `ids` maps client and project names to their ids. */
export async function seedInfrastructure(scope: Scope, ids: Map<string, number>): Promise<SeedHosts> {
  const dataforth = id(ids.get('Dataforth')!);

  const office = await createSite(scope, {
    clientId: dataforth,
    name: 'Head office',
    address: '12 Industrial Way',
    notes: 'Alarm code with the office manager',
    ...key('site:dataforth'),
  });
  const host = (hostname: string, kind: InfrastructureKind, extra: object = {}) =>
    recordInfrastructure(scope, { clientId: dataforth, siteId: id(office.id), hostname, kind, ...extra, ...key(`infra:${hostname}`) });
  const ad2 = await host('AD2', InfrastructureKind.SERVER, {
    os: 'Windows Server',
    osVersion: '2008 R2',
    ipAddresses: ['192.168.0.6'],
    environmentalNotes: 'PowerShell 2.0 only: no Get-LocalUser, use Get-WmiObject. Being retired.',
  });
  const hv1 = await host('HV1', InfrastructureKind.SERVER, { os: 'Windows Server', osVersion: '2022', ipAddresses: ['192.168.0.5'] });
  const nas = await host('NAS1', InfrastructureKind.NAS, {
    os: 'ReadyNAS OS',
    osVersion: '6.10',
    ipAddresses: ['192.168.0.9'],
    environmentalNotes: 'SMB1 only, manual WINS',
  });
  const fw = await host('FW1', InfrastructureKind.FIREWALL, { os: 'SonicOS', osVersion: '7.0', ipAddresses: ['192.168.0.1'] });
  await linkInfrastructure(scope, { fromId: id(ad2.id), toId: id(hv1.id), kind: RelationshipKind.RUNS_ON, ...key('edge:ad2-hv1') });
  await linkInfrastructure(scope, { fromId: id(nas.id), toId: id(ad2.id), kind: RelationshipKind.BACKS_UP, ...key('edge:nas-ad2') });
  await linkInfrastructure(scope, { fromId: id(hv1.id), toId: id(fw.id), kind: RelationshipKind.CONNECTS_TO, ...key('edge:hv1-fw') });
  await recordService(scope, { infrastructureId: id(ad2.id), name: 'DNS', port: 53, ...key('service:ad2-dns') });
  await recordService(scope, { infrastructureId: id(nas.id), name: 'SMB', port: 445, version: '1.0', ...key('service:nas-smb') });
  await recordNetwork(scope, {
    clientId: dataforth,
    siteId: id(office.id),
    name: 'Office LAN',
    cidr: '192.168.0.0/24',
    gateway: '192.168.0.1',
    dnsServers: ['192.168.0.6'],
    ...key('network:lan'),
  });
  await recordFirewallRule(scope, {
    infrastructureId: id(fw.id),
    name: 'RDP from VPN only',
    action: FirewallAction.ALLOW,
    direction: TrafficDirection.INBOUND,
    source: 'SSLVPN',
    destination: '192.168.0.5',
    ports: '3389',
    protocol: 'tcp',
    ...key('rule:rdp'),
  });
  await recordM365Tenant(scope, {
    clientId: dataforth,
    tenantId: '5b1f3a52-8c7e-4f0e-9d6b-2a4c1e7f9d30',
    primaryDomain: 'dataforth.com',
    domains: ['dataforth.onmicrosoft.com'],
    ...key('m365:dataforth'),
  });
  await attachInfrastructure(scope, { infrastructureId: id(ad2.id), projectId: id(ids.get('Server 2008 retirement')!) });
  return { ad2: id(ad2.id), hv1: id(hv1.id), nas: id(nas.id), fw: id(fw.id) };
}

const minutesIn = (startedAt: Date, minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);

/** What the file-share session did besides its work items, recorded while it is open. */
export async function sharesSessionWork(scope: Scope, sharesSession: string, startedAt: Date, hosts: SeedHosts): Promise<void> {
  await attachInfrastructure(scope, { infrastructureId: hosts.ad2, sessionId: sharesSession });
  await logWorkItem(scope, {
    sessionId: sharesSession,
    category: WorkCategory.MAINTENANCE,
    description: 'Checked the NAS backup of AD2 before the cut-over',
    minutes: 15,
    startedAt: minutesIn(startedAt, 10),
    tags: ['backup', 'nas'],
    ...key('work:nas-check'),
  });

  await logCommand(scope, {
    sessionId: sharesSession,
    infrastructureId: hosts.ad2,
    ranAt: minutesIn(startedAt, 20),
    command: 'Get-LocalUser',
    shell: 'powershell 2.0',
    success: false,
    exitCode: 1,
    errorMessage: "The term 'Get-LocalUser' is not recognized as the name of a cmdlet",
    failureCategory: FailureCategory.COMPATIBILITY,
    ...key('cmd:get-localuser'),
  });
  await logCommand(scope, {
    sessionId: sharesSession,
    infrastructureId: hosts.ad2,
    ranAt: minutesIn(startedAt, 25),
    command: 'Get-WmiObject Win32_UserAccount -Filter "LocalAccount=True"',
    shell: 'powershell 2.0',
    success: true,
    ...key('cmd:wmi-users'),
  });
  await logCommand(scope, {
    sessionId: sharesSession,
    infrastructureId: hosts.hv1,
    ranAt: minutesIn(startedAt, 40),
    command: 'robocopy \\\\AD2\\Shares D:\\Shares /MIR /COPYALL /R:1 /W:1',
    shell: 'cmd',
    success: true,
    exitCode: 1,
    ...key('cmd:robocopy'),
  });
  await logFileChange(scope, {
    sessionId: sharesSession,
    path: 'D:\\Shares',
    kind: FileChangeKind.CREATED,
    summary: 'Mirror of the AD2 shares',
    ...key('file:shares'),
  });
  await logProblemSolution(scope, {
    sessionId: sharesSession,
    infrastructureId: hosts.ad2,
    symptom: 'Get-LocalUser is not recognized on AD2',
    rootCause: 'Windows Server 2008 R2 ships PowerShell 2.0 without the LocalAccounts module',
    solution: 'Use Get-WmiObject Win32_UserAccount -Filter "LocalAccount=True"',
    verified: true,
    ...key('problem:get-localuser'),
  });
  await recordInfrastructureChange(scope, {
    sessionId: sharesSession,
    infrastructureId: hosts.ad2,
    description: 'Shares set read-only',
    before: 'Change',
    after: 'Read',
    rollbackNote: 'Grant Change to Domain Users again',
    ...key('change:readonly'),
  });
  await recordDatabaseChange(scope, {
    sessionId: sharesSession,
    databaseName: 'QuickBooks',
    changeType: 'move',
    statementSummary: 'Company file moved to the new share',
    backupTaken: true,
    ...key('db:quickbooks'),
  });
}

/** What the firewall session did besides its work items, recorded while it is open. */
export async function firewallSessionWork(scope: Scope, firewallSession: string): Promise<void> {
  await recordDeployment(scope, {
    sessionId: firewallSession,
    component: 'SonicWall TZ370 config',
    version: '2026-11',
    environment: 'production',
    status: DeploymentStatus.SUCCEEDED,
    ...key('deploy:fw'),
  });
  await logOperationFailure(scope, {
    sessionId: firewallSession,
    operation: 'Site-to-site VPN',
    description: 'Tunnel stayed down after the swap',
    errorMessage: 'IKE phase 2 proposal mismatch',
    failureCategory: FailureCategory.NETWORK,
    ...key('failure:vpn'),
  });
  await linkTicket(scope, { sessionId: firewallSession, provider: 'syncro', ticketId: '48213377', ticketNumber: '1042' });
}

/** Insights, credentials, incidents, users and integrations. Returns the invites of the users it added. */
export async function seedEnvironment(scope: Scope, ids: Map<string, number>, hosts: SeedHosts): Promise<Invite[]> {
  const grabb = id(ids.get('Grabb & Durando')!);
  await recordEnvironmentalInsight(scope, {
    infrastructureId: hosts.nas,
    insight: 'SMB1 only: map it with net use, not New-PSDrive',
    confidence: 90,
    ...key('insight:nas-smb1'),
  });

  const credential = await createCredential(scope, {
    infrastructureId: hosts.ad2,
    name: 'AD2 local administrator',
    kind: CredentialKind.PASSWORD,
    username: 'Administrator',
    ...key('credential:ad2'),
  });
  await grantCredentialAccess(scope, { credentialId: id(credential.id), principal: 'role:TECHNICIAN', canReveal: true });
  await recordSecurityIncident(scope, {
    clientId: grabb,
    title: 'Phishing mail with a forwarding rule',
    severity: IncidentSeverity.MEDIUM,
    summary: 'One mailbox forwarded to an external address for two days.',
    ...key('incident:phish'),
  });

  const { invite } = await createUser(scope, { email: 'mike@example.com', displayName: 'Mike', role: UserRole.ADMIN, ...key('user:mike') });
  await createIntegrationCredential(scope, {
    provider: 'syncro',
    name: 'Main tenant',
    baseUrl: 'https://example.syncromsp.com/api/v1',
    ...key('integration:syncro'),
  });
  return invite ? [invite] : [];
}
