import { Session } from '../../entities/session.entity';
import { ConflictError } from '../core/errors';

/**
 * An ended session's record is closed: its summary was written from what it held then, and a later
 * item would make the summary and the figures disagree.
 */
export function assertSessionOpen(session: Session, what: string): void {
  if (!session.endedAt) return;
  throw new ConflictError(
    `Session ${session.id} ended at ${session.endedAt.toISOString()}, so it takes no more ${what}: record further work in an open session (startSession starts one), or correct the items it has.`,
    'sessionId',
  );
}
