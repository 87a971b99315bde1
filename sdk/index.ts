import { DocumentNode, print } from 'graphql';
import { getSdk } from './generated/graphql';

export * from './generated/graphql';

/** One GraphQL error as the API reports it. */
export interface MspErrorDetail {
  message: string;
  code: string;
  field?: string;
}

/** The API refused or failed the call; `code` is the first error's `extensions.code` (BAD_USER_INPUT, NOT_FOUND, …). */
export class MspApiError extends Error {
  readonly code: string;

  constructor(
    readonly errors: MspErrorDetail[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
    this.name = 'MspApiError';
    this.code = errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }
}

export interface MspClientOptions {
  /** The GraphQL endpoint, for example http://localhost:4000/graphql. */
  url: string;
  /** Bearer token, once authentication is on. */
  token?: string;
  /** Extra headers on every call (for example x-request-id). */
  headers?: Record<string, string>;
  /** fetch to use; the global one by default. */
  fetch?: typeof fetch;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A typed client for msp-tracker: one method per operation in sdk/operations (`client.StartSession({ input })`). */
export function createMspClient(options: MspClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const printed = new WeakMap<DocumentNode, string>();
  const queryText = (doc: DocumentNode) => printed.get(doc) ?? printed.set(doc, print(doc)).get(doc)!;
  return getSdk(async <R, V>(doc: DocumentNode, variables?: V): Promise<R> => {
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query: queryText(doc), variables }),
    });
    const body = (await response.json().catch(() => ({}))) as GraphQLResponse;
    if (body.errors?.length) {
      throw new MspApiError(
        body.errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR', field: e.extensions?.field })),
        response.status,
      );
    }
    if (!response.ok || body.data === undefined) {
      throw new MspApiError([{ message: `HTTP ${response.status} from ${options.url}`, code: 'INTERNAL_SERVER_ERROR' }], response.status);
    }
    return body.data as R;
  });
}

export type MspClient = ReturnType<typeof createMspClient>;
