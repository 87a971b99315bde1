import { ConfigError } from '../config';
import { EXIT, OperationError } from './operation-error';

export const usageError = (message: string) => new OperationError(message, EXIT.usage);

/** Runs an operator command: a known failure prints its message alone and exits with its code; anything else prints the error and exits 1. */
export function runOperatorCommand(command: () => Promise<void>, usage: string): void {
  command().then(
    () => process.exit(EXIT.ok),
    (error: unknown) => {
      if (error instanceof OperationError) {
        console.error(error.message);
        process.exit(error.exitCode);
      }
      // node:util parseArgs: an unknown option or a missing value
      if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        console.error(`${(error as Error).message}\n${usage}`);
        process.exit(EXIT.usage);
      }
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(EXIT.usage);
      }
      console.error(error);
      process.exit(EXIT.failed);
    },
  );
}
