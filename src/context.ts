import { randomUUID } from 'node:crypto';
import { ChangeOrigin, Database } from './database/database';
import { createLoaders, Loaders } from './loaders';

/** Who is calling. Authentication (JWT, agent tokens) fills it; until then every caller is anonymous. */
export interface Viewer {
  userId: number;
  scopes: string[];
}

/** What a service needs to write: the database and who is writing. */
export interface Scope extends ChangeOrigin {
  db: Database;
}

/** Everything one GraphQL request may use; a new one per request. */
export interface Context extends Scope {
  viewer: Viewer | null;
  loaders: Loaders;
}

export const actorOf = (viewer: Viewer | null): string => (viewer ? `user:${viewer.userId}` : 'anonymous');

export function createContext(db: Database, requestId: string = randomUUID()): Context {
  const viewer = null;
  return { requestId, viewer, actor: actorOf(viewer), db, loaders: createLoaders(db) };
}

/** A scope for work no request started (seed, maintenance scripts). */
export const systemScope = (db: Database, name: string): Scope => ({ db, requestId: `${name}:${randomUUID()}`, actor: `system:${name}` });
