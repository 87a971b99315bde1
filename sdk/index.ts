import { type DocumentNode, print } from 'graphql';
import { getSdk, type Platform } from './generated/graphql.ts';

export * from './generated/graphql.ts';

/** One GraphQL error as the API reports it. */
export interface MspErrorDetail {
  message: string;
  /** `extensions.code`: BAD_USER_INPUT, NOT_FOUND, RATE_LIMITED, … */
  code: string;
  /** `extensions.field`: the input field the error is about, when it names one. */
  field?: string;
  /** Everything the server sent: `code`, `field`, `retryAfterSeconds`, `problems` (every invalid field), … */
  extensions: Record<string, unknown>;
}

/** The API refused or failed the call; `code`, `field` and `retryAfterSeconds` read the first error. */
export class MspApiError extends Error {
  constructor(
    readonly errors: MspErrorDetail[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
    this.name = 'MspApiError';
  }

  get code(): string {
    return this.errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }

  get field(): string | undefined {
    return this.errors[0]?.field;
  }

  /** Seconds to wait before retrying a RATE_LIMITED call (the body's copy of the Retry-After header). */
  get retryAfterSeconds(): number | undefined {
    const seconds = this.errors[0]?.extensions.retryAfterSeconds;
    return typeof seconds === 'number' ? seconds : undefined;
  }
}

/** Node's process.platform names of the platforms the API has commands for. */
const PLATFORMS = new Map<string, Platform>([
  ['win32', 'WIN32'],
  ['darwin', 'DARWIN'],
  ['linux', 'LINUX'],
]);

/**
 * The API's Platform for Node's `process.platform`: `registerMachine({ input: { platform: platformOf(process.platform), … } })`.
 * Throws for the others (aix, freebsd, openbsd, sunos, android, …): their tools and package managers are
 * not Linux's, so registering them as LINUX would get them wrong commands.
 */
export function platformOf(nodePlatform: string): Platform {
  const platform = PLATFORMS.get(nodePlatform);
  if (!platform) throw new Error(`msp-tracker knows the platforms win32, darwin and linux, not "${nodePlatform}"`);
  return platform;
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

interface GraphQLResponseError {
  message: string;
  extensions?: Record<string, unknown>;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLResponseError[];
}

/** One error of a response body, with its extensions kept whole. */
function errorDetail(error: GraphQLResponseError): MspErrorDetail {
  const extensions = error.extensions ?? {};
  const { code, field } = extensions;
  return {
    message: error.message,
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    ...(typeof field === 'string' ? { field } : {}),
    extensions,
  };
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
      throw new MspApiError(body.errors.map(errorDetail), response.status);
    }
    if (!response.ok || body.data === undefined) {
      throw new MspApiError([errorDetail({ message: `HTTP ${response.status} from ${options.url}` })], response.status);
    }
    return body.data as R;
  });
}

export type MspClient = ReturnType<typeof createMspClient>;
