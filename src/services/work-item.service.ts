import { now } from '../../entities/columns';
import { WorkItemTag } from '../../entities/work-item-tag.entity';
import { WorkItem } from '../../entities/work-item.entity';
import type { LogWorkItemInput } from '../../resolvers/work-item.inputs';
import { Database } from '../database/database';
import { SortOrder } from '../pagination/sort-order';
import { getSession } from './session.service';
import { ensureTags, linkTags, normalizeTags } from './tag.service';

export const WORK_ITEM_ORDER: SortOrder<WorkItem> = { key: 'createdAt', direction: 'ASC' };

export function logWorkItem(db: Database, input: LogWorkItemInput): Promise<WorkItem> {
  const names = normalizeTags(input.tags ?? [], 'tags');
  return db.transaction(async (manager) => {
    const session = await getSession(manager, Number(input.sessionId), 'sessionId');
    const item = await manager.save(
      manager.create(WorkItem, {
        sessionId: session.id,
        category: input.category,
        description: input.description.trim(),
        minutes: input.minutes,
        billable: input.billable ?? session.billable,
        createdAt: now(),
      }),
    );
    const tags = await ensureTags(manager, names);
    await linkTags(manager, WorkItemTag, tags.map((tag) => ({ workItemId: item.id, tagId: tag.id })));
    return item;
  });
}
