import { EntityManager } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import type { ClientFilter, CreateClientInput, UpdateClientInput } from '../../resolvers/client.inputs';
import type { Scope } from '../context';
import { Database } from '../database/database';
import { BadInputError, ConflictError, NotFoundError } from '../errors';
import { Filter } from '../pagination/list-query';
import { SortOrder } from '../pagination/sort-order';
import { likeContains, likeSql, slugify } from './text';
import { idempotentWrite } from './idempotency';
import { findOrFail } from './find-or-fail';

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

export function createClient(scope: Scope, input: CreateClientInput): Promise<Client> {
  const name = input.name.trim();
  const slug = input.slug ?? slugify(name);
  if (!slug) throw new BadInputError('slug', 'could not be derived from the name; give one such as "acme-corp"');
  return idempotentWrite(scope, 'createClient', input, Client, async (manager) => {
    await assertUnique(manager, 'name', name);
    await assertUnique(manager, 'slug', slug);
    const at = now();
    return manager.save(
      manager.create(Client, { name, slug, hourlyRateCents: input.hourlyRateCents ?? 0, active: input.active ?? true, createdAt: at, updatedAt: at }),
    );
  });
}

export function updateClient(scope: Scope, input: UpdateClientInput): Promise<Client> {
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
    client.updatedAt = now();
    return manager.save(client);
  });
}
