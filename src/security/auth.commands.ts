// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
export enum AccessScopeName {
  READ = 'msp:read',
  WRITE = 'msp:write',
  ADMIN = 'msp:admin',
}

/** E-mail and password. */
export interface Login {
  email: string;
  password: string;
}

/** The refresh token from login or the last refresh. */
export interface RefreshAccess {
  refreshToken: string;
}

/** Ends the current login. */
export interface Logout {
  refreshToken?: string;
}

/** A token for an agent working in one open session. */
export interface IssueAgentToken {
  sessionId: string;
  scopes: AccessScopeName[];
}

/** A new password for yourself, or (admins) for another user. */
export interface SetPassword {
  userId?: string;
  password: string;
}

/** An invite from an admin and the password to set with it. */
export interface AcceptInvite {
  token: string;
  password: string;
}
