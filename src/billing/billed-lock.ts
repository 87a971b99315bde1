import { LockedError } from '../core/errors';

/** Fields given in an input whose value differs from the row's. */
export function changedFields<R extends object>(row: R, input: Partial<R>, fields: (keyof R & string)[]): (keyof R & string)[] {
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  return fields.filter((f) => input[f] !== undefined && input[f] !== null && !same(input[f], row[f]));
}

/** Refuses a change to locked fields of a billed (or PSA-posted) row; other fields (title, notes) stay editable. */
export function assertNotBilled(
  type: string,
  row: { id: number; billedAt: Date | null; postedAt?: Date | null },
  changing: string[],
): void {
  if ((row.billedAt || row.postedAt) && changing.length) throw new LockedError(type, row.id, changing);
}
