import { createHash } from 'node:crypto';

/**
 * A deterministic tag stamped into what we post (comment body, timer notes, line-item description), so
 * a later read-back can tell whether a write landed: the same session, ticket and kind give the same tag.
 */
export function postMarker(integrationId: number, ticketId: string, sessionId: number, kind: string): string {
  const hash = createHash('sha256').update(`${integrationId}|${ticketId}|${sessionId}|${kind}`).digest('hex').slice(0, 10);
  return `[msp-tracker session ${sessionId} ${kind} ref:${hash}]`;
}
