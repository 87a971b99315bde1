import DataLoader from 'dataloader';
import { EntityMetadata, EntityTarget, LoadEvent, ObjectLiteral } from 'typeorm';
import { Database } from '../database/database';
import { Page, PageArgs, toPage } from '../pagination/connection';
import { applyAfter, applyOrder, columnSql, orderSql, SortOrder } from '../pagination/sort-order';
import { Filter, noFilter } from '../pagination/filter';

/** A list that hangs off a parent row, such as a project's sessions. */
export interface ChildListSpec<T, F> {
  entity: EntityTarget<T>;
  /** Property holding the parent's id, for example `projectId`. */
  parentKey: keyof T & string;
  order: SortOrder<T>;
  /** Turns the GraphQL filter argument into WHERE conditions. */
  filter: (filter: F | undefined) => Filter;
  /**
   * Long text columns read only when the query selects the field of the same name (a session's summary):
   * no field resolver of the type may read them otherwise.
   */
  heavy?: (keyof T & string)[];
}

/** A child list of `entity` under the parent whose id is in `parentKey`; a module-level constant, so one loader per request. */
export const childListSpec = <T extends { id: number }>(
  entity: new () => T,
  parentKey: keyof T & string,
  order: SortOrder<T>,
  filter: Filter = noFilter,
): ChildListSpec<T, undefined> => ({
  entity,
  parentKey,
  order,
  filter: () => filter,
});

export interface ChildPageKey<F> {
  parentId: number;
  args: PageArgs;
  filter?: F;
  /** Heavy columns the query does not select, left unread. */
  skip?: string[];
}

/** Keys grouped by a signature; loaders answer each group with one statement. */
export function groupBy<K>(keys: readonly K[], signature: (key: K) => string): Map<string, K[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) groups.set(signature(key), [...(groups.get(signature(key)) ?? []), key]);
  return groups;
}

/** Everything in a key but the parent: keys that share it share a statement. */
const argumentsOf = <K extends { parentId: number }>({ parentId, ...rest }: K) => (void parentId, JSON.stringify(rest));
const groupByArguments = <K extends { parentId: number }>(keys: readonly K[]) => groupBy(keys, argumentsOf);

const unique = (ids: number[]) => [...new Set(ids)];

/** Tells the entity subscribers that listen to loads about rows read without TypeORM's hydration, as it would. */
function announceLoaded(db: Database, metadata: EntityMetadata, rows: ObjectLiteral[]): void {
  for (const subscriber of db.dataSource.subscribers) {
    if (!subscriber.afterLoad) continue;
    const target = subscriber.listenTo?.();
    if (
      target &&
      !(metadata.target instanceof Function && (metadata.target === target || metadata.target.prototype instanceof (target as Function)))
    )
      continue;
    for (const row of rows)
      void subscriber.afterLoad(row, { connection: db.dataSource, manager: db.manager, metadata } as LoadEvent<ObjectLiteral>);
  }
}

/**
 * Per-parent pages in one statement per argument set: ROW_NUMBER() partitioned by parent limits
 * each parent to `first + 1` rows inside the database, so a parent with 10,000 children costs
 * no more than one with 20.
 */
export function childPageLoader<T extends ObjectLiteral & { id: number }, F>(db: Database, spec: ChildListSpec<T, F>) {
  const repository = () => db.manager.getRepository(spec.entity);

  async function loadGroup(keys: ChildPageKey<F>[]): Promise<Map<number, T[]>> {
    const { args, filter, skip = [] } = keys[0];
    const ranked = repository().createQueryBuilder('x');
    const parentColumn = columnSql(ranked, 'x', spec.parentKey);
    ranked
      .select(columnSql(ranked, 'x', 'id'), 'id')
      .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${parentColumn} ORDER BY ${orderSql(ranked, 'x', spec.order)})`, 'rn')
      .where(`${parentColumn} IN (:...parentIds)`, { parentIds: unique(keys.map((k) => k.parentId)) });
    spec.filter(filter)(ranked, 'x');
    applyAfter(ranked, 'x', spec.order, args.after);

    const outer = repository()
      .createQueryBuilder('t')
      .innerJoin(`(${ranked.getQuery()})`, 'r', 'r.id = t.id AND r.rn <= :limit')
      .setParameters({ ...ranked.getParameters(), limit: args.first + 1 });
    const metadata = outer.expressionMap.mainAlias!.metadata;
    const columns = metadata.columns.filter((c) => !skip.includes(c.propertyName));
    outer.select(columns.map((c) => `t.${c.propertyPath}`));
    applyOrder(outer, 't', spec.order);
    // plain rows with the entity's prototype (its methods and name, for cursors), converted as TypeORM would: no hydration
    const driver = db.dataSource.driver;
    const prototype = metadata.target instanceof Function ? metadata.target.prototype : Object.prototype;
    const aliases = columns.map((c) => `t_${c.databaseName}`);
    const rows: T[] = (await outer.getRawMany()).map((raw: Record<string, unknown>) => {
      const row = Object.create(prototype) as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) row[columns[i].propertyName] = driver.prepareHydratedValue(raw[aliases[i]], columns[i]);
      return row as T;
    });
    announceLoaded(db, metadata, rows);

    const byParent = new Map<number, T[]>();
    for (const row of rows) {
      const parentId = row[spec.parentKey] as number;
      const list = byParent.get(parentId);
      if (list) list.push(row);
      else byParent.set(parentId, [row]);
    }
    return byParent;
  }

  return new DataLoader<ChildPageKey<F>, Page<T>, string>(
    async (keys) => {
      const pages = new Map<ChildPageKey<F>, Page<T>>();
      for (const group of groupByArguments(keys).values()) {
        const byParent = await loadGroup(group);
        for (const key of group) pages.set(key, toPage(byParent.get(key.parentId) ?? [], key.args, spec.order));
      }
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}

/** A child list's loaders: its pages and its per-parent totals. */
export interface ChildList<T extends ObjectLiteral & { id: number }, F> {
  page: ReturnType<typeof childPageLoader<T, F>>;
  count: ReturnType<typeof childCountLoader<T, F>>;
  /** The spec's heavy columns (read only when selected). */
  heavy: string[];
}

export const childList = <T extends ObjectLiteral & { id: number }, F>(db: Database, spec: ChildListSpec<T, F>): ChildList<T, F> => ({
  page: childPageLoader(db, spec),
  count: childCountLoader(db, spec),
  heavy: spec.heavy ?? [],
});

/** Per-parent totals for `totalCount`: one grouped COUNT per filter, only when a query selects it. */
export function childCountLoader<T extends ObjectLiteral, F>(db: Database, spec: ChildListSpec<T, F>) {
  return new DataLoader<Omit<ChildPageKey<F>, 'args'>, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      for (const [signature, group] of groupByArguments(keys)) {
        const qb = db.manager.getRepository(spec.entity).createQueryBuilder('x');
        const parentColumn = columnSql(qb, 'x', spec.parentKey);
        qb.select(parentColumn, 'parentId')
          .addSelect('COUNT(*)', 'total')
          .where(`${parentColumn} IN (:...parentIds)`, { parentIds: unique(group.map((k) => k.parentId)) })
          .groupBy(parentColumn);
        spec.filter(group[0].filter)(qb, 'x');
        for (const row of await qb.getRawMany<{ parentId: number; total: number | string }>()) {
          counts.set(`${signature}#${row.parentId}`, Number(row.total));
        }
      }
      return keys.map((key) => counts.get(`${argumentsOf(key)}#${key.parentId}`) ?? 0);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}
