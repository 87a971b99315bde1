import { EntitySubscriberInterface, EventSubscriber, InsertEvent, ObjectLiteral, UpdateEvent } from 'typeorm';
import { changesSearchText, indexRecord, isSearchable } from '../knowledge/search-index';

/** Keeps search_documents in step with every insert of a searchable record and every change to its text, in the same transaction. */
@EventSubscriber()
export class SearchIndexSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    if (isSearchable(event.metadata.target as Function)) await indexRecord(event.manager, event.metadata.target as Function, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const target = event.metadata.target as Function;
    if (
      !event.entity ||
      !changesSearchText(
        target,
        event.updatedColumns.map((c) => c.propertyName),
      )
    )
      return;
    await indexRecord(event.manager, target, event.entity);
  }
}
