import { randomBytes } from 'node:crypto';
import { Credential, CredentialKind } from '../../../entities/credential.entity';
import { UserRole } from '../../../entities/user.entity';
import { CredentialVault } from '../../../src/security/vault/credential-vault';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

const SECRET = 'Pa55w0rd-only-in-this-test!';

describe('credential vault', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  let app: TestApp;
  let clientId: string;

  beforeAll(async () => {
    // the server's keyring holds an old key (1) and the current one (2), as after a key rotation was started
    app = await startTestApp('vault', {
      vault: new CredentialVault(
        new Map([
          [1, oldKey],
          [2, newKey],
        ]),
        2,
      ),
    });
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
  });
  afterAll(() => app.stop());

  const audit = async (credentialId: string) =>
    (await app.sdk.Credentials({ filter: { clientId, includeArchived: true } })).credentials.nodes
      .find((c) => c.id === credentialId)!
      .auditLog.nodes.map((e) => e.action);

  it('stores a value encrypted, never returns it with metadata, and reveals it with a reason, audited first', async () => {
    const { storeCredential } = await app.sdk.StoreCredential({
      input: { clientId, name: 'AD2 admin', kind: 'PASSWORD', username: 'Administrator', value: SECRET },
    });
    expect(storeCredential).toMatchObject({ hasValue: true, keyVersion: 2 });
    expect(JSON.stringify(await app.sdk.Credentials({ filter: { clientId } }))).not.toContain(SECRET);
    const rows = await app.db.dataSource.query('SELECT * FROM credentials');
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    const changes = await app.sdk.Changes({ objectType: 'Credential', objectId: storeCredential.id });
    expect(JSON.stringify(changes)).not.toContain(SECRET);

    expect((await apiError(app.sdk.RevealCredential({ input: { credentialId: storeCredential.id, reason: ' ' } }))).errors[0].field).toBe(
      'reason',
    );
    const { revealCredential } = await app.sdk.RevealCredential({
      input: { credentialId: storeCredential.id, reason: 'Reset the local admin on AD2' },
    });
    expect(revealCredential.value).toBe(SECRET);
    expect(await audit(storeCredential.id)).toEqual(['REVEAL', 'STORE', 'CREATE']);
  });

  it('refuses a user without a grant (audited), and allows one with a role grant', async () => {
    const credentialId = (await app.sdk.StoreCredential({ input: { clientId, name: 'NAS admin', kind: 'PASSWORD', value: SECRET } }))
      .storeCredential.id;
    const tech = await app.clientAs(UserRole.TECHNICIAN);
    const denied = await apiError(tech.RevealCredential({ input: { credentialId, reason: 'curious' } }));
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.message).not.toContain(SECRET);
    await app.sdk.GrantCredentialAccess({ input: { credentialId, principal: 'role:TECHNICIAN', canReveal: true } });
    expect((await tech.RevealCredential({ input: { credentialId, reason: 'backup job' } })).revealCredential.value).toBe(SECRET);
    expect(await audit(credentialId)).toEqual(['REVEAL', 'DENIED', 'STORE', 'CREATE']);
  });

  it('detects a tampered value, and a ciphertext copied from another row, with an audit row and no garbage', async () => {
    const a = (await app.sdk.StoreCredential({ input: { clientId, name: 'A', kind: 'API_KEY', value: 'value-of-a' } })).storeCredential.id;
    const b = (await app.sdk.StoreCredential({ input: { clientId, name: 'B', kind: 'API_KEY', value: 'value-of-b' } })).storeCredential.id;
    // someone with database access copies A's sealed value onto B, then flips a bit of A's
    const rowA = await app.db.dataSource.getRepository(Credential).findOneByOrFail({ id: Number(a) });
    const sql = 'UPDATE credentials SET ciphertext = ?, iv = ?, auth_tag = ?, key_version = ? WHERE id = ?';
    await app.db.dataSource.query(sql, [rowA.ciphertext, rowA.iv, rowA.authTag, rowA.keyVersion, Number(b)]);
    const copied = await apiError(app.sdk.RevealCredential({ input: { credentialId: b, reason: 'check' } }));
    expect(copied.code).toBe('TAMPERED');
    expect(copied.message).not.toContain('value-of-a');

    const flipped = Buffer.from(rowA.ciphertext!, 'base64');
    flipped[0] ^= 1;
    await app.db.dataSource.query(sql, [flipped.toString('base64'), rowA.iv, rowA.authTag, rowA.keyVersion, Number(a)]);
    expect((await apiError(app.sdk.RevealCredential({ input: { credentialId: a, reason: 'check' } }))).code).toBe('TAMPERED');
    expect((await audit(a))[0]).toBe('TAMPERED');
  });

  it('fails closed: when the audit row cannot be written, nothing is revealed', async () => {
    const credentialId = (await app.sdk.StoreCredential({ input: { clientId, name: 'Closed', kind: 'PASSWORD', value: SECRET } }))
      .storeCredential.id;
    await app.db.dataSource.query('ALTER TABLE credential_audit_log RENAME TO credential_audit_log_away');
    try {
      const error = await apiError(app.sdk.RevealCredential({ input: { credentialId, reason: 'audit is down' } }));
      expect(error.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(error.errors)).not.toContain(SECRET);
    } finally {
      await app.db.dataSource.query('ALTER TABLE credential_audit_log_away RENAME TO credential_audit_log');
    }
  });

  it('rotates 1,000 secrets to the current key in batches, resuming after an interruption, losing none', async () => {
    const oldVault = new CredentialVault(new Map([[1, oldKey]]), 1);
    const at = new Date();
    const repo = app.db.dataSource.getRepository(Credential);
    await app.db.transaction({ requestId: 'test', actor: 'system:test' }, async (manager) => {
      for (let i = 0; i < 1000; i += 250) {
        const rows = Array.from({ length: 250 }, (_, j) => ({
          name: `old ${i + j}`,
          kind: CredentialKind.PASSWORD,
          clientId: Number(clientId),
          createdAt: at,
          updatedAt: at,
        }));
        const { identifiers } = await manager.insert(Credential, rows);
        for (const { id } of identifiers) {
          const sealed = oldVault.seal(`secret-${id}`, `credential:${id}`);
          await manager.query('UPDATE credentials SET ciphertext = ?, iv = ?, auth_tag = ?, key_version = ? WHERE id = ?', [
            sealed.ciphertext,
            sealed.iv,
            sealed.authTag,
            1,
            id,
          ]);
        }
      }
    });
    const first = (await app.sdk.RotateVaultKey({ input: { batchSize: 500 } })).rotateVaultKey;
    expect(first).toMatchObject({ reencrypted: 500, remaining: 500, keyVersion: 2 }); // "interrupted" here
    const second = (await app.sdk.RotateVaultKey({ input: { batchSize: 1000 } })).rotateVaultKey;
    expect(second).toMatchObject({ reencrypted: 500, remaining: 0 });
    expect(await repo.countBy({ keyVersion: 1 })).toBe(0);
    const sample = await repo.findOneByOrFail({ name: 'old 999' });
    expect(
      (await app.sdk.RevealCredential({ input: { credentialId: String(sample.id), reason: 'after rotation' } })).revealCredential.value,
    ).toBe(`secret-${sample.id}`);
  });

  it("lets an agent token store and reveal its own client's credentials, and nobody else's", async () => {
    const other = (await app.sdk.CreateClient({ input: { name: 'Other Corp' } })).createClient.id;
    const othersCredential = (
      await app.sdk.StoreCredential({ input: { clientId: other, name: 'Other admin', kind: 'PASSWORD', value: SECRET } })
    ).storeCredential.id;
    const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    const agent = await app.agentFor(sessionId, ['READ', 'WRITE']);
    const stored = (await agent.StoreCredential({ input: { clientId, name: 'Agent-made API key', kind: 'API_KEY', value: SECRET } }))
      .storeCredential;
    expect(
      (await agent.RevealCredential({ input: { credentialId: stored.id, reason: 'Call the backup API' } })).revealCredential.value,
    ).toBe(SECRET);
    expect(await audit(stored.id)).toEqual(['REVEAL', 'STORE', 'CREATE']);
    const denied = await apiError(agent.RevealCredential({ input: { credentialId: othersCredential, reason: 'curious' } }));
    expect(denied.code).toBe('FORBIDDEN');
    const before = (await app.sdk.Credentials({ filter: { clientId: other } })).credentials.totalCount;
    expect(
      (await apiError(agent.StoreCredential({ input: { clientId: other, name: 'Sneaky', kind: 'PASSWORD', value: SECRET } }))).code,
    ).toBe('FORBIDDEN');
    expect((await apiError(agent.StoreCredential({ input: { credentialId: othersCredential, value: 'overwrite' } }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await app.sdk.Credentials({ filter: { clientId: other } })).credentials.totalCount).toBe(before);
    expect((await app.sdk.RevealCredential({ input: { credentialId: othersCredential, reason: 'check' } })).revealCredential.value).toBe(
      SECRET,
    );
  });
});

describe('credential vault without a key (production without MSP_VAULT_KEY)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('vault_closed', { vault: null });
  });
  afterAll(() => app.stop());

  it('refuses to store or reveal with a clear error, and keeps metadata working', async () => {
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    const stored = await apiError(app.sdk.StoreCredential({ input: { clientId, name: 'X', kind: 'PASSWORD', value: SECRET } }));
    expect(stored.code).toBe('VAULT_UNAVAILABLE');
    expect(stored.message).toContain('MSP_VAULT_KEY');
    const { createCredential } = await app.sdk.CreateCredential({ input: { clientId, name: 'Metadata only', kind: 'PASSWORD' } });
    expect((await apiError(app.sdk.RevealCredential({ input: { credentialId: createCredential.id, reason: 'x' } }))).code).toBe(
      'VAULT_UNAVAILABLE',
    );
  });
});
