import { apiError, countStatements, startTestApp, TestApp } from '../../helpers/test-app';

describe('client infrastructure and topology', () => {
  let app: TestApp;
  let clientId: string;
  let otherClientId: string;
  let siteId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp('infrastructure');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    otherClientId = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    siteId = (await app.sdk.CreateSite({ input: { clientId, name: 'Head office', address: '1 Main St' } })).createSite.id;
    for (const [hostname, kind] of [
      ['AD2', 'SERVER'],
      ['HV1', 'SERVER'],
      ['NAS1', 'NAS'],
      ['FW1', 'FIREWALL'],
      ['SW1', 'SWITCH'],
    ] as const) {
      ids[hostname] = (
        await app.sdk.RecordInfrastructure({ input: { clientId, siteId, hostname, kind, ipAddresses: ['10.0.0.1'] } })
      ).recordInfrastructure.id;
    }
  });
  afterAll(() => app.stop());

  it('records infrastructure with its environmental notes and finds it by filter', async () => {
    const { updateInfrastructure } = await app.sdk.UpdateInfrastructure({
      input: { id: ids.AD2, os: 'Windows Server', osVersion: '2008 R2', environmentalNotes: 'PowerShell 2.0 only; no Get-LocalUser' },
    });
    expect(updateInfrastructure).toMatchObject({ hostname: 'AD2', osVersion: '2008 R2', site: { id: siteId }, client: { id: clientId } });
    const servers = await app.sdk.Infrastructures({ filter: { clientId, kind: 'SERVER' } });
    expect(servers.infrastructures.nodes.map((i) => i.hostname)).toEqual(['AD2', 'HV1']);
    const search = await app.sdk.Infrastructures({ filter: { search: 'nas' } });
    expect(search.infrastructures.nodes.map((i) => i.hostname)).toEqual(['NAS1']);
  });

  it('refuses duplicates, foreign sites, bad addresses and unknown ids with codes and fields', async () => {
    const dup = await apiError(app.sdk.RecordInfrastructure({ input: { clientId, hostname: 'ad2', kind: 'SERVER' } }));
    expect(dup.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'hostname' });
    const foreignSite = await apiError(
      app.sdk.RecordInfrastructure({ input: { clientId: otherClientId, siteId, hostname: 'X1', kind: 'SERVER' } }),
    );
    expect(foreignSite.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    const badIp = await apiError(
      app.sdk.RecordInfrastructure({ input: { clientId, hostname: 'X2', kind: 'VM', ipAddresses: ['10.0.0.300'] } }),
    );
    expect(badIp.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ipAddresses' });
    const badKind = await apiError(app.sdk.RecordInfrastructure({ input: { clientId, hostname: 'X3', kind: 'TOASTER' as never } }));
    expect(badKind.code).toBe('BAD_USER_INPUT');
    const longNotes = await apiError(
      app.sdk.RecordInfrastructure({ input: { clientId, hostname: 'X4', kind: 'VM', environmentalNotes: 'n'.repeat(4001) } }),
    );
    expect(longNotes.errors[0].field).toBe('environmentalNotes');
    expect(
      (await apiError(app.sdk.RecordInfrastructure({ input: { clientId: '9999', hostname: 'X5', kind: 'VM' } }))).errors[0],
    ).toMatchObject({ code: 'NOT_FOUND', field: 'clientId' });
    expect((await app.sdk.Infrastructures({ filter: { clientId } })).infrastructures.totalCount).toBe(5);
  });

  it('records services, networks, firewall rules and M365 tenants, validating each', async () => {
    await app.sdk.RecordService({ input: { infrastructureId: ids.AD2, name: 'DNS', port: 53 } });
    expect(
      (await apiError(app.sdk.RecordService({ input: { infrastructureId: ids.AD2, name: 'Bad', port: 70000 } }))).errors[0].field,
    ).toBe('port');
    const { recordNetwork } = await app.sdk.RecordNetwork({
      input: { clientId, siteId, name: 'Office LAN', cidr: '10.0.0.0/24', vlan: 10, gateway: '10.0.0.254', dnsServers: ['10.0.0.1'] },
    });
    expect(recordNetwork).toMatchObject({ cidr: '10.0.0.0/24', vlan: 10, dnsServers: ['10.0.0.1'] });
    for (const cidr of ['10.0.0.0', '10.0.0.0/33', 'fe80::/129', 'lan']) {
      expect((await apiError(app.sdk.RecordNetwork({ input: { clientId, name: 'x', cidr } }))).errors[0].field).toBe('cidr');
    }
    expect(
      (await apiError(app.sdk.RecordNetwork({ input: { clientId, name: 'x', cidr: '10.1.0.0/16', vlan: 4095 } }))).errors[0].field,
    ).toBe('vlan');
    const { recordFirewallRule } = await app.sdk.RecordFirewallRule({
      input: {
        infrastructureId: ids.FW1,
        name: 'RDP from VPN',
        action: 'ALLOW',
        direction: 'INBOUND',
        source: 'VPN',
        destination: 'AD2',
        ports: '3389',
        protocol: 'tcp',
      },
    });
    expect(recordFirewallRule.enabled).toBe(true);
    const badPorts = await apiError(
      app.sdk.RecordFirewallRule({
        input: {
          infrastructureId: ids.FW1,
          name: 'x',
          action: 'DENY',
          direction: 'INBOUND',
          source: 'any',
          destination: 'any',
          ports: '80;443',
          protocol: 'tcp',
        },
      }),
    );
    expect(badPorts.errors[0].field).toBe('ports');
    for (const ports of ['99999', '0', '5-1', '80,,443']) {
      const error = await apiError(
        app.sdk.RecordFirewallRule({
          input: {
            infrastructureId: ids.FW1,
            name: 'x',
            action: 'DENY',
            direction: 'INBOUND',
            source: 'any',
            destination: 'any',
            ports,
            protocol: 'tcp',
          },
        }),
      );
      expect(error.errors[0].field).toBe('ports');
    }
    const tenantId = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
    const { recordM365Tenant } = await app.sdk.RecordM365Tenant({
      input: { clientId, tenantId, primaryDomain: 'Dataforth.com', domains: ['dataforth.onmicrosoft.com'] },
    });
    expect(recordM365Tenant).toMatchObject({ tenantId: tenantId.toLowerCase(), domains: ['dataforth.com', 'dataforth.onmicrosoft.com'] });
    expect((await apiError(app.sdk.RecordM365Tenant({ input: { clientId, tenantId, primaryDomain: 'x.com' } }))).code).toBe('CONFLICT');
    expect(
      (await apiError(app.sdk.RecordM365Tenant({ input: { clientId, tenantId: 'not-a-guid', primaryDomain: 'x.com' } }))).errors[0].field,
    ).toBe('tenantId');

    const { client } = await app.sdk.ClientEnvironment({ clientId });
    expect(client?.sites.nodes[0].infrastructure.nodes.map((i) => i.hostname)).toEqual(['AD2', 'FW1', 'HV1', 'NAS1', 'SW1']);
    expect(client?.networks.nodes.map((n) => n.name)).toEqual(['Office LAN']);
    expect(client?.m365Tenants.nodes.map((t) => t.primaryDomain)).toEqual(['dataforth.com']);

    const updated = await app.sdk.UpdateNetwork({ input: { id: recordNetwork.id, vlan: 20, dnsServers: ['10.0.0.2'] } });
    expect(updated.updateNetwork).toMatchObject({ vlan: 20, dnsServers: ['10.0.0.2'], cidr: '10.0.0.0/24' });
    expect((await app.sdk.UpdateFirewallRule({ input: { id: recordFirewallRule.id, enabled: false } })).updateFirewallRule).toMatchObject({
      enabled: false,
      ports: '3389',
    });
    expect((await apiError(app.sdk.UpdateFirewallRule({ input: { id: recordFirewallRule.id, ports: '70000' } }))).errors[0].field).toBe(
      'ports',
    );
    const tenant = await app.sdk.UpdateM365Tenant({ input: { id: recordM365Tenant.id, domains: ['Dataforth.net'] } });
    expect(tenant.updateM365Tenant.domains).toEqual(['dataforth.com', 'dataforth.net']);
    const services = (await app.sdk.Infrastructure({ id: ids.AD2 })).infrastructure!.services.nodes;
    expect((await app.sdk.UpdateService({ input: { id: services[0].id, version: '2008 R2' } })).updateService).toMatchObject({
      name: 'DNS',
      port: 53,
      version: '2008 R2',
    });
    await app.sdk.ArchiveNetwork({ input: { id: recordNetwork.id } });
    await app.sdk.ArchiveFirewallRule({ input: { id: recordFirewallRule.id } });
    await app.sdk.ArchiveM365Tenant({ input: { id: recordM365Tenant.id } });
    const after = (await app.sdk.ClientEnvironment({ clientId })).client!;
    expect([after.networks.nodes, after.m365Tenants.nodes]).toEqual([[], []]);
    const firewall = (await app.sdk.Infrastructure({ id: ids.FW1 })).infrastructure!;
    expect(firewall.firewallRules.nodes).toEqual([]);
  });

  it('answers topology and neighbours up to depth 3 in a bounded number of statements', async () => {
    const link = (from: string, to: string, kind: 'RUNS_ON' | 'DEPENDS_ON' | 'CONNECTS_TO' | 'BACKS_UP') =>
      app.sdk.LinkInfrastructure({ input: { fromId: ids[from], toId: ids[to], kind } });
    await link('AD2', 'HV1', 'RUNS_ON');
    await link('NAS1', 'AD2', 'BACKS_UP');
    await link('HV1', 'SW1', 'CONNECTS_TO');
    await link('SW1', 'FW1', 'CONNECTS_TO');
    expect((await apiError(link('AD2', 'HV1', 'RUNS_ON'))).code).toBe('CONFLICT');
    expect(
      (await apiError(app.sdk.LinkInfrastructure({ input: { fromId: ids.AD2, toId: ids.AD2, kind: 'DEPENDS_ON' } }))).errors[0].field,
    ).toBe('toId');
    const foreign = (await app.sdk.RecordInfrastructure({ input: { clientId: otherClientId, hostname: 'OTHER1', kind: 'SERVER' } }))
      .recordInfrastructure.id;
    expect(
      (await apiError(app.sdk.LinkInfrastructure({ input: { fromId: ids.AD2, toId: foreign, kind: 'DEPENDS_ON' } }))).errors[0].field,
    ).toBe('toId');

    type Neighbours = NonNullable<Awaited<ReturnType<typeof app.sdk.Infrastructure>>['infrastructure']>['neighbours'];
    let one: Neighbours | undefined;
    let three: Neighbours | undefined;
    const depthOne = await countStatements(app, async () => {
      one = (await app.sdk.Infrastructure({ id: ids.AD2, depth: 1 })).infrastructure!.neighbours;
    });
    const depthThree = await countStatements(app, async () => {
      three = (await app.sdk.Infrastructure({ id: ids.AD2, depth: 3 })).infrastructure!.neighbours;
    });
    expect(one!.nodes.map((n) => n.id).sort()).toEqual([ids.AD2, ids.HV1, ids.NAS1].sort());
    expect(three!.nodes.map((n) => n.id).sort()).toEqual([ids.AD2, ids.HV1, ids.NAS1, ids.SW1, ids.FW1].sort());
    expect(three!.edges).toHaveLength(4);
    // one statement per level of edges plus one for the nodes, however many nodes each level reaches
    expect(depthThree - depthOne).toBe(2);
    const backups = (await app.sdk.Infrastructure({ id: ids.AD2, depth: 3, kind: 'BACKS_UP' })).infrastructure!.neighbours;
    expect(backups.nodes.map((n) => n.id).sort()).toEqual([ids.AD2, ids.NAS1].sort());
    expect((await apiError(app.sdk.Infrastructure({ id: ids.AD2, depth: 4 }))).errors[0].field).toBe('depth');

    const { client } = await app.sdk.ClientEnvironment({ clientId });
    expect(client?.topology.nodes).toHaveLength(5);
    expect(client?.topology.edges).toHaveLength(4);
  });

  it('updates and archives sites and services, and attaches infrastructure to sessions and projects once', async () => {
    const { updateSite } = await app.sdk.UpdateSite({ input: { id: siteId, notes: 'Key with reception' } });
    expect(updateSite).toMatchObject({ name: 'Head office', notes: 'Key with reception' });
    const branch = (await app.sdk.CreateSite({ input: { clientId, name: 'Branch' } })).createSite.id;
    await app.sdk.ArchiveSite({ input: { id: branch } });
    expect((await app.sdk.ClientEnvironment({ clientId })).client!.sites.nodes.map((s) => s.name)).toEqual(['Head office']);
    const service = (await app.sdk.RecordService({ input: { infrastructureId: ids.HV1, name: 'Hyper-V' } })).recordService.id;
    await app.sdk.ArchiveService({ input: { id: service } });
    expect((await app.sdk.Infrastructure({ id: ids.HV1 })).infrastructure!.services.nodes).toEqual([]);

    const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    const projectId = (await app.sdk.CreateProject({ input: { clientId, name: 'Virtualisation' } })).createProject.id;
    for (let i = 0; i < 2; i++) {
      await app.sdk.AttachInfrastructure({ input: { infrastructureId: ids.HV1, sessionId } });
      await app.sdk.AttachInfrastructure({ input: { infrastructureId: ids.HV1, projectId } });
    }
    expect((await app.sdk.SessionDetails({ id: sessionId })).session!.infrastructure.map((i) => i.hostname)).toEqual(['HV1']);
    const foreignSession = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: otherClientId } })).startSession.id;
    expect(
      (await apiError(app.sdk.AttachInfrastructure({ input: { infrastructureId: ids.HV1, sessionId: foreignSession } }))).errors[0].field,
    ).toBe('sessionId');
    expect((await apiError(app.sdk.AttachInfrastructure({ input: { infrastructureId: ids.HV1 } }))).code).toBe('BAD_USER_INPUT');
  });

  it('archives infrastructure: gone from lists, still readable, its history kept', async () => {
    const { archiveInfrastructure } = await app.sdk.ArchiveInfrastructure({ input: { id: ids.SW1 } });
    expect(archiveInfrastructure.archivedAt).not.toBeNull();
    expect((await app.sdk.Infrastructures({ filter: { clientId } })).infrastructures.nodes.map((i) => i.hostname)).not.toContain('SW1');
    expect((await app.sdk.Infrastructures({ filter: { clientId, includeArchived: true } })).infrastructures.totalCount).toBe(5);
    expect((await app.sdk.Infrastructure({ id: ids.SW1 })).infrastructure?.hostname).toBe('SW1');
    const history = await app.sdk.Changes({ objectType: 'Infrastructure', objectId: ids.SW1 });
    expect(history.changes.nodes.map((c) => c.action)).toEqual(['CREATE', 'ARCHIVE']);
    const refused = await apiError(app.sdk.RecordService({ input: { infrastructureId: ids.SW1, name: 'SNMP' } }));
    expect(refused.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'infrastructureId' });
    expect(refused.message).toContain('archived');
  });
});
