import { BadInputError } from '../core/errors';

/** Clocks of agents and server differ a little; a minute ahead still counts as "now". */
export const CLOCK_SKEW_MS = 60_000;

export function assertNotInFuture(at: Date, field: string, reference: Date): void {
  if (Number.isNaN(at.getTime())) throw new BadInputError(field, 'is not a valid date-time');
  if (at.getTime() > reference.getTime() + CLOCK_SKEW_MS) {
    throw new BadInputError(
      field,
      `${at.toISOString()} is in the future; give the time the work actually happened (UTC now is ${reference.toISOString()})`,
    );
  }
}

export function assertAfter(later: Date, earlier: Date, field: string, earlierName: string): void {
  if (later.getTime() <= earlier.getTime()) {
    throw new BadInputError(field, `${later.toISOString()} is not after ${earlierName} ${earlier.toISOString()}`);
  }
}
