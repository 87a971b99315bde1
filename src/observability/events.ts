import { EventEmitter } from 'node:events';

/** What came of a credential reveal. */
export type CredentialOutcome = 'revealed' | 'denied' | 'tampered';

/** Services tell what happened here; metrics listen, so services know nothing of Prometheus. */
export const credentialEvents = new EventEmitter<{ reveal: [CredentialOutcome] }>();
