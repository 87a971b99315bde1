import { EntityManager, In, IsNull } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { Session } from '../../entities/session.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { applyRules, loadRules } from './billing-apply';
import { drawPrepaid } from './prepaid.service';
import { dbTime } from '../database/db-time';
import { BadInputError, ConflictError } from '../core/errors';
import { assertAfter } from '../tracking/time-rules';
import { findOrFail } from '../kit/find-or-fail';
import { hasRowLocks } from '../database/dialect';
import type { MarkBilled, RecomputeBilling, UnlockBilled } from './billing.commands';
import type { Scope } from '../kit/scope';
import { recordEvent } from '../webhooks/outbox';
import { billingLocked } from '../webhooks/payloads';

async function sessionsToBill(manager: EntityManager, input: MarkBilled): Promise<Session[]> {
  if (input.sessionId) {
    const session = await findOrFail(manager, Session, input.sessionId!, 'sessionId', true);
    if (!session.endedAt) throw new ConflictError(`Session ${session.id} is still open; end it before billing it.`, 'sessionId');
    return session.billedAt ? [] : [session];
  }
  if (!input.clientId || !input.from || !input.to) throw new BadInputError('clientId', 'give sessionId, or clientId with from and to');
  assertAfter(input.to, input.from, 'to', 'from');
  const query = manager
    .createQueryBuilder(Session, 's')
    .where('s.clientId = :clientId AND s.billedAt IS NULL AND s.endedAt IS NOT NULL', { clientId: Number(input.clientId) })
    .andWhere('s.startedAt >= :from AND s.startedAt < :to', { from: dbTime(input.from), to: dbTime(input.to) });
  // Lock the sessions so no work item slips into one between this read and the commit.
  if (hasRowLocks(manager.connection)) query.setLock('pessimistic_write');
  return query.getMany();
}

/** Locks ended sessions and their work items as billed. Every row changed gets a BILL entry in the change log. */
export function markBilled(scope: Scope, input: MarkBilled): Promise<{ sessionsBilled: number; workItemsBilled: number }> {
  return scope.db.transaction(scope, async (manager) => {
    const sessions = await sessionsToBill(manager, input);
    const at = now();
    const rates = new Map(
      (
        await manager.findBy(Client, { id: In([...new Set(sessions.map((s) => s.clientId).filter((id): id is number => id != null))]) })
      ).map((c) => [c.id, c.hourlyRateCents]),
    );
    for (const session of sessions) session.billedRateCents = session.clientId ? (rates.get(session.clientId) ?? 0) : 0;
    const items = sessions.length ? await manager.findBy(WorkItem, { sessionId: In(sessions.map((s) => s.id)), billedAt: IsNull() }) : [];
    for (const row of [...sessions, ...items]) row.billedAt = at;
    await manager.save(sessions);
    await manager.save(items);
    if (sessions.length) await recordEvent(manager, 'billing.locked', billingLocked(sessions, items.length, at));
    return { sessionsBilled: sessions.length, workItemsBilled: items.length };
  });
}

/** Unlocks a billed session and its work items; the change log keeps the reason and who did it. */
export function unlockBilled(scope: Scope, input: UnlockBilled): Promise<Session> {
  return scope.db.transaction({ ...scope, reason: input.reason.trim() }, async (manager) => {
    const session = await findOrFail(manager, Session, input.sessionId!, 'sessionId', true);
    if (!session.billedAt && !session.postedAt)
      throw new ConflictError(`Session ${session.id} is neither billed nor posted; nothing to unlock.`, 'sessionId');
    const items = await manager.findBy(WorkItem, { sessionId: session.id });
    // posted work unlocks too; the PSA keeps what was posted (its ticket link says what)
    for (const row of [session, ...items]) Object.assign(row, { billedAt: null, postedAt: null });
    session.billedRateCents = null;
    await manager.save(session);
    await manager.save(items);
    return session;
  });
}

const MAX_RECOMPUTE_YEARS = 10;

/**
 * Applies the current labor-type and client rules to the client's unlocked work in sessions started
 * in [from, to), and draws prepaid hours again for the ended ones (oldest first). Billed work is never
 * touched. Every item that changes is saved, so the change log has its before and after.
 */
export function recomputeBilling(
  scope: Scope,
  input: RecomputeBilling,
): Promise<{ workItemsChecked: number; workItemsChanged: number; lockedWorkItemsSkipped: number }> {
  assertAfter(input.to, input.from, 'to', 'from');
  const limit = new Date(input.from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_RECOMPUTE_YEARS);
  if (input.to.getTime() > limit.getTime()) throw new BadInputError('to', `recompute at most ${MAX_RECOMPUTE_YEARS} years at once`);
  const reason = input.reason?.trim() || `recomputeBilling ${input.from.toISOString()} to ${input.to.toISOString()}`;
  return scope.db.transaction({ ...scope, reason }, async (manager) => {
    // the client row first: the lock drawPrepaid takes too, so a session of this client ending meanwhile waits
    const client = await findOrFail(manager, Client, input.clientId, 'clientId', true);
    const rules = await loadRules(manager);
    const rows = await manager
      .createQueryBuilder(WorkItem, 'w')
      .innerJoinAndSelect('w.session', 's')
      .where('s.clientId = :clientId', { clientId: client.id })
      .andWhere('s.startedAt >= :from AND s.startedAt < :to', { from: dbTime(input.from), to: dbTime(input.to) })
      .orderBy('s.startedAt', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .getMany();
    const isLocked = (w: WorkItem) => Boolean(w.billedAt || w.postedAt || w.session!.billedAt || w.session!.postedAt);
    const locked = rows.filter(isLocked);
    const open = rows.filter((w) => !isLocked(w));
    const changed = new Set<number>();
    const before = new Map(open.map((w) => [w.id, w.prepaidCentiminutes]));
    for (const item of open) if (applyRules(item, client, rules)) changed.add(item.id);
    for (const item of open.filter((w) => changed.has(w.id))) {
      const { session, ...row } = item;
      await manager.save(WorkItem, row);
      item.session = session;
    }
    const ended = open.filter((w) => w.session!.endedAt);
    await drawPrepaid(
      manager,
      client.id,
      ended.map((item) => ({ item, workStartedAt: item.session!.startedAt })),
    );
    for (const item of ended) if (before.get(item.id) !== item.prepaidCentiminutes) changed.add(item.id);
    return { workItemsChecked: open.length, workItemsChanged: changed.size, lockedWorkItemsSkipped: locked.length };
  });
}
