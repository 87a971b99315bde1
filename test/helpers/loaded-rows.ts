import { DataSource, EntitySubscriberInterface } from 'typeorm';

/** Counts entities TypeORM builds from query results: rows the database actually returned to the app. */
class LoadedRowCounter implements EntitySubscriberInterface {
  count = 0;

  afterLoad(): void {
    this.count += 1;
  }
}

export function countLoadedRows(dataSource: DataSource): LoadedRowCounter {
  const counter = new LoadedRowCounter();
  dataSource.subscribers.push(counter);
  return counter;
}
