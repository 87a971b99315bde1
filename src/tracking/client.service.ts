import { EntityManager } from 'typeorm';
import { AfterHoursPolicy, Client } from '../../entities/client.entity';
import { LaborType } from '../../entities/labor-type.entity';
import { assertTimeZone, DEFAULT_TIME_ZONE, minuteOfDay, storedWeekdays } from '../billing/billing-rules';
import { now } from '../../entities/columns';
import { Database } from '../database/database';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { likeContains, likeSql, slugify } from '../kit/text';
import { idempotentWrite } from '../kit/idempotency';
import { findOrFail } from '../kit/find-or-fail';
import type { ClientFilter, CreateClient, UpdateClient } from './client.commands';
import type { Scope } from '../kit/scope';
import { Filter } from '../pagination/filter';

export const CLIENT_ORDER: SortOrder<Client> = { key: 'name', direction: 'ASC' };

export function clientFilter(filter: ClientFilter = {}): Filter {
  return (qb, alias) => {
    if (filter.active !== undefined && filter.active !== null) qb.andWhere(`${alias}.active = :active`, { active: filter.active });
    if (filter.search) qb.andWhere(likeSql(`${alias}.name`, 'search'), { search: likeContains(filter.search) });
  };
}

export async function findClient(db: Database, by: { id?: number; slug?: string }): Promise<Client> {
  if ((by.id === undefined) === !by.slug) throw new BadInputError('id', 'give either the client id or its slug');
  if (by.id !== undefined) return findOrFail(db.manager, Client, by.id);
  if (!by.slug || by.slug.length > 100) throw new BadInputError('slug', 'must be 1 to 100 characters');
  const client = await db.manager.findOneBy(Client, { slug: by.slug });
  if (!client) throw new NotFoundError('Client', by.slug, 'slug');
  return client;
}

/** Name and slug are unique ignoring case on every database (MariaDB's collation already ignores it, SQLite's does not). */
async function assertUnique(manager: EntityManager, field: 'name' | 'slug', value: string, exceptId?: number): Promise<void> {
  const qb = manager.createQueryBuilder(Client, 'c').where(`LOWER(c.${field}) = :value`, { value: value.toLowerCase() });
  if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw new ConflictError(`A client with ${field} "${value}" already exists.`, field);
}

type BillingSettings = Pick<
  CreateClient,
  | 'timeZone'
  | 'businessHoursStart'
  | 'businessHoursEnd'
  | 'businessDays'
  | 'afterHoursPolicy'
  | 'defaultLaborTypeId'
  | 'afterHoursLaborTypeId'
  | 'prepaidAlertPercent'
>;

/**
 * Applies the billing settings given; they take effect for new work, and for unlocked work through
 * recomputeBilling. The after-hours policy needs an after-hours labor type.
 */
async function applyBillingSettings(manager: EntityManager, client: Client, input: BillingSettings): Promise<void> {
  if (input.timeZone != null) {
    assertTimeZone(input.timeZone, 'timeZone');
    client.timeZone = input.timeZone;
  }
  if (input.businessHoursStart != null) client.businessHoursStart = input.businessHoursStart;
  if (input.businessHoursEnd != null) client.businessHoursEnd = input.businessHoursEnd;
  if (minuteOfDay(client.businessHoursEnd, 'businessHoursEnd') <= minuteOfDay(client.businessHoursStart, 'businessHoursStart')) {
    throw new BadInputError('businessHoursEnd', `${client.businessHoursEnd} is not after the start ${client.businessHoursStart}`);
  }
  if (input.businessDays != null) client.businessDays = storedWeekdays(input.businessDays);
  if (input.prepaidAlertPercent != null) client.prepaidAlertPercent = input.prepaidAlertPercent;
  const type = async (id: string, field: string) => {
    const found = await findOrFail(manager, LaborType, id, field);
    if (!found.active) throw new ConflictError(`Labor type ${found.id} ("${found.name}") is inactive.`, field);
    return found;
  };
  if (input.defaultLaborTypeId != null) client.defaultLaborTypeId = (await type(input.defaultLaborTypeId, 'defaultLaborTypeId')).id;
  if (input.afterHoursLaborTypeId != null) {
    const afterHours = await type(input.afterHoursLaborTypeId, 'afterHoursLaborTypeId');
    if (!afterHours.afterHours)
      throw new BadInputError('afterHoursLaborTypeId', `labor type ${afterHours.id} ("${afterHours.name}") is not an after-hours type`);
    client.afterHoursLaborTypeId = afterHours.id;
  }
  if (input.afterHoursPolicy != null) client.afterHoursPolicy = input.afterHoursPolicy;
  if (client.afterHoursPolicy === AfterHoursPolicy.AFTER_HOURS_LABOR_TYPE && client.afterHoursLaborTypeId == null) {
    throw new BadInputError('afterHoursLaborTypeId', 'the AFTER_HOURS_LABOR_TYPE policy needs the after-hours labor type to bill with');
  }
}

export function createClient(scope: Scope, input: CreateClient): Promise<Client> {
  const name = input.name.trim();
  const slug = input.slug ?? slugify(name);
  if (!slug) throw new BadInputError('slug', 'could not be derived from the name; give one such as "acme-corp"');
  return idempotentWrite(scope, 'createClient', input, Client, async (manager) => {
    await assertUnique(manager, 'name', name);
    await assertUnique(manager, 'slug', slug);
    const at = now();
    const client = manager.create(Client, {
      name,
      slug,
      hourlyRateCents: input.hourlyRateCents ?? 0,
      active: input.active ?? true,
      timeZone: DEFAULT_TIME_ZONE,
      businessHoursStart: '09:00',
      businessHoursEnd: '17:00',
      businessDays: '1,2,3,4,5',
      afterHoursPolicy: AfterHoursPolicy.NONE,
      defaultLaborTypeId: null,
      afterHoursLaborTypeId: null,
      prepaidAlertPercent: 20,
      createdAt: at,
      updatedAt: at,
    });
    await applyBillingSettings(manager, client, input);
    return manager.save(client);
  });
}

export function updateClient(scope: Scope, input: UpdateClient): Promise<Client> {
  return scope.db.transaction(scope, async (manager) => {
    const client = await findOrFail(manager, Client, input.id, 'id', true);
    if (input.name != null) {
      client.name = input.name.trim();
      await assertUnique(manager, 'name', client.name, client.id);
    }
    if (input.slug != null) {
      client.slug = input.slug;
      await assertUnique(manager, 'slug', client.slug, client.id);
    }
    if (input.hourlyRateCents != null) client.hourlyRateCents = input.hourlyRateCents;
    if (input.active != null) client.active = input.active;
    await applyBillingSettings(manager, client, input);
    client.updatedAt = now();
    return manager.save(client);
  });
}
