import { BadInputError } from '../../src/core/errors';

/** The BadInputError's field, failing the test when something else (or nothing) is thrown. */
export function refusedField(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return (error as BadInputError).details.field;
  }
  throw new Error('expected a BadInputError, but nothing was thrown');
}
