import { EntityManager, In } from 'typeorm';
import { now } from '../../entities/columns';
import { Tag, TAG_NAME } from '../../entities/tag.entity';
import { BadInputError } from '../core/errors';

/** "  VPN Setup " → "vpn-setup"; duplicates removed. */
export function normalizeTags(names: string[], field: string): string[] {
  const normalized = names.map((n) => n.trim().toLowerCase().replace(/\s+/g, '-'));
  const bad = normalized.find((n) => !TAG_NAME.test(n));
  if (bad !== undefined)
    throw new BadInputError(field, `"${bad}" is not a tag name: use letters, digits, ".", "_" or "-", starting with a letter or digit`);
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
