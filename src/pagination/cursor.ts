import { BadInputError } from '../errors';

/** Values of the sort key and the id of the last row seen; opaque to clients. */
export type CursorValues = (string | number | null)[];

export const encodeCursor = (values: CursorValues): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor(cursor: string, expectedLength: number): CursorValues {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === expectedLength) return values as CursorValues;
  } catch {
    // fall through to the error below
  }
  throw new BadInputError('after', 'is not a cursor from this list; pass an edge cursor or pageInfo.endCursor you received.');
}
