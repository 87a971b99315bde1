import { now } from '../../entities/columns';
import { Session } from '../../entities/session.entity';
import { WorkItemTag } from '../../entities/work-item-tag.entity';
import { WorkCategory, WorkItem } from '../../entities/work-item.entity';
import { categorizeWork } from '../knowledge/categorizer';
import { SortOrder } from '../pagination/sort-order';
import { assertNotBilled, changedFields } from '../billing/billed-lock';
import { ensureTags, normalizeTags } from './tag.service';
import { insertLinks } from '../kit/record.service';
import { idempotentWrite } from '../kit/idempotency';
import { findOrFail } from '../kit/find-or-fail';
import { assertSessionOpen } from './session-open';
import { EntityManager } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { applyRules, loadRules, Rules } from '../billing/billing-apply';
import { drawPrepaid } from '../billing/prepaid.service';
import { assertNotInFuture } from './time-rules';
import type { LogWorkItem, UpdateWorkItem } from './work-item.commands';
import type { Scope } from '../kit/scope';

export const WORK_ITEM_ORDER: SortOrder<WorkItem> = { key: 'createdAt', direction: 'ASC' };

/** As many tags as an input may give. */
const MAX_TAGS = 20;

/** The category given, or the one the categoriser finds in the description, whose tags then join the given ones. */
function categoryAndTags(input: LogWorkItem): { category: WorkCategory; tags: string[] } {
  const given = normalizeTags(input.tags ?? [], 'tags');
  if (input.category) return { category: input.category, tags: given };
  const found = categorizeWork(input.description);
  return { category: found.category, tags: [...new Set([...given, ...found.tags])].slice(0, MAX_TAGS) };
}

/** A labor type asked for by id: it must exist and be active. */
function requestedLaborType(rules: Rules, id: string | undefined, field: string): number | null {
  if (id == null) return null;
  const type = rules.types.get(Number(id));
  if (!type) throw new NotFoundError('LaborType', id, field);
  if (!type.active) throw new ConflictError(`Labor type ${type.id} ("${type.name}") is inactive; choose an active one.`, field);
  return type.id;
}

/** When the work started: given (inside the session, not in the future), else `minutes` before it was logged, but not before the session. */
function workStart(session: Session, given: Date | undefined, minutes: number, at: Date): Date {
  if (given) {
    assertNotInFuture(given, 'startedAt', at);
    if (given.getTime() < session.startedAt.getTime()) {
      throw new BadInputError('startedAt', `${given.toISOString()} is before the session started (${session.startedAt.toISOString()})`);
    }
    return given;
  }
  return new Date(Math.max(session.startedAt.getTime(), at.getTime() - minutes * 60_000));
}

const clientOf = (manager: EntityManager, session: Session): Promise<Client | null> =>
  session.clientId ? manager.findOneBy(Client, { id: session.clientId }) : Promise.resolve(null);

export function logWorkItem(scope: Scope, input: LogWorkItem): Promise<WorkItem> {
  const { category, tags: names } = categoryAndTags(input);
  return idempotentWrite(scope, 'logWorkItem', input, WorkItem, async (manager) => {
    const session = await findOrFail(manager, Session, input.sessionId!, 'sessionId', true);
    assertNotBilled('Session', session, ['work items']);
    assertSessionOpen(session, 'work items');
    const at = now();
    const rules = await loadRules(manager);
    const draft = manager.create(WorkItem, {
      sessionId: session.id,
      category,
      description: input.description.trim(),
      minutes: input.minutes,
      billable: input.billable ?? session.billable,
      startedAt: workStart(session, input.startedAt, input.minutes, at),
      requestedLaborTypeId: requestedLaborType(rules, input.laborTypeId, 'laborTypeId'),
      technicianId: scope.userId ?? null,
      prepaidCentiminutes: 0,
      createdAt: at,
    });
    applyRules(draft, await clientOf(manager, session), rules);
    const item = await manager.save(draft);
    const tags = await ensureTags(manager, names);
    await insertLinks(
      manager,
      WorkItemTag,
      tags.map((tag) => ({ workItemId: item.id, tagId: tag.id })),
    );
    return item;
  });
}

/**
 * Changes a work item. Minutes, billable flag, labor type and start are locked while it is billed;
 * changing them on unlocked work applies the current rules to it, and an item of an ended session
 * draws its prepaid hours again.
 */
export function updateWorkItem(scope: Scope, input: UpdateWorkItem): Promise<WorkItem> {
  return scope.db.transaction(scope, async (manager) => {
    const item = await findOrFail(manager, WorkItem, input.id, 'id', true);
    const changes = {
      minutes: input.minutes,
      billable: input.billable,
      requestedLaborTypeId: input.laborTypeId != null ? Number(input.laborTypeId) : undefined,
      startedAt: input.startedAt,
    } as Partial<WorkItem>;
    const billing = changedFields(item, changes, ['minutes', 'billable', 'requestedLaborTypeId', 'startedAt']);
    assertNotBilled('WorkItem', item, billing);
    if (input.category != null) item.category = input.category;
    if (input.description != null) item.description = input.description.trim();
    if (!billing.length) return manager.save(item);

    const session = await findOrFail(manager, Session, item.sessionId, 'id');
    const rules = await loadRules(manager);
    if (input.minutes != null) item.minutes = input.minutes;
    if (input.billable != null) item.billable = input.billable;
    if (input.laborTypeId != null) item.requestedLaborTypeId = requestedLaborType(rules, input.laborTypeId, 'laborTypeId');
    if (input.startedAt != null) item.startedAt = workStart(session, input.startedAt, item.minutes, now());
    applyRules(item, await clientOf(manager, session), rules);
    const saved = await manager.save(item);
    if (session.endedAt && session.clientId)
      await drawPrepaid(manager, session.clientId, [{ item: saved, workStartedAt: session.startedAt }]);
    return saved;
  });
}
