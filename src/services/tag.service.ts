import { EntityManager, In } from 'typeorm';
import { now } from '../../entities/columns';
import { Tag } from '../../entities/tag.entity';
import { BadInputError } from '../errors';

const TAG_NAME = /^[a-z0-9][a-z0-9._-]{0,49}$/;

/** "  VPN Setup " → "vpn-setup"; duplicates removed. */
export function normalizeTags(names: string[], field: string): string[] {
  const normalized = names.map((n) => n.trim().toLowerCase().replace(/\s+/g, '-'));
  const bad = normalized.find((n) => !TAG_NAME.test(n));
  if (bad !== undefined) throw new BadInputError(field, `"${bad}" is not a tag name: use letters, digits, ".", "_" or "-", starting with a letter or digit`);
  return [...new Set(normalized)];
}

/** The tags with these names, creating the missing ones (INSERT IGNORE, so concurrent writers do not collide). */
export async function ensureTags(manager: EntityManager, names: string[]): Promise<Tag[]> {
  if (!names.length) return [];
  const createdAt = now();
  await manager
    .createQueryBuilder()
    .insert()
    .into(Tag)
    .values(names.map((name) => ({ name, createdAt })))
    .orIgnore()
    .execute();
  return manager.findBy(Tag, { name: In(names) });
}

/** Links tags to an owner through its junction table, ignoring links that already exist. */
export async function linkTags<J>(manager: EntityManager, junction: new () => J, links: Partial<J>[]): Promise<void> {
  if (!links.length) return;
  await manager.createQueryBuilder().insert().into(junction).values(links as never).orIgnore().execute();
}
