import { EntityManager } from 'typeorm';
import { now } from '../../entities/columns';
import { LaborType } from '../../entities/labor-type.entity';
import { ConflictError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { findOrFail } from '../kit/find-or-fail';
import { idempotentWrite } from '../kit/idempotency';
import type { CreateLaborType, LaborTypeFilter, UpdateLaborType } from './labor-type.commands';
import type { Scope } from '../kit/scope';
import { Filter } from '../pagination/filter';

export const LABOR_TYPE_ORDER: SortOrder<LaborType> = { key: 'name', direction: 'ASC' };

export function laborTypeFilter(filter: LaborTypeFilter = {}): Filter {
  return (qb, a) => {
    if (filter.active != null) qb.andWhere(`${a}.active = :active`, { active: filter.active });
    if (filter.afterHours != null) qb.andWhere(`${a}.afterHours = :afterHours`, { afterHours: filter.afterHours });
  };
}

async function assertNameFree(manager: EntityManager, name: string, exceptId?: number): Promise<void> {
  const qb = manager.createQueryBuilder(LaborType, 'l').where('LOWER(l.name) = :name', { name: name.toLowerCase() });
  if (exceptId) qb.andWhere('l.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw new ConflictError(`A labor type named "${name}" already exists.`, 'name');
}

/** Makes `type` the install's one default labor type. */
async function makeDefault(manager: EntityManager, type: LaborType): Promise<void> {
  const others = await manager.findBy(LaborType, { isDefault: true });
  for (const other of others.filter((o) => o.id !== type.id)) {
    other.isDefault = false;
    other.updatedAt = type.updatedAt;
    await manager.save(other);
  }
  type.isDefault = true;
}

export function createLaborType(scope: Scope, input: CreateLaborType): Promise<LaborType> {
  const name = input.name.trim();
  return idempotentWrite(scope, 'createLaborType', input, LaborType, async (manager) => {
    await assertNameFree(manager, name);
    const at = now();
    const type = manager.create(LaborType, {
      name,
      minimumMinutes: input.minimumMinutes ?? 0,
      roundingIncrementMinutes: input.roundingIncrementMinutes ?? 1,
      multiplierPercent: input.multiplierPercent ?? 100,
      afterHours: input.afterHours ?? false,
      psaProductId: input.psaProductId?.trim() || null,
      active: true,
      isDefault: false,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    if (input.isDefault) await makeDefault(manager, type);
    return manager.save(type);
  });
}

const RULE_FIELDS = ['minimumMinutes', 'roundingIncrementMinutes', 'multiplierPercent', 'afterHours'] as const;

/**
 * Changes a labor type. A change of minimum, increment, multiplier or after-hours flag is a new rule
 * version: it applies to new work, and to unlocked work only when recomputeBilling is asked for.
 */
export function updateLaborType(scope: Scope, input: UpdateLaborType): Promise<LaborType> {
  return scope.db.transaction(scope, async (manager) => {
    const type = await findOrFail(manager, LaborType, input.id, 'id', true);
    if (input.name != null) {
      type.name = input.name.trim();
      await assertNameFree(manager, type.name, type.id);
    }
    const ruleChanged = RULE_FIELDS.some((f) => input[f] != null && input[f] !== type[f]);
    for (const f of RULE_FIELDS) if (input[f] != null) (type as unknown as Record<string, unknown>)[f] = input[f];
    if (ruleChanged) type.version += 1;
    if (input.psaProductId !== undefined) type.psaProductId = input.psaProductId?.trim() || null;
    if (input.active != null) {
      if (!input.active && type.isDefault)
        throw new ConflictError(`Labor type ${type.id} is the default; make another one the default first.`, 'active');
      type.active = input.active;
    }
    type.updatedAt = now();
    if (input.isDefault === false && type.isDefault)
      throw new ConflictError('There is always one default labor type: make another one the default instead.', 'isDefault');
    if (input.isDefault) {
      if (!type.active) throw new ConflictError(`Labor type ${type.id} is inactive and cannot be the default.`, 'isDefault');
      await makeDefault(manager, type);
    }
    return manager.save(type);
  });
}
