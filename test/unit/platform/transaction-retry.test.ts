import { parseRevocationEvent } from '../../../src/security/auth/revocation-bus';
import { backoffMs, DEFAULT_RETRY_POLICY, retryStats, withConflictRetry } from '../../../src/database/transaction-retry';

const conflict = (code: string) => Object.assign(new Error(code), { driverError: { code } });
const noSleep = async () => {};

describe('withConflictRetry', () => {
  it('re-runs a transaction that lost a deadlock or a Galera certification conflict, then answers its result', async () => {
    let runs = 0;
    const before = retryStats.retried;
    const result = await withConflictRetry(
      async () => {
        if (++runs < 3) throw conflict(runs === 1 ? 'ER_LOCK_DEADLOCK' : 'ER_LOCK_WAIT_TIMEOUT');
        return 'landed';
      },
      DEFAULT_RETRY_POLICY,
      noSleep,
    );
    expect([result, runs, retryStats.retried - before]).toEqual(['landed', 3, 2]);
  });

  it('gives up after the bounded number of runs, with the conflict', async () => {
    let runs = 0;
    const policy = { attempts: 4, baseDelayMs: 1, maxDelayMs: 1 };
    await expect(
      withConflictRetry(
        async () => {
          runs++;
          throw conflict('ER_LOCK_DEADLOCK');
        },
        policy,
        noSleep,
      ),
    ).rejects.toThrow('ER_LOCK_DEADLOCK');
    expect(runs).toBe(4);
  });

  it('never re-runs other failures (a duplicate key, a bad query)', async () => {
    let runs = 0;
    await expect(
      withConflictRetry(
        async () => {
          runs++;
          throw conflict('ER_DUP_ENTRY');
        },
        DEFAULT_RETRY_POLICY,
        noSleep,
      ),
    ).rejects.toThrow();
    expect(runs).toBe(1);
  });

  it('waits a random time below a doubling cap (full jitter)', () => {
    const policy = { attempts: 10, baseDelayMs: 10, maxDelayMs: 400 };
    expect([1, 2, 3, 6, 9].map((n) => backoffMs(policy, n, () => 0.999))).toEqual([9, 19, 39, 319, 399]);
    expect(backoffMs(policy, 5, () => 0)).toBe(0);
  });
});

describe('parseRevocationEvent', () => {
  it('reads the events replicas send, and drops anything else', () => {
    expect(parseRevocationEvent('{"kind":"revoked","ids":["a","b"]}')).toEqual({ kind: 'revoked', ids: ['a', 'b'] });
    expect(parseRevocationEvent('{"kind":"session-ended","sessionId":7}')).toEqual({ kind: 'session-ended', sessionId: 7 });
    expect(parseRevocationEvent('{"kind":"user-deactivated","userId":3}')).toEqual({ kind: 'user-deactivated', userId: 3 });
    for (const bad of [
      'heartbeat',
      'null',
      '{"kind":"revoked","ids":[]}',
      '{"kind":"revoked","ids":[1]}',
      '{"kind":"session-ended","sessionId":-1}',
      `{"kind":"revoked","ids":["${'x'.repeat(101)}"]}`,
    ]) {
      expect(parseRevocationEvent(bad)).toBeNull();
    }
  });
});
