import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { isCountedApart } from '../../src/database/statement-counter';

/** Counts entities TypeORM builds from the operations' query results (not token checks): rows the database returned to the app. */
class LoadedRowCounter implements EntitySubscriberInterface {
  count = 0;

  afterLoad(): void {
    if (!isCountedApart()) this.count += 1;
  }
}

export function countLoadedRows(dataSource: DataSource): LoadedRowCounter {
  const counter = new LoadedRowCounter();
  dataSource.subscribers.push(counter);
  return counter;
}
