import { ChangeLogEntry } from '../../entities/change-log-entry.entity';
import { SortOrder } from '../pagination/sort-order';
import { Filter } from '../pagination/filter';

/** Oldest first: the history reads as it happened. */
export const CHANGE_ORDER: SortOrder<ChangeLogEntry> = { key: 'id', direction: 'ASC' };

export const changeFilter =
  (objectType: string | undefined): Filter =>
  (qb, a) => {
    if (objectType) qb.andWhere(`${a}.objectType = :objectType`, { objectType });
  };
