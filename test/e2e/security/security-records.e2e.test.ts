import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('credential metadata and security incidents', () => {
  let app: TestApp;
  let clientId: string;
  let serverId: string;
  beforeAll(async () => {
    app = await startTestApp('security_records');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    serverId = (await app.sdk.RecordInfrastructure({ input: { clientId, hostname: 'AD2', kind: 'SERVER' } })).recordInfrastructure.id;
  });
  afterAll(() => app.stop());

  it('records credential metadata under the infrastructure’s client, with an audit entry per write and no value', async () => {
    const { createCredential } = await app.sdk.CreateCredential({
      input: { infrastructureId: serverId, name: 'AD2 local admin', kind: 'PASSWORD', username: 'Administrator' },
    });
    expect(createCredential).toMatchObject({
      client: { id: clientId },
      infrastructure: { hostname: 'AD2' },
      hasValue: false,
      keyVersion: null,
    });
    await app.sdk.UpdateCredential({ input: { id: createCredential.id, notes: 'Rotated quarterly' } });
    await app.sdk.GrantCredentialAccess({ input: { credentialId: createCredential.id, principal: 'role:TECHNICIAN', canReveal: true } });
    const again = await app.sdk.GrantCredentialAccess({
      input: { credentialId: createCredential.id, principal: 'role:TECHNICIAN', canReveal: false },
    });
    expect(again.grantCredentialAccess).toMatchObject({ canReveal: false, grantedBy: 'user:1' });
    const { credentials } = await app.sdk.Credentials({ filter: { clientId } });
    const listed = credentials.nodes[0];
    expect(listed.permissions.nodes).toEqual([{ principal: 'role:TECHNICIAN', canReveal: false }]);
    expect(listed.auditLog.nodes.map((e) => e.action)).toEqual(['UPDATE', 'CREATE']);
    const [raw] = await app.db.dataSource.query('SELECT ciphertext, iv, auth_tag FROM credentials');
    expect(raw).toEqual({ ciphertext: null, iv: null, auth_tag: null });
  });

  it('redacts secret columns in the change log', async () => {
    const { createCredential } = await app.sdk.CreateCredential({ input: { clientId, name: 'Redaction probe', kind: 'API_KEY' } });
    await app.db.dataSource.query(
      "UPDATE credentials SET ciphertext = 'c2VjcmV0LWNpcGhlcnRleHQ=', iv = 'aXY=', auth_tag = 'dGFn' WHERE id = ?",
      [Number(createCredential.id)],
    );
    await app.sdk.UpdateCredential({ input: { id: createCredential.id, notes: 'touched' } });
    const { changes } = await app.sdk.Changes({ objectType: 'Credential', objectId: createCredential.id });
    const update = changes.nodes.at(-1)!;
    expect(update.after).toMatchObject({ ciphertext: '[redacted]', iv: '[redacted]', authTag: '[redacted]', notes: 'touched' });
    expect(JSON.stringify(changes)).not.toContain('c2VjcmV0LWNpcGhlcnRleHQ=');
    await app.sdk.ArchiveCredential({ input: { id: createCredential.id } });
    expect((await app.sdk.Credentials({ filter: { clientId } })).credentials.nodes.map((c) => c.name)).not.toContain('Redaction probe');
    expect((await app.sdk.Credentials({ filter: { clientId, includeArchived: true } })).credentials.nodes.map((c) => c.name)).toContain(
      'Redaction probe',
    );
  });

  it('refuses bad principals, unknown users, a foreign host and unknown kinds', async () => {
    const credentialId = (await app.sdk.Credentials({ filter: { clientId } })).credentials.nodes[0].id;
    expect(
      (await apiError(app.sdk.GrantCredentialAccess({ input: { credentialId, principal: 'everyone', canReveal: true } }))).errors[0].field,
    ).toBe('principal');
    expect(
      (await apiError(app.sdk.GrantCredentialAccess({ input: { credentialId, principal: 'user:999999', canReveal: true } }))).errors[0],
    ).toMatchObject({ code: 'NOT_FOUND', field: 'principal' });
    const other = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    expect(
      (await apiError(app.sdk.CreateCredential({ input: { clientId: other, infrastructureId: serverId, name: 'x', kind: 'PASSWORD' } })))
        .errors[0].field,
    ).toBe('infrastructureId');
    expect((await apiError(app.sdk.CreateCredential({ input: { clientId, name: 'x', kind: 'PIN' as never } }))).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await apiError(app.sdk.GrantCredentialAccess({ input: { credentialId: '9999', principal: 'user:1', canReveal: true } }))).code,
    ).toBe('NOT_FOUND');
  });

  it('keeps an incident timeline as status and severity change, and resolves it', async () => {
    const { recordSecurityIncident } = await app.sdk.RecordSecurityIncident({
      input: { clientId, infrastructureId: serverId, title: 'Phishing mailbox rule', severity: 'MEDIUM' },
    });
    expect(recordSecurityIncident).toMatchObject({ status: 'OPEN', resolvedAt: null });
    expect(recordSecurityIncident.timeline.map((e) => e.note)).toEqual(['Detected (MEDIUM, OPEN)']);
    await app.sdk.UpdateSecurityIncident({
      input: { id: recordSecurityIncident.id, severity: 'HIGH', status: 'CONTAINED', note: 'Forwarding rule removed, password reset' },
    });
    const { updateSecurityIncident } = await app.sdk.UpdateSecurityIncident({
      input: { id: recordSecurityIncident.id, status: 'RESOLVED' },
    });
    expect(updateSecurityIncident.timeline.map((e) => e.note)).toEqual([
      'Detected (MEDIUM, OPEN)',
      'Severity MEDIUM → HIGH',
      'Status OPEN → CONTAINED',
      'Forwarding rule removed, password reset',
      'Status CONTAINED → RESOLVED',
    ]);
    expect(updateSecurityIncident.resolvedAt).not.toBeNull();
    const high = await app.sdk.SecurityIncidents({ filter: { clientId, severity: 'HIGH', status: 'RESOLVED' } });
    expect(high.securityIncidents.nodes.map((i) => i.id)).toEqual([recordSecurityIncident.id]);
    expect(
      (await apiError(app.sdk.RecordSecurityIncident({ input: { clientId, title: 'x', severity: 'APOCALYPTIC' as never } }))).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await apiError(
          app.sdk.RecordSecurityIncident({
            input: { clientId, title: 'x', severity: 'LOW', detectedAt: new Date(Date.now() + 86_400_000).toISOString() },
          }),
        )
      ).errors[0].field,
    ).toBe('detectedAt');
  });
});
