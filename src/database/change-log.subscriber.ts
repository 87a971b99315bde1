import { EntityMetadata, EntitySubscriberInterface, EventSubscriber, InsertEvent, ObjectLiteral, UpdateEvent } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { auditedEntities } from '../../entities/audited';
import { ChangeAction, ChangeLogEntry } from '../../entities/change-log-entry.entity';
import { now } from '../../entities/columns';
import { originOf } from './database';

const SECRET_COLUMN = /secret|password|cipher|token|auth_?tag|^iv$/i;

/** Every column value of a row, secrets replaced, dates as ISO strings. */
function snapshot(metadata: EntityMetadata, row: ObjectLiteral): Record<string, unknown> {
  return Object.fromEntries(
    metadata.columns.map((column) => {
      const value = column.getEntityValue(row);
      if (SECRET_COLUMN.test(column.propertyName)) return [column.propertyName, value == null ? null : '[redacted]'];
      return [column.propertyName, value instanceof Date ? value.toISOString() : (value ?? null)];
    }),
  );
}

function updateAction(before: Record<string, unknown> | null, after: Record<string, unknown>): ChangeAction {
  if (before && !before.archivedAt && after.archivedAt) return ChangeAction.ARCHIVE;
  if (before && !before.billedAt && after.billedAt) return ChangeAction.BILL;
  if (before?.billedAt && !after.billedAt) return ChangeAction.UNLOCK;
  if (before?.postedAt && !after.postedAt) return ChangeAction.UNLOCK;
  return ChangeAction.UPDATE;
}

/**
 * Writes a change_log row for every insert and update of an @Audited entity, in the same transaction
 * as the write. A write outside Database.transaction (no origin) is refused: nothing changes unlogged.
 */
@EventSubscriber()
export class ChangeLogSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await this.record(event, null, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (event.entity) await this.record(event, event.databaseEntity ?? null, event.entity as ObjectLiteral);
  }

  private async record(
    event: InsertEvent<ObjectLiteral> | UpdateEvent<ObjectLiteral>,
    beforeRow: ObjectLiteral | null,
    afterRow: ObjectLiteral,
  ) {
    const objectType = auditedEntities.get(event.metadata.target as Function);
    if (!objectType) return;
    const origin = originOf(event.queryRunner);
    if (!origin) throw new Error(`${objectType} written outside Database.transaction: the change log needs an origin`);
    const before = beforeRow ? snapshot(event.metadata, beforeRow) : null;
    const after = snapshot(event.metadata, afterRow);
    if (after.id == null) throw new Error(`${objectType} changed by a query-builder update: use save() so the change log knows which row`);
    const entry: Omit<ChangeLogEntry, 'id' | 'changedFields'> = {
      objectType,
      objectId: after.id as number,
      action: before ? updateAction(before, after) : ChangeAction.CREATE,
      before,
      after,
      reason: origin.reason ?? null,
      requestId: origin.requestId,
      actor: origin.actor,
      createdAt: now(),
    };
    await event.manager.insert(ChangeLogEntry, entry as QueryDeepPartialEntity<ChangeLogEntry>);
  }
}
