import { randomUUID } from 'node:crypto';
import { Database } from './database/database';
import { createLoaders, Loaders } from './loaders';

/** Who is calling. Authentication (JWT, agent tokens) fills it; until then every caller is anonymous. */
export interface Viewer {
  userId: number;
  scopes: string[];
}

/** Everything one GraphQL request may use; a new one per request. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database, requestId: string = randomUUID()): Context {
  return { requestId, viewer: null, db, loaders: createLoaders(db) };
}
