import { randomBytes } from 'node:crypto';
import { createMspClient } from '../../../sdk';
import { UserRole } from '../../../entities/user.entity';
import { accessOf } from '../../../src/graphql/access';
import { signAccessToken } from '../../../src/security/auth/access-tokens';
import { keysFromSecret } from '../../../src/security/auth/signing-keys';
import { buildAppSchema } from '../../../src/graphql/schema';
import { sampleOperations } from '../../helpers/sample-operations';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiError, startTestApp, TestApp } from '../../helpers/test-app';

const OPEN = ['login', 'refreshToken', 'acceptInvite'];
/** What only an admin may do: kept here by hand, so a renamed or re-declared operation shows up in review. */
const ADMIN_ONLY = [
  'users',
  'apiAuditLog',
  'createUser',
  'createInvite',
  'updateUser',
  'unlockBilled',
  'grantCredentialAccess',
  'rotateVaultKey',
  'createLaborType',
  'updateLaborType',
  'webhook',
  'webhooks',
  'webhookDeliveries',
  'createWebhook',
  'updateWebhook',
  'enableWebhook',
  'disableWebhook',
  'deleteWebhook',
  'redeliverWebhookDelivery',
  'createIntegration',
];
/** What any valid token may do, whatever its scopes. */
const SIGNED_IN = ['logout', 'setPassword'];

/** The codes of the errors a raw call returns (empty when it succeeded). */
async function codes(url: string, query: string, token?: string): Promise<string[]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
}

describe('authorisation', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const operations = sampleOperations(buildAppSchema());

  beforeAll(async () => {
    app = await startTestApp('authorization');
    const readonly = await app.clientAs(UserRole.READONLY);
    const { login: ro } = await app.anonymous.Login({ input: { email: (await readonly.Me()).me.email, password: ADMIN_PASSWORD } });
    tokens.readonly = ro.accessToken;
    const technician = await app.clientAs(UserRole.TECHNICIAN);
    const { login: tech } = await app.anonymous.Login({ input: { email: (await technician.Me()).me.email, password: ADMIN_PASSWORD } });
    tokens.technician = tech.accessToken;
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    tokens.clientId = clientId;
    tokens.otherClient = (await app.sdk.CreateClient({ input: { name: 'Someone else' } })).createClient.id;
    const mine = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    const other = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    tokens.agent = (await app.sdk.IssueAgentToken({ input: { sessionId: mine, scopes: ['READ', 'WRITE'] } })).issueAgentToken.token;
    tokens.mine = mine;
    tokens.other = other;
    const { login: revoked } = await app.anonymous.Login({ input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    await createMspClient({ url: app.url, token: revoked.accessToken }).Logout({ input: {} });
    tokens.revoked = revoked.accessToken;
    tokens.expired = (await signAccessToken(app.keys, { userId: 1, scopes: ['msp:read'] }, -10)).token;
    tokens.foreign = (await signAccessToken(keysFromSecret(randomBytes(32)), { userId: 1, scopes: ['msp:read'] })).token;
    tokens.forged = `${app.token.slice(0, -4)}AAAA`;
  });
  afterAll(() => app.stop());

  it('reads every operation from the schema: there are many', () => {
    expect(operations.length).toBeGreaterThan(80);
  });

  it.each([
    ['no token', undefined],
    ['an expired token', 'expired'],
    ['a revoked token', 'revoked'],
    ['a token signed with an unknown key', 'foreign'],
    ['a token with a forged signature', 'forged'],
  ])('refuses every operation but login and refreshToken with %s: UNAUTHENTICATED', async (_case, which) => {
    const token = which ? tokens[which] : undefined;
    const refused: string[] = [];
    for (const op of operations.filter((o) => !OPEN.includes(o.name))) {
      const result = await codes(app.url, op.query, token);
      if (!result.includes('UNAUTHENTICATED')) refused.push(`${op.name}: ${result.join(',') || 'allowed'}`);
    }
    expect(refused).toEqual([]);
  });

  it('declares admin-only exactly the operations the list above names', () => {
    const schema = buildAppSchema();
    const declared = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => accessOf(field.extensions)?.kind === 'admins')
        .map((field) => field.name),
    );
    expect(declared.sort()).toEqual([...ADMIN_ONLY].sort());
  });

  it('lets a technician do everything but administration, which is FORBIDDEN', async () => {
    const problems: string[] = [];
    for (const op of operations.filter((o) => ![...OPEN, ...SIGNED_IN].includes(o.name))) {
      const result = await codes(app.url, op.query, tokens.technician);
      const denied = result.includes('FORBIDDEN') || result.includes('UNAUTHENTICATED');
      if (ADMIN_ONLY.includes(op.name) !== denied) problems.push(`${op.name}: ${result.join(',') || 'allowed'}`);
    }
    expect(problems).toEqual([]);
  });

  it('lets a read-only user read but refuses every write with FORBIDDEN', async () => {
    const problems: string[] = [];
    for (const op of operations.filter((o) => ![...OPEN, ...SIGNED_IN, 'me'].includes(o.name))) {
      const result = await codes(app.url, op.query, tokens.readonly);
      const admin = ADMIN_ONLY.includes(op.name);
      const write = op.kind === 'mutation' && op.name !== 'revealCredential'; // revealing is reading, checked against grants
      const denied = result.includes('FORBIDDEN') || result.includes('UNAUTHENTICATED');
      if ((write || admin) !== denied) problems.push(`${op.name}: ${result.join(',') || 'allowed'}`);
    }
    expect(problems).toEqual([]);
  });

  it('lets the admin through every operation (errors, if any, are about the sample input, not access)', async () => {
    const denied: string[] = [];
    for (const op of operations.filter((o) => !['logout', ...OPEN].includes(o.name))) {
      const result = await codes(app.url, op.query, app.token);
      if (result.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED' || c === 'INTERNAL_SERVER_ERROR'))
        denied.push(`${op.name}: ${result.join(',')}`);
    }
    expect(denied).toEqual([]);
  });

  it('shows a write-only agent what its own write returned, and nothing it did not write', async () => {
    const session = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: tokens.otherClient } })).startSession.id;
    const { token } = (await app.sdk.IssueAgentToken({ input: { sessionId: session, scopes: ['WRITE'] } })).issueAgentToken;
    const writer = createMspClient({ url: app.url, token });
    const logged = await writer.LogWorkItem({ input: { sessionId: session, category: 'OTHER', description: 'written blind', minutes: 5 } });
    expect(logged.logWorkItem).toMatchObject({ description: 'written blind', minutes: 5, session: { id: session } });
    // deeper than the objects inside the result, and any query, need msp:read
    const deeper = `mutation { logWorkItem(input: { sessionId: "${session}", category: OTHER, description: "again", minutes: 1 }) { id session { client { name } } } }`;
    expect(await codes(app.url, deeper, token)).toEqual(['FORBIDDEN']);
    expect((await apiError(writer.Session({ id: session }))).code).toBe('FORBIDDEN');
  });

  it('keeps an agent token to its own session: writes there, FORBIDDEN elsewhere and for administration', async () => {
    const agent = createMspClient({ url: app.url, token: tokens.agent });
    const own = await agent.LogWorkItem({ input: { sessionId: tokens.mine, category: 'OTHER', description: 'by the agent', minutes: 5 } });
    expect(own.logWorkItem.session.id).toBe(tokens.mine);
    expect(
      (await apiError(agent.LogWorkItem({ input: { sessionId: tokens.other, category: 'OTHER', description: 'x', minutes: 5 } }))).code,
    ).toBe('FORBIDDEN');
    expect((await apiError(agent.CreateClient({ input: { name: 'Agent-made' } }))).code).toBe('FORBIDDEN');
    expect((await apiError(agent.IssueAgentToken({ input: { sessionId: tokens.mine, scopes: ['READ'] } }))).code).toBe('FORBIDDEN');

    // reads: its session, its client, and lists narrowed to them; nothing of other clients
    expect((await agent.Session({ id: tokens.mine })).session?.id).toBe(tokens.mine);
    expect((await agent.Client({ id: tokens.clientId })).client?.name).toBe('Dataforth');
    expect((await agent.Commands({ filter: { sessionId: tokens.mine } })).commands.totalCount).toBe(0);
    expect((await agent.Sessions({ filter: { clientId: tokens.clientId } })).sessions.totalCount).toBe(2);
    for (const refused of [
      agent.Client({ id: tokens.otherClient }),
      agent.Client({ slug: 'dataforth' }),
      agent.Sessions({}),
      agent.Sessions({ filter: { clientId: tokens.otherClient } }),
      agent.Session({ id: tokens.other }),
      agent.Credentials({}),
    ]) {
      expect((await apiError(refused)).code).toBe('FORBIDDEN');
    }
    await agent.EndSession({ input: { sessionId: tokens.mine } });
    expect((await apiError(agent.Session({ id: tokens.mine }))).code).toBe('UNAUTHENTICATED');
  });
});
