import { EntityManager } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { Machine } from '../../entities/machine.entity';
import { Project } from '../../entities/project.entity';
import { SessionTag } from '../../entities/session-tag.entity';
import { Session, SessionMode } from '../../entities/session.entity';
import { dbTime } from '../database/db-time';
import { BadInputError, ConflictError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { ensureTags, normalizeTags } from './tag.service';
import { insertLinks } from '../kit/record.service';
import { assertAfter, assertNotInFuture } from './time-rules';
import { assertNotBilled, changedFields } from '../billing/billed-lock';
import { idempotentWrite } from '../kit/idempotency';
import { findOrFail } from '../kit/find-or-fail';
import { summaryMarkdown } from './session-summary.service';
import { drawForSession } from '../billing/prepaid.service';
import { SessionOrder } from './session.commands';
import type { EndSession, SessionFilter, StartSession, TagSession, UpdateSession } from './session.commands';
import type { Scope } from '../kit/scope';
import { recordEvent } from '../webhooks/outbox';
import { sessionEnded } from '../webhooks/payloads';
import { Filter } from '../pagination/filter';

export const sessionOrder = (order: SessionOrder = SessionOrder.STARTED_AT_DESC): SortOrder<Session> => ({
  key: 'startedAt',
  direction: order === SessionOrder.STARTED_AT_ASC ? 'ASC' : 'DESC',
});

export function sessionFilter(filter: SessionFilter = {}): Filter {
  if (filter.startedFrom && filter.startedBefore)
    assertAfter(filter.startedBefore, filter.startedFrom, 'filter.startedBefore', 'filter.startedFrom');
  return (qb, a) => {
    if (filter.clientId) qb.andWhere(`${a}.clientId = :clientId`, { clientId: Number(filter.clientId) });
    if (filter.projectId) qb.andWhere(`${a}.projectId = :projectId`, { projectId: Number(filter.projectId) });
    if (filter.machineId) qb.andWhere(`${a}.machineId = :machineId`, { machineId: Number(filter.machineId) });
    if (filter.mode) qb.andWhere(`${a}.mode = :mode`, { mode: filter.mode });
    if (filter.billable != null) qb.andWhere(`${a}.billable = :billable`, { billable: filter.billable });
    if (filter.startedFrom) qb.andWhere(`${a}.startedAt >= :startedFrom`, { startedFrom: dbTime(filter.startedFrom) });
    if (filter.startedBefore) qb.andWhere(`${a}.startedAt < :startedBefore`, { startedBefore: dbTime(filter.startedBefore) });
    if (filter.open != null) qb.andWhere(filter.open ? `${a}.endedAt IS NULL` : `${a}.endedAt IS NOT NULL`);
  };
}

/** Which client and project a session belongs to, by the rules of its mode. */
async function resolveOwner(manager: EntityManager, input: StartSession): Promise<{ clientId: number | null; projectId: number | null }> {
  if (input.mode === SessionMode.NORMAL) {
    if (input.clientId || input.projectId) {
      throw new BadInputError(
        input.clientId ? 'clientId' : 'projectId',
        'a NORMAL session belongs to no client or project; use MSP or DEV mode',
      );
    }
    return { clientId: null, projectId: null };
  }
  const project: Project | null = input.projectId ? await findOrFail(manager, Project, input.projectId, 'projectId') : null;
  if (input.mode === SessionMode.DEV && !project) throw new BadInputError('projectId', 'a DEV session needs the project it works on');
  if (input.mode === SessionMode.MSP && !input.clientId)
    throw new BadInputError('clientId', 'an MSP session needs the client it works for');
  const client = input.clientId ? await findOrFail(manager, Client, input.clientId, 'clientId') : null;
  if (client && project && project.clientId !== client.id) {
    throw new BadInputError('projectId', `project ${project.id} belongs to another client, not to client ${client.id}`);
  }
  return { clientId: client?.id ?? project!.clientId, projectId: project?.id ?? null };
}

/**
 * Billable time is billed once: a billable session of a client may not overlap another billable session
 * of the same client on the same machine. (The machine row is locked, so concurrent starts queue.)
 */
async function assertNoBillableOverlap(manager: EntityManager, session: Session, field: string): Promise<void> {
  if (!session.billable || !session.machineId || !session.clientId) return;
  const qb = manager
    .createQueryBuilder(Session, 's')
    .where('s.machineId = :machineId AND s.clientId = :clientId AND s.billable = :billable', {
      machineId: session.machineId,
      clientId: session.clientId,
      billable: true,
    })
    .andWhere('s.startedAt < :end AND (s.endedAt IS NULL OR s.endedAt > :start)', {
      start: dbTime(session.startedAt),
      end: session.endedAt ? dbTime(session.endedAt) : '9999-12-31 00:00:00.000',
    });
  if (session.id) qb.andWhere('s.id <> :id', { id: session.id });
  const other = await qb.orderBy('s.startedAt').getOne();
  if (other) {
    throw new ConflictError(
      `Billable session ${other.id} of this client on this machine already covers ${other.startedAt.toISOString()}–${other.endedAt?.toISOString() ?? 'now'}; end it, adjust the times, or make this session non-billable.`,
      field,
    );
  }
}

export function startSession(scope: Scope, input: StartSession): Promise<Session> {
  const at = now();
  const startedAt = input.startedAt ?? at;
  assertNotInFuture(startedAt, 'startedAt', at);
  return idempotentWrite(scope, 'startSession', input, Session, async (manager) => {
    const owner = await resolveOwner(manager, input);
    if (input.machineId) await findOrFail(manager, Machine, input.machineId, 'machineId', true);
    const session = manager.create(Session, {
      mode: input.mode,
      ...owner,
      machineId: input.machineId ? Number(input.machineId) : null,
      title: input.title ?? null,
      billable: input.billable ?? input.mode === SessionMode.MSP,
      startedAt,
      endedAt: null,
      summary: null,
      createdAt: at,
      updatedAt: at,
    });
    await assertNoBillableOverlap(manager, session, 'startedAt');
    return manager.save(session);
  });
}

export function endSession(scope: Scope, input: EndSession): Promise<Session> {
  const at = now();
  const endedAt = input.endedAt ?? at;
  assertNotInFuture(endedAt, 'endedAt', at);
  return idempotentWrite(scope, 'endSession', input, Session, async (manager) => {
    const session = await findOrFail(manager, Session, input.sessionId!, 'sessionId', true);
    if (session.endedAt) throw new ConflictError(`Session ${session.id} already ended at ${session.endedAt.toISOString()}.`, 'sessionId');
    assertAfter(endedAt, session.startedAt, 'endedAt', 'the session start');
    session.endedAt = endedAt;
    await assertNoBillableOverlap(manager, session, 'endedAt');
    // its billable work draws from the client's prepaid blocks, oldest first
    await drawForSession(manager, session);
    session.summary = await summaryMarkdown(manager, session, input.summary ?? session.summary);
    session.updatedAt = at;
    const saved = await manager.save(session);
    await recordEvent(manager, 'session.ended', sessionEnded(saved));
    return saved;
  });
}

export function updateSession(scope: Scope, input: UpdateSession): Promise<Session> {
  const at = now();
  return scope.db.transaction(scope, async (manager) => {
    const session = await findOrFail(manager, Session, input.id, 'id', true);
    const changes = { billable: input.billable, startedAt: input.startedAt, endedAt: input.endedAt } as Partial<Session>;
    assertNotBilled('Session', session, changedFields(session, changes, ['billable', 'startedAt', 'endedAt']));
    if (input.endedAt && !session.endedAt) throw new BadInputError('endedAt', 'the session is still open; end it with endSession');
    const startedAt = input.startedAt ?? session.startedAt;
    const endedAt = input.endedAt ?? session.endedAt;
    assertNotInFuture(startedAt, 'startedAt', at);
    if (endedAt) {
      assertNotInFuture(endedAt, 'endedAt', at);
      assertAfter(endedAt, startedAt, input.endedAt ? 'endedAt' : 'startedAt', 'the session start');
    }
    Object.assign(session, { startedAt, endedAt, updatedAt: at });
    if (input.title !== undefined) session.title = input.title;
    if (input.summary !== undefined) session.summary = input.summary;
    if (input.billable != null) session.billable = input.billable;
    await assertNoBillableOverlap(manager, session, input.endedAt ? 'endedAt' : 'startedAt');
    return manager.save(session);
  });
}

export function tagSession(scope: Scope, input: TagSession): Promise<Session> {
  const names = normalizeTags(input.tags, 'tags');
  return scope.db.transaction(scope, async (manager) => {
    const session = await findOrFail(manager, Session, input.sessionId!, 'sessionId', true);
    const tags = await ensureTags(manager, names);
    await insertLinks(
      manager,
      SessionTag,
      tags.map((tag) => ({ sessionId: session.id, tagId: tag.id })),
    );
    return session;
  });
}
