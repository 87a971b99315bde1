import { DataSource } from 'typeorm';

/**
 * SQL that would bring the database in line with the entities. Empty means the migrations
 * already applied produce exactly what the entities describe.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
