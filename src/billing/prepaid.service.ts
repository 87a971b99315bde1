import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { PrepaidBlock } from '../../entities/prepaid-block.entity';
import { PrepaidDraw } from '../../entities/prepaid-draw.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { Database } from '../database/database';
import { monthOf } from '../database/date-buckets';
import { dbTime } from '../database/db-time';
import { writeLock } from '../database/dialect';
import { BadInputError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { findOrFail } from '../kit/find-or-fail';
import { idempotentWrite } from '../kit/idempotency';
import { CENTIMINUTES_PER_HOUR } from './money';
import { assertAfter } from '../tracking/time-rules';
import type { AddPrepaidBlock } from './prepaid.commands';
import type { Scope } from '../kit/scope';

/** Oldest first: the order blocks are drawn in. */
export const PREPAID_BLOCK_ORDER: SortOrder<PrepaidBlock> = { key: 'purchasedAt', direction: 'ASC' };

/** A block may be bought in hundredths of an hour (36 s) from 0.01 to 10,000 hours. */
export function capacityOf(hours: number): number {
  const hundredths = Math.round(hours * 100);
  if (!Number.isFinite(hours) || Math.abs(hours * 100 - hundredths) > 1e-6 || hundredths < 1 || hundredths > 1_000_000) {
    throw new BadInputError('hours', 'must be 0.01 to 10000 hours, in hundredths of an hour at most (for example 10 or 7.5)');
  }
  return hundredths * (CENTIMINUTES_PER_HOUR / 100);
}

export function addPrepaidBlock(scope: Scope, input: AddPrepaidBlock): Promise<PrepaidBlock> {
  const capacity = capacityOf(input.hours);
  if (input.expiresAt) assertAfter(input.expiresAt, input.purchasedAt, 'expiresAt', 'purchasedAt');
  return idempotentWrite(scope, 'addPrepaidBlock', input, PrepaidBlock, async (manager) => {
    const client = await findOrFail(manager, Client, input.clientId, 'clientId', true);
    const at = now();
    return manager.save(
      manager.create(PrepaidBlock, {
        clientId: client.id,
        capacityCentiminutes: capacity,
        usedCentiminutes: 0,
        purchasedAt: input.purchasedAt,
        expiresAt: input.expiresAt ?? null,
        note: input.note.trim(),
        lowBalanceAt: null,
        createdAt: at,
        updatedAt: at,
      }),
    );
  });
}

/** Whether a block can cover work that started at `workStartedAt`. */
const covers = (block: PrepaidBlock, workStartedAt: Date) =>
  block.purchasedAt.getTime() <= workStartedAt.getTime() && (!block.expiresAt || block.expiresAt.getTime() > workStartedAt.getTime());

export interface DrawRequest {
  item: WorkItem;
  /** When the work started for block purposes (its session's start). */
  workStartedAt: Date;
}

/**
 * Draws the billable quantity of unlocked work items of one client from its prepaid blocks, oldest
 * open block first; what was drawn for these items before is given back first, so drawing again after
 * a change is exact. The client row is locked first, so two transactions of one client draw one after
 * the other (MariaDB) and never take the same hour twice; SQLite runs transactions one at a time.
 * Items are saved (and so change-logged) when what they drew changes.
 */
export async function drawPrepaid(manager: EntityManager, clientId: number, requests: DrawRequest[]): Promise<void> {
  const unlocked = requests.filter((r) => !r.item.billedAt);
  if (!unlocked.length) return;
  const client = await manager.findOne(Client, { where: { id: clientId }, ...writeLock(manager) });
  if (!client) return;
  const blocks = await manager.find(PrepaidBlock, { where: { clientId }, order: { purchasedAt: 'ASC', id: 'ASC' }, ...writeLock(manager) });
  if (!blocks.length) {
    for (const { item } of unlocked.filter((r) => r.item.prepaidCentiminutes !== 0)) {
      item.prepaidCentiminutes = 0;
      await manager.save(item);
    }
    return;
  }
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const touched = new Set<PrepaidBlock>();
  const ids = unlocked.map((r) => r.item.id);
  const previous = await manager.findBy(PrepaidDraw, { workItemId: In(ids) });
  for (const draw of previous) {
    const block = byId.get(draw.blockId)!;
    block.usedCentiminutes -= draw.centiminutes;
    touched.add(block);
  }
  if (previous.length) await manager.delete(PrepaidDraw, { workItemId: In(ids) });

  const at = now();
  const draws: Partial<PrepaidDraw>[] = [];
  const ordered = [...unlocked].sort(
    (a, b) =>
      a.workStartedAt.getTime() - b.workStartedAt.getTime() ||
      a.item.startedAt.getTime() - b.item.startedAt.getTime() ||
      a.item.id - b.item.id,
  );
  for (const { item, workStartedAt } of ordered) {
    let need = item.billableCentiminutes;
    for (const block of blocks) {
      if (need <= 0) break;
      const left = block.capacityCentiminutes - block.usedCentiminutes;
      if (left <= 0 || !covers(block, workStartedAt)) continue;
      const take = Math.min(need, left);
      block.usedCentiminutes += take;
      need -= take;
      touched.add(block);
      draws.push({ blockId: block.id, workItemId: item.id, centiminutes: take, workStartedAt, createdAt: at });
    }
    const drawn = item.billableCentiminutes - need;
    if (item.prepaidCentiminutes !== drawn) {
      item.prepaidCentiminutes = drawn;
      await manager.save(item);
    }
  }
  if (draws.length) await manager.insert(PrepaidDraw, draws);
  for (const block of touched) {
    // the alert threshold is recorded once: the first time the balance falls to it or below
    const left = block.capacityCentiminutes - block.usedCentiminutes;
    if (!block.lowBalanceAt && left * 100 <= client.prepaidAlertPercent * block.capacityCentiminutes) block.lowBalanceAt = at;
    block.updatedAt = at;
    await manager.save(block);
  }
}

/** Draws for the billable, unlocked work of an ended session of a client. */
export async function drawForSession(
  manager: EntityManager,
  session: { id: number; clientId: number | null; startedAt: Date; billedAt: Date | null },
): Promise<void> {
  if (!session.clientId || session.billedAt) return;
  const items = await manager.findBy(WorkItem, { sessionId: session.id });
  await drawPrepaid(
    manager,
    session.clientId,
    items.map((item) => ({ item, workStartedAt: session.startedAt })),
  );
}

// ---------------------------------------------------------------- reading: Client.prepaid

export interface PrepaidMonth {
  month: string;
  centiminutes: number;
}

export interface PrepaidSummary {
  clientId: number;
  /** Bought, over blocks not expired now. */
  purchasedCentiminutes: number;
  usedCentiminutes: number;
  balanceCentiminutes: number;
  blockCount: number;
  /** Drawn per UTC month of the work's start, oldest first. */
  consumption: PrepaidMonth[];
}

/** Prepaid figures of many clients in two grouped statements, whatever their number of blocks and draws. */
export async function prepaidSummaries(db: Database, clientIds: readonly number[], at: Date = now()): Promise<PrepaidSummary[]> {
  const manager = db.manager;
  const ids = [...new Set(clientIds)];
  const placeholders = ids.map(() => '?').join(', ');
  const totals: { client_id: unknown; blocks: unknown; capacity: unknown; used: unknown }[] = await manager.query(
    `SELECT client_id, COUNT(*) AS blocks, SUM(capacity_centiminutes) AS capacity, SUM(used_centiminutes) AS used FROM prepaid_blocks ` +
      `WHERE client_id IN (${placeholders}) AND (expires_at IS NULL OR expires_at > ?) GROUP BY client_id`,
    [...ids, dbTime(at)],
  );
  const month = monthOf(db.dialect, 'd.work_started_at');
  const months: { client_id: unknown; month: string; centiminutes: unknown }[] = await manager.query(
    `SELECT b.client_id AS client_id, ${month} AS month, SUM(d.centiminutes) AS centiminutes FROM prepaid_draws d JOIN prepaid_blocks b ON b.id = d.block_id ` +
      `WHERE b.client_id IN (${placeholders}) GROUP BY b.client_id, ${month} ORDER BY b.client_id, ${month}`,
    ids,
  );
  return clientIds.map((clientId) => {
    const total = totals.find((t) => Number(t.client_id) === clientId);
    const purchased = Number(total?.capacity ?? 0);
    const used = Number(total?.used ?? 0);
    return {
      clientId,
      purchasedCentiminutes: purchased,
      usedCentiminutes: used,
      balanceCentiminutes: purchased - used,
      blockCount: Number(total?.blocks ?? 0),
      consumption: months
        .filter((m) => Number(m.client_id) === clientId)
        .map((m) => ({ month: m.month, centiminutes: Number(m.centiminutes) })),
    };
  });
}

export const prepaidLoader = (db: Database) => new DataLoader<number, PrepaidSummary>((ids) => prepaidSummaries(db, ids));
