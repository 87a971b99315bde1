import { EntitySubscriberInterface, EventSubscriber, InsertEvent, ObjectLiteral, UpdateEvent } from 'typeorm';
import { indexRecord, isSearchable } from '../services/search-index';

/** Keeps search_documents in step with every insert and update of a searchable record, in the same transaction. */
@EventSubscriber()
export class SearchIndexSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    if (isSearchable(event.metadata.target as Function)) await indexRecord(event.manager, event.metadata.target as Function, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (event.entity && isSearchable(event.metadata.target as Function)) await indexRecord(event.manager, event.metadata.target as Function, event.entity);
  }
}
