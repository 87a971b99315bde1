import { BadInputError } from '../core/errors';

/** Where a cursor points: which list order it belongs to, the sort key's value and the row id. */
export interface CursorPosition {
  list: string;
  key: string | number;
  id: number;
}

export const encodeCursor = (position: CursorPosition): string =>
  Buffer.from(JSON.stringify([position.list, position.key, position.id])).toString('base64url');

const invalid = () =>
  new BadInputError('after', 'is not a cursor from this list; pass an edge cursor or pageInfo.endCursor you received from the same field.');

/** Decodes a cursor and checks that it belongs to `list` and holds values of the right types. */
export function decodeCursor(cursor: string, list: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [cursorList, key, id] = parsed as unknown[];
  const keyOk = (typeof key === 'string' && key.length <= 300) || (typeof key === 'number' && Number.isFinite(key));
  if (cursorList !== list || !keyOk || !Number.isSafeInteger(id) || (id as number) < 1) throw invalid();
  return { list, key: key as string | number, id: id as number };
}
