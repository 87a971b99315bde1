import type { DocumentNode } from 'graphql';
import { getSdk, RefreshTokenDocument, type RefreshTokenMutation, type RefreshTokenMutationVariables } from './generated/graphql.ts';
import { operationInfo, withIdempotencyKeys } from './operation.ts';
import { withRetries } from './retry.ts';
import { type MspTokens, saysExpired, TokenKeeper } from './tokens.ts';
import { type Attempt, post } from './transport.ts';

export interface MspClientOptions {
  /** The GraphQL endpoint, for example http://localhost:4000/graphql. */
  url: string;
  /** Access token (Bearer): a login's, or an agent token. */
  token?: string | undefined;
  /** The login's refresh token: with it the client refreshes the access token before it expires. */
  refreshToken?: string | undefined;
  /** Called with every new pair after a refresh, for the caller to store (the old refresh token no longer works). */
  onTokens?: ((tokens: MspTokens) => void | Promise<void>) | undefined;
  /** Extra headers on every call. */
  headers?: Record<string, string> | undefined;
  /** fetch to use; the global one by default. */
  fetch?: typeof fetch | undefined;
  /** How long one attempt may take, answer included; 30 000 ms by default. */
  timeoutMs?: number | undefined;
  /** How often a call that is safe to repeat is retried after no answer, 5xx or 429; 3 by default, 0 never. */
  retries?: number | undefined;
  /** `x-request-id` of the calls: one id for all of them, or a function making one per call; a random UUID per call by default. */
  requestId?: string | (() => string) | undefined;
}

/** Per call, as the last argument of any operation: `client.Me({}, { requestId })`. */
export interface MspCallOptions {
  /** `x-request-id` of this call (and its retries). */
  requestId?: string | undefined;
  timeoutMs?: number | undefined;
}

/** One typed method per operation in sdk/operations, each taking MspCallOptions last. */
export type MspClient = ReturnType<typeof getSdk<MspCallOptions>>;

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;

const lowerCaseNames = (headers: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/**
 * A typed client for msp-tracker: one method per operation in sdk/operations (`client.StartSession({ input })`).
 * Every call carries an `x-request-id`; writes with an `idempotencyKey` field get one when none is given;
 * queries and such keyed writes are retried after network errors, timeouts, 5xx and 429.
 */
export function createMspClient(options: MspClientOptions): MspClient {
  const doFetch = options.fetch ?? fetch;
  const headers = lowerCaseNames(options.headers);
  const timeout = (call?: MspCallOptions) => call?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const configuredRequestId = () => (typeof options.requestId === 'function' ? options.requestId() : options.requestId);
  const newRequestId = (call?: MspCallOptions) =>
    call?.requestId ?? configuredRequestId() ?? headers['x-request-id'] ?? crypto.randomUUID();
  const attempt = (
    document: DocumentNode,
    variables: unknown,
    requestId: string,
    timeoutMs: number,
    token: string | undefined,
  ): Attempt => ({
    url: options.url,
    fetch: doFetch,
    query: operationInfo(document).query,
    variables,
    headers: {
      'content-type': 'application/json',
      ...headers,
      'x-request-id': requestId,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    requestId,
    timeoutMs,
  });

  // the refresh goes out without the expired token (the server would refuse the call for it) and is never repeated
  const renew = async (refreshToken: string): Promise<MspTokens> => {
    const variables: RefreshTokenMutationVariables = { input: { refreshToken } };
    const answer = (await post(attempt(RefreshTokenDocument, variables, newRequestId(), timeout(), undefined))) as RefreshTokenMutation;
    const { accessToken, accessTokenExpiresAt, refreshTokenExpiresAt } = answer.refreshToken;
    return { accessToken, refreshToken: answer.refreshToken.refreshToken, accessTokenExpiresAt, refreshTokenExpiresAt };
  };
  const tokens = new TokenKeeper(options.token, options.refreshToken, renew, options.onTokens);

  /** Sends with the current token; when the server says it expired, refreshes once and sends again. */
  const authorized = async (send: (token: string | undefined) => Promise<unknown>) => {
    const token = await tokens.current();
    try {
      return await send(token);
    } catch (error) {
      const renewed = token && saysExpired(error) ? await tokens.after(token) : undefined;
      if (!renewed) throw error;
      return send(renewed);
    }
  };

  return getSdk(async <R, V>(document: DocumentNode, variables?: V, call?: MspCallOptions): Promise<R> => {
    const info = operationInfo(document);
    const keyed = withIdempotencyKeys(info, variables);
    const requestId = newRequestId(call);
    const send = (token: string | undefined) => post(attempt(document, keyed, requestId, timeout(call), token));
    return (await withRetries(info.safeToRetry ? (options.retries ?? DEFAULT_RETRIES) : 0, () => authorized(send))) as R;
  });
}
