import { createHash } from 'node:crypto';
import { EntityManager, EntityTarget } from 'typeorm';
import { now } from '../../entities/columns';
import { IdempotencyKey } from '../../entities/idempotency-key.entity';
import { ConflictError } from '../core/errors';
import { isDuplicateKey } from '../database/database-faults';
import type { Scope } from './scope';

/** JSON with sorted keys, so the same input always hashes the same. */
function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const requestHash = (input: object): string => {
  const { idempotencyKey, ...rest } = input as { idempotencyKey?: string };
  void idempotencyKey;
  return createHash('sha256').update(stableJson(rest)).digest('hex');
};

/**
 * Runs a create-like write at most once per (operation, idempotencyKey). The key row is inserted in the
 * same transaction as the write, so a concurrent retry blocks on the unique key until the first call
 * commits, then fails the insert and answers with the first call's result. The same key with different
 * input is a CONFLICT. Without a key the write simply runs.
 */
export async function idempotentWrite<T extends { id: number }>(
  scope: Scope,
  operation: string,
  input: { idempotencyKey?: string | null },
  entity: EntityTarget<T>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!input.idempotencyKey) return scope.db.transaction(scope, work);
  // Keys are per caller and compared exactly: stored as a hash, whatever the database's collation.
  const key = createHash('sha256').update(`${scope.actor}\n${input.idempotencyKey}`).digest('hex');
  const hash = requestHash(input);
  try {
    return await scope.db.transaction(scope, async (manager) => {
      await manager.insert(IdempotencyKey, { operation, key, requestHash: hash, resultId: null, createdAt: now() });
      const result = await work(manager);
      await manager.update(IdempotencyKey, { operation, key }, { resultId: result.id });
      return result;
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const first = await scope.db.manager.findOneBy(IdempotencyKey, { operation, key });
    if (!first) throw error;
    if (first.requestHash !== hash) {
      throw new ConflictError(
        `idempotencyKey "${input.idempotencyKey}" was already used for ${operation} with different input; use a new key for a new write.`,
        'idempotencyKey',
      );
    }
    return scope.db.manager.findOneByOrFail(entity, { id: first.resultId } as never);
  }
}
