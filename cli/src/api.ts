import { createMspClient, MspApiError, type MspClient } from '@msp-tracker/sdk';
import { CliConfig, connection, readConfig, updateConfig } from './config';
import { CliError, EXIT, exitCodeFor } from './output';

/** The SDK client for the configured service; new token pairs from a refresh are stored at once. */
export function apiClient(config: CliConfig = readConfig()): MspClient {
  const { url, token, fromEnvironment } = connection(config);
  if (!url)
    throw new CliError('Not logged in: run `msp login --url URL --email E`, or set MSP_API_URL and MSP_TOKEN.', EXIT.auth, 'NOT_LOGGED_IN');
  return createMspClient({
    url,
    ...(token ? { token } : {}),
    // an agent's MSP_TOKEN is its own; only the technician's login is refreshed and stored
    ...(!fromEnvironment && config.refreshToken
      ? {
          refreshToken: config.refreshToken,
          onTokens: (pair: { accessToken: string; refreshToken: string }) =>
            void updateConfig((c) => ({ ...c, accessToken: pair.accessToken, refreshToken: pair.refreshToken })),
        }
      : {}),
  });
}

/** True when the service could not be reached at all (the write may go to the offline queue). */
export const isUnreachable = (error: unknown): boolean =>
  error instanceof MspApiError && (error.code === 'SERVICE_UNREACHABLE' || error.code === 'TIMEOUT');

/** The API's refusal as a one-line CLI error with the exit code its code means. */
export function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof MspApiError) {
    const message = error.errors.map((e) => e.message).join('; ');
    const hint = error.code === 'UNAUTHENTICATED' && !process.env.MSP_TOKEN ? ' (msp login logs in again)' : '';
    return new CliError(message + hint, exitCodeFor(error.code), error.code);
  }
  return new CliError(error instanceof Error ? error.message : String(error));
}
