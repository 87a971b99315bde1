import { In } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { CommandRun } from '../../entities/command-run.entity';
import { Infrastructure, InfrastructureKind } from '../../entities/infrastructure.entity';
import { Project, ProjectStatus } from '../../entities/project.entity';
import { Session, SessionMode } from '../../entities/session.entity';
import { WorkCategory, WorkItem } from '../../entities/work-item.entity';
import { Database } from '../../src/database/database';
import { systemScope } from '../../src/kit/scope';

const CHUNK = 500;

/** Bulk insert through a normal write transaction, so the rows get their change-log entries like any other. */
export function insertAll<T extends object>(db: Database, entity: new () => T, rows: Partial<T>[]): Promise<number[]> {
  return db.transaction(systemScope(db, 'test-data'), async (manager) => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const result = await manager.insert(entity, rows.slice(i, i + CHUNK) as never);
      ids.push(...result.identifiers.map((r) => r.id as number));
    }
    return ids;
  });
}

/** `perLevel` clients, each with `perLevel` projects, each with `perLevel` sessions, each with `perLevel` work items. */
export async function insertTree(db: Database, perLevel: number): Promise<void> {
  const at = new Date('2026-03-01T12:00:00Z');
  const range = Array.from({ length: perLevel }, (_, i) => i);
  const clientIds = await insertAll(
    db,
    Client,
    range.map((i) => ({ name: `Client ${i}`, slug: `client-${i}`, hourlyRateCents: 10_000, active: true, createdAt: at, updatedAt: at })),
  );
  const projectIds = await insertAll(
    db,
    Project,
    clientIds.flatMap((clientId) =>
      range.map((i) => ({ clientId, name: `Project ${i}`, status: ProjectStatus.ACTIVE, createdAt: at, updatedAt: at })),
    ),
  );
  const projects = await db.manager.findBy(Project, { id: In(projectIds) });
  const sessionIds = await insertAll(
    db,
    Session,
    projects.flatMap((p) =>
      range.map((i) => ({
        mode: SessionMode.MSP,
        clientId: p.clientId,
        projectId: p.id,
        billable: true,
        startedAt: new Date(at.getTime() + i * 3_600_000),
        createdAt: at,
        updatedAt: at,
      })),
    ),
  );
  await insertAll(
    db,
    WorkItem,
    sessionIds.flatMap((sessionId) =>
      range.map((i) => ({
        sessionId,
        category: WorkCategory.TROUBLESHOOTING,
        description: `Step ${i}`,
        minutes: 15,
        billable: true,
        startedAt: at,
        billableCentiminutes: 1500,
        createdAt: at,
      })),
    ),
  );
}

/** `perLevel` clients, each with one session and `perLevel` servers, each with `perLevel` commands run in that session. */
export async function insertInfrastructureTree(db: Database, perLevel: number): Promise<void> {
  const at = new Date('2026-03-01T12:00:00Z');
  const range = Array.from({ length: perLevel }, (_, i) => i);
  const clientIds = await insertAll(
    db,
    Client,
    range.map((i) => ({
      name: `Infra client ${i}`,
      slug: `infra-client-${i}`,
      hourlyRateCents: 0,
      active: true,
      createdAt: at,
      updatedAt: at,
    })),
  );
  const sessionIds = await insertAll(
    db,
    Session,
    clientIds.map((clientId) => ({ mode: SessionMode.MSP, clientId, billable: true, startedAt: at, createdAt: at, updatedAt: at })),
  );
  const servers = clientIds.flatMap((clientId, c) =>
    range.map((i) => ({
      clientId,
      sessionId: sessionIds[c],
      row: { clientId, hostname: `srv-${i}`, kind: InfrastructureKind.SERVER, ipAddresses: [], createdAt: at, updatedAt: at },
    })),
  );
  const serverIds = await insertAll(
    db,
    Infrastructure,
    servers.map((s) => s.row),
  );
  await insertAll(
    db,
    CommandRun,
    serverIds.flatMap((infrastructureId, s) =>
      range.map((i) => ({
        sessionId: servers[s].sessionId,
        infrastructureId,
        command: `cmd ${i}`,
        success: i % 2 === 0,
        ranAt: new Date(at.getTime() + i * 1000),
        createdAt: at,
      })),
    ),
  );
}
