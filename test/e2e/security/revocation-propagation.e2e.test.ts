import pino from 'pino';
import { createMspClient, MspApiError, MspClient } from '../../../sdk';
import { LocalRevocationBus, RedisRevocationBus, RevocationBus } from '../../../src/security/auth/revocation-bus';
import { SigningKeys } from '../../../src/security/auth/signing-keys';
import { Database } from '../../../src/database/database';
import { RunningServer, startServer } from '../../../src/server';
import { Authenticator } from '../../../src/security/auth.service';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, TestApp } from '../../helpers/test-app';

/**
 * Two replicas on one database, each with its own auth caches: a logout or an ended session on A must
 * be refused on B. The caches are made to last a minute here, so a refusal on B within the few-second
 * deadline can only come from the revocation bus, never from an entry that expired.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LONG_CACHE = { shared: 60_000, unshared: 60_000 };
const DEADLINE_MS = 5_000;

/** Polls `call` until it is refused as UNAUTHENTICATED; the delay, or null if it was still accepted at the deadline. */
async function msUntilRefused(call: () => Promise<unknown>): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < DEADLINE_MS) {
    try {
      await call();
    } catch (error) {
      if (error instanceof MspApiError && error.code === 'UNAUTHENTICATED') return Math.round(performance.now() - started);
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

interface Pair {
  a: TestApp;
  b: RunningServer;
  busA: RevocationBus;
  busB: RevocationBus;
  stop(): Promise<void>;
}

async function replicas(name: string, bus: (replica: string) => RevocationBus, cacheMs = LONG_CACHE): Promise<Pair> {
  const busA = bus('a');
  const busB = bus('b');
  const a = await startTestApp(name, { authenticator: (db: Database, keys: SigningKeys) => new Authenticator(db, keys, busA, cacheMs) });
  const b = await startServer({
    db: a.db,
    port: 0,
    logger: pino({ level: 'silent' }),
    auth: new Authenticator(a.db, a.keys, busB, cacheMs),
    limits: a.limits,
    vault: a.vault,
  });
  return {
    a,
    b,
    busA,
    busB,
    stop: async () => {
      await b.close();
      await a.stop();
      await Promise.all([busA.close(), busB.close()]);
    },
  };
}

const waitLive = async (...buses: RevocationBus[]) => {
  for (let i = 0; i < 250 && !buses.every((bus) => bus.live); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(buses.map((bus) => bus.live)).toEqual(buses.map(() => true));
};

/** A fresh login, with a client on each replica; B has checked (and cached) the token once. */
async function loginOnBoth(pair: Pair): Promise<{ onA: MspClient; onB: MspClient; refreshToken: string }> {
  const { login } = await pair.a.anonymous.Login({ input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  const onA = createMspClient({ url: pair.a.url, token: login.accessToken, retries: 0 });
  const onB = createMspClient({ url: pair.b.url, token: login.accessToken, retries: 0 });
  expect((await onB.Me()).me.email).toBe(ADMIN_EMAIL);
  return { onA, onB, refreshToken: login.refreshToken };
}

describe('revocations reach every replica', () => {
  const prefix = `test-revocation-${process.env.TEST_DB}-${process.pid}`;

  describe('through Redis', () => {
    let pair: Pair;
    beforeAll(async () => {
      pair = await replicas('revocation_bus', () => new RedisRevocationBus({ url: REDIS_URL, prefix }));
      await waitLive(pair.busA, pair.busB);
    });
    afterAll(() => pair.stop());

    it('refuses on B a token logged out on A, and its refresh token', async () => {
      const { onA, onB, refreshToken } = await loginOnBoth(pair);
      await onA.Logout({ input: { refreshToken } });
      const delay = await msUntilRefused(() => onB.Me());
      console.log(`logout on A refused on B after ${delay} ms (poll every 20 ms)`);
      expect(delay).not.toBeNull();
      const refreshOnB = createMspClient({ url: pair.b.url, retries: 0 }).RefreshToken({ input: { refreshToken } });
      await expect(refreshOnB).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses on B every access token of a login revoked on A for a reused refresh token', async () => {
      const { onB, refreshToken } = await loginOnBoth(pair);
      await pair.a.anonymous.RefreshToken({ input: { refreshToken } });
      await expect(pair.a.anonymous.RefreshToken({ input: { refreshToken } })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await msUntilRefused(() => onB.Me())).not.toBeNull();
    });

    it('refuses on B an agent token whose session ended on A', async () => {
      const clientId = (await pair.a.sdk.CreateClient({ input: { name: 'Propagation' } })).createClient.id;
      const sessionId = (await pair.a.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
      const { issueAgentToken } = await pair.a.sdk.IssueAgentToken({ input: { sessionId, scopes: ['READ', 'WRITE'] } });
      const agentOnB = createMspClient({ url: pair.b.url, token: issueAgentToken.token, retries: 0 });
      await agentOnB.Note({ input: { sessionId, kind: 'FINDING', text: 'seen on B' } });
      await pair.a.sdk.EndSession({ input: { sessionId } });
      const delay = await msUntilRefused(() => agentOnB.ContextRecovery({ clientId }));
      console.log(`ended session on A refused its agent token on B after ${delay} ms`);
      expect(delay).not.toBeNull();
    });

    it('shuts a user deactivated on A out of B', async () => {
      const { createUser } = await pair.a.sdk.CreateUser({
        input: { email: 'leaver@test.local', displayName: 'Leaver', role: 'TECHNICIAN' },
      });
      const { acceptInvite } = await pair.a.anonymous.AcceptInvite({
        input: { token: createUser.invite!.token, password: ADMIN_PASSWORD },
      });
      const onB = createMspClient({ url: pair.b.url, token: acceptInvite.accessToken, retries: 0 });
      await onB.Me();
      await pair.a.sdk.UpdateUser({ input: { id: createUser.user.id, active: false } });
      expect(await msUntilRefused(() => onB.Me())).not.toBeNull();
    });
  });

  it('without a bus (one replica per process, as without REDIS_URL) B keeps accepting until its cache expires', async () => {
    // the control: the assertions above would fail without the bus
    const pair = await replicas('revocation_local', () => new LocalRevocationBus());
    try {
      const { onA, onB } = await loginOnBoth(pair);
      await onA.Logout({ input: {} });
      await expect(onA.Me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' }); // A itself knows at once
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await onB.Me()).me.email).toBe(ADMIN_EMAIL);
    } finally {
      await pair.stop();
    }
  });

  it('with Redis configured but unreachable, falls back to a short cache: B refuses within a second or so', async () => {
    const pair = await replicas('revocation_down', () => new RedisRevocationBus({ url: 'redis://127.0.0.1:1', prefix }), {
      shared: 60_000,
      unshared: 500,
    });
    try {
      expect([pair.busA.live, pair.busB.live]).toEqual([false, false]);
      const { onA, onB } = await loginOnBoth(pair);
      await onA.Logout({ input: {} });
      const delay = await msUntilRefused(() => onB.Me());
      console.log(`with the bus down, logout on A refused on B after ${delay} ms (short cache 500 ms)`);
      expect(delay).not.toBeNull();
    } finally {
      await pair.stop();
    }
  });
});
