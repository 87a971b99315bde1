import { MspApiError } from './errors.ts';

/** A login's tokens, as login, acceptInvite and refreshToken hand them out. */
export interface MspTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
}

/** Refresh this long before the access token expires, so a call never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

/** The claims of a JWT, read without checking its signature: only the server can do that. Empty when unreadable. */
export function tokenClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** When a JWT expires (ms since the epoch), or undefined when it says nothing readable. */
export function expiresAt(token: string): number | undefined {
  const { exp } = tokenClaims(token);
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

/** The server refused the token because it expired (not because it is wrong or revoked). */
export const saysExpired = (error: unknown): boolean =>
  error instanceof MspApiError && error.code === 'UNAUTHENTICATED' && /expired/i.test(error.errors[0]?.message ?? '');

/**
 * Holds the access and refresh tokens of one client. A refresh is single-flight: calls that find the token
 * stale at the same time share one refreshToken call (each refresh token works once).
 */
export class TokenKeeper {
  private refreshing: Promise<string> | undefined;

  constructor(
    private access: string | undefined,
    private refresh: string | undefined,
    private readonly renew: (refreshToken: string) => Promise<MspTokens>,
    private readonly onTokens: ((tokens: MspTokens) => void | Promise<void>) | undefined,
  ) {}

  /** The token to send now: refreshed first when it has less than a minute left and a refresh token is at hand. */
  async current(): Promise<string | undefined> {
    const expiry = this.access ? expiresAt(this.access) : undefined;
    if (this.access && expiry !== undefined && expiry - Date.now() < REFRESH_MARGIN_MS)
      return (await this.after(this.access)) ?? this.access;
    return this.access;
  }

  /** A token newer than `stale`: one another call already got, or a refreshed one; undefined without a refresh token. */
  async after(stale: string): Promise<string | undefined> {
    if (this.access !== stale) return this.access;
    if (!this.refresh) return undefined;
    this.refreshing ??= this.refreshWith(this.refresh).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshWith(refreshToken: string): Promise<string> {
    const tokens = await this.renew(refreshToken);
    this.access = tokens.accessToken;
    this.refresh = tokens.refreshToken;
    await this.onTokens?.(tokens);
    return tokens.accessToken;
  }
}
