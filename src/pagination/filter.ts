import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Adds a list's WHERE conditions to a query on `alias`. */
export type Filter = (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => void;

export const noFilter: Filter = () => undefined;
