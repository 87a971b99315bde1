import { now } from '../../entities/columns';
import { Session } from '../../entities/session.entity';
import { WorkItemTag } from '../../entities/work-item-tag.entity';
import { WorkCategory, WorkItem } from '../../entities/work-item.entity';
import { categorizeWork } from './categorizer';
import type { LogWorkItemInput, UpdateWorkItemInput } from '../../resolvers/work-item.inputs';
import type { Scope } from '../context';
import { SortOrder } from '../pagination/sort-order';
import { assertNotBilled, changedFields } from './billed-lock';
import { ensureTags, normalizeTags } from './tag.service';
import { insertLinks } from './record.service';
import { idempotentWrite } from './idempotency';
import { findOrFail } from './find-or-fail';
import { assertSessionOpen } from './session-open';

export const WORK_ITEM_ORDER: SortOrder<WorkItem> = { key: 'createdAt', direction: 'ASC' };

/** As many tags as an input may give. */
const MAX_TAGS = 20;

/** The category given, or the one the categoriser finds in the description, whose tags then join the given ones. */
function categoryAndTags(input: LogWorkItemInput): { category: WorkCategory; tags: string[] } {
  const given = normalizeTags(input.tags ?? [], 'tags');
  if (input.category) return { category: input.category, tags: given };
  const found = categorizeWork(input.description);
  return { category: found.category, tags: [...new Set([...given, ...found.tags])].slice(0, MAX_TAGS) };
}

export function logWorkItem(scope: Scope, input: LogWorkItemInput): Promise<WorkItem> {
  const { category, tags: names } = categoryAndTags(input);
  return idempotentWrite(scope, 'logWorkItem', input, WorkItem, async (manager) => {
    const session = await findOrFail(manager, Session, input.sessionId!, 'sessionId', true);
    assertNotBilled('Session', session, ['work items']);
    assertSessionOpen(session, 'work items');
    const item = await manager.save(
      manager.create(WorkItem, {
        sessionId: session.id,
        category,
        description: input.description.trim(),
        minutes: input.minutes,
        billable: input.billable ?? session.billable,
        createdAt: now(),
      }),
    );
    const tags = await ensureTags(manager, names);
    await insertLinks(manager, WorkItemTag, tags.map((tag) => ({ workItemId: item.id, tagId: tag.id })));
    return item;
  });
}

export function updateWorkItem(scope: Scope, input: UpdateWorkItemInput): Promise<WorkItem> {
  return scope.db.transaction(scope, async (manager) => {
    const item = await findOrFail(manager, WorkItem, input.id, 'id', true);
    assertNotBilled('WorkItem', item, changedFields(item, { minutes: input.minutes, billable: input.billable }, ['minutes', 'billable']));
    if (input.category != null) item.category = input.category;
    if (input.description != null) item.description = input.description.trim();
    if (input.minutes != null) item.minutes = input.minutes;
    if (input.billable != null) item.billable = input.billable;
    return manager.save(item);
  });
}
