import DataLoader from 'dataloader';
import { EntityTarget, In } from 'typeorm';
import { Tag } from '../../entities/tag.entity';
import { Database } from '../database/database';

/** Tags of many objects through a junction table (session_tags, work_item_tags) in one joined statement. */
export function tagsLoader<J extends { tag?: Tag }>(db: Database, junction: EntityTarget<J>, ownerKey: keyof J & string) {
  return new DataLoader<number, Tag[]>(async (ownerIds) => {
    const links = await db.manager.getRepository(junction).find({
      where: { [ownerKey]: In([...ownerIds]) } as never,
      relations: { tag: true } as never,
      order: { tag: { name: 'ASC' } } as never,
    });
    const byOwner = new Map<number, Tag[]>();
    for (const link of links) {
      const ownerId = link[ownerKey] as unknown as number;
      byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), link.tag!]);
    }
    return ownerIds.map((id) => byOwner.get(id) ?? []);
  });
}
