// The entry point of @msp-tracker/sdk (and of `../../sdk` inside the repo).
export * from './generated/graphql.ts';
export { createMspClient, type MspCallOptions, type MspClient, type MspClientOptions } from './client.ts';
export { MspApiError, type MspErrorDetail } from './errors.ts';
export { paginate, type PageNode, type PageVariables } from './paginate.ts';
export { platformOf } from './platform.ts';
export type { MspTokens } from './tokens.ts';
export { tokenClaims } from './tokens.ts';
