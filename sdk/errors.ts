/** One GraphQL error as the API reports it. */
export interface MspErrorDetail {
  message: string;
  /** `extensions.code`: BAD_USER_INPUT, NOT_FOUND, RATE_LIMITED, …; the SDK's own SERVICE_UNREACHABLE and TIMEOUT. */
  code: string;
  /** `extensions.field`: the input field the error is about, when it names one. */
  field?: string;
  /** Everything the server sent: `code`, `field`, `retryAfterSeconds`, `problems` (every invalid field), … */
  extensions: Record<string, unknown>;
}

/**
 * The API refused or failed the call; `code`, `field` and `retryAfterSeconds` read the first error.
 * `status` is the HTTP status, 0 when no answer came (SERVICE_UNREACHABLE, TIMEOUT).
 */
export class MspApiError extends Error {
  /** The call's `x-request-id`, as the server logged and audited it. */
  readonly requestId: string | undefined;

  constructor(
    readonly errors: MspErrorDetail[],
    readonly status: number,
    context: { requestId?: string; cause?: unknown } = {},
  ) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join('\n'), 'cause' in context ? { cause: context.cause } : undefined);
    this.name = 'MspApiError';
    this.requestId = context.requestId;
  }

  get code(): string {
    return this.errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }

  get field(): string | undefined {
    return this.errors[0]?.field;
  }

  /** Seconds to wait before retrying a RATE_LIMITED call (the body's copy of the Retry-After header). */
  get retryAfterSeconds(): number | undefined {
    const seconds = this.errors[0]?.extensions['retryAfterSeconds'];
    return typeof seconds === 'number' ? seconds : undefined;
  }
}

/** One error of a response body, with its extensions kept whole. */
export function errorDetail(message: string, extensions: Record<string, unknown> = {}): MspErrorDetail {
  const { code, field } = extensions;
  return {
    message,
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    ...(typeof field === 'string' ? { field } : {}),
    extensions,
  };
}

/** An error the SDK raises itself (no answer, or an answer without GraphQL errors), shaped like the server's. */
export function clientError(
  code: string,
  message: string,
  status: number,
  context: { requestId: string; cause?: unknown },
  extensions: Record<string, unknown> = {},
) {
  return new MspApiError([errorDetail(message, { code, ...extensions })], status, context);
}
