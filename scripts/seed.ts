/**
 * `npm run seed`: a small, realistic demo dataset, every table group included, in the database DATABASE_URL names (SQLite by default).
 * Idempotent: every record has a natural key (client slug, project name, machine fingerprint,
 * session title; the tasks when there are none) and is only created when missing, so running it twice changes nothing.
 */
import 'reflect-metadata';
import { Client } from '../entities/client.entity';
import { Machine, Platform } from '../entities/machine.entity';
import { PendingTask } from '../entities/pending-task.entity';
import { Project } from '../entities/project.entity';
import { Session, SessionMode } from '../entities/session.entity';
import { WorkCategory } from '../entities/work-item.entity';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database/open-database';
import { createClient } from '../src/tracking/client.service';
import { machineFingerprint } from '../src/machines/machine-fingerprint';
import { registerMachine } from '../src/machines/machine.service';
import { addPendingTask } from '../src/tracking/pending-task.service';
import { createProject } from '../src/tracking/project.service';
import { endSession, startSession, tagSession } from '../src/tracking/session.service';
import { logWorkItem } from '../src/tracking/work-item.service';
import { firewallSessionWork, seedEnvironment, seedInfrastructure, sharesSessionWork } from './seed-environment';
import { NoteKind } from '../entities/note.entity';
import { writeNote } from '../src/tracking/note.service';
import { Invite } from '../src/security/invite.service';
import { AfterHoursPolicy } from '../entities/client.entity';
import { LaborType } from '../entities/labor-type.entity';
import { PrepaidBlock } from '../entities/prepaid-block.entity';
import { createLaborType } from '../src/billing/labor-type.service';
import { addPrepaidBlock } from '../src/billing/prepaid.service';
import { updateClient } from '../src/tracking/client.service';
import { Scope, systemScope } from '../src/kit/scope';

/** A time `days` before today (UTC) at `hour`; every demo session is a day old or more, so it lies in the past at any hour. */
const daysAgo = (days: number, hour: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

interface SeedSession {
  mode: SessionMode;
  client?: string;
  project?: string;
  title: string;
  day: number;
  hour: number;
  hours: number;
  tags: string[];
  work: [WorkCategory, string, number][];
  notes?: [NoteKind, string][];
  summary: string;
}

const clients = [
  { name: 'Dataforth', hourlyRateCents: 15_000, projects: ['Server 2008 retirement', 'M365 migration'] },
  { name: 'Grabb & Durando', hourlyRateCents: 12_500, projects: ['Firewall refresh'] },
  { name: 'Valley Dental', hourlyRateCents: 11_000, projects: [] },
];

const sessions: SeedSession[] = [
  {
    mode: SessionMode.MSP,
    client: 'Dataforth',
    project: 'Server 2008 retirement',
    title: 'Migrate file shares off AD2',
    day: 6,
    hour: 14,
    hours: 3,
    tags: ['file-server', 'robocopy'],
    work: [
      [WorkCategory.INFRASTRUCTURE, 'Copied D:\\Shares to the new file server with robocopy /MIR /COPYALL', 120],
      [
        WorkCategory.TROUBLESHOOTING,
        'Get-LocalUser failed on PowerShell 2.0; listed accounts with Get-WmiObject Win32_UserAccount instead',
        30,
      ],
      [WorkCategory.DOCUMENTATION, 'Updated the share map in the client wiki', 20],
    ],
    summary: 'Shares copied, permissions verified, old shares read-only until Friday.',
  },
  {
    mode: SessionMode.MSP,
    client: 'Dataforth',
    project: 'M365 migration',
    title: 'Cut over MX records',
    day: 2,
    hour: 22,
    hours: 2,
    tags: ['m365', 'dns'],
    work: [
      [WorkCategory.CONFIGURATION, 'Lowered TTL, switched MX to Exchange Online, verified with nslookup', 60],
      [WorkCategory.COMMUNICATION, 'Told staff about the cut-over and the new Outlook profile', 30],
    ],
    summary: 'Mail flows through Exchange Online; old server kept for 30 days.',
  },
  {
    mode: SessionMode.MSP,
    client: 'Grabb & Durando',
    project: 'Firewall refresh',
    title: 'Replace the SonicWall',
    day: 4,
    hour: 9,
    hours: 4,
    tags: ['firewall', 'vpn'],
    work: [
      [WorkCategory.SECURITY, 'Exported rules from the old SonicWall and rebuilt them on the new unit', 150],
      [WorkCategory.TROUBLESHOOTING, 'Site-to-site VPN would not come up: phase 2 proposal mismatch (AES-256 vs AES-128)', 60],
    ],
    summary: 'New firewall live; VPN to the branch office up after fixing the phase 2 proposal.',
  },
  {
    mode: SessionMode.DEV,
    project: 'M365 migration',
    title: 'Mailbox report script',
    day: 1,
    hour: 10,
    hours: 1,
    tags: ['powershell'],
    work: [[WorkCategory.DEVELOPMENT, 'Wrote Get-MailboxStatistics report script with CSV export', 50]],
    summary: 'Script in the tools repo; runs nightly.',
  },
  {
    mode: SessionMode.NORMAL,
    title: 'Learn about Windows LAPS',
    day: 1,
    hour: 8,
    hours: 1,
    tags: ['laps', 'security'],
    work: [[WorkCategory.RESEARCH, 'Windows LAPS replaces legacy LAPS; needs April 2023 update on DCs', 40]],
    notes: [
      [NoteKind.FINDING, 'Windows LAPS stores the password in Entra ID or AD; legacy LAPS GPOs must be removed first'],
      [NoteKind.DECISION, 'Roll out Windows LAPS at Dataforth only after AD2 (Server 2008 R2) is retired'],
    ],
    summary: 'Worth rolling out at Dataforth after the 2008 retirement.',
  },
];

async function ensureClient(scope: Scope, c: (typeof clients)[number]): Promise<Client> {
  const existing = await scope.db.manager.findOneBy(Client, { name: c.name });
  return existing ?? createClient(scope, { name: c.name, hourlyRateCents: c.hourlyRateCents });
}

const laborTypes = [
  { name: 'Remote', minimumMinutes: 15, roundingIncrementMinutes: 15, psaProductId: 'LABOR-REMOTE' },
  { name: 'Onsite', minimumMinutes: 60, roundingIncrementMinutes: 30, psaProductId: 'LABOR-ONSITE' },
  {
    name: 'After-hours',
    minimumMinutes: 30,
    roundingIncrementMinutes: 15,
    multiplierPercent: 150,
    afterHours: true,
    psaProductId: 'LABOR-AFTER-HOURS',
  },
];

/**
 * Billing for the demo: labor types, and Dataforth on a 20 h prepaid block with the after-hours policy,
 * so its 22:00 UTC MX cut-over bills 1.5x from the block. Before the sessions, which draw when they end.
 */
async function seedBilling(scope: Scope, ids: Map<string, number>): Promise<void> {
  const types = new Map<string, number>();
  for (const t of laborTypes) {
    const existing = await scope.db.manager.findOneBy(LaborType, { name: t.name });
    types.set(t.name, (existing ?? (await createLaborType(scope, t))).id);
  }
  const dataforth = ids.get('Dataforth')!;
  const client = await scope.db.manager.findOneByOrFail(Client, { id: dataforth });
  if (client.afterHoursPolicy === AfterHoursPolicy.NONE) {
    await updateClient(scope, {
      id: String(dataforth),
      timeZone: 'UTC',
      defaultLaborTypeId: String(types.get('Remote')),
      afterHoursPolicy: AfterHoursPolicy.AFTER_HOURS_LABOR_TYPE,
      afterHoursLaborTypeId: String(types.get('After-hours')),
    });
  }
  if (!(await scope.db.manager.existsBy(PrepaidBlock, { clientId: dataforth }))) {
    await addPrepaidBlock(scope, {
      clientId: String(dataforth),
      hours: 20,
      purchasedAt: daysAgo(30, 0),
      note: 'Block of 20 hours, invoice INV-2041',
    });
  }
}

async function ensureProject(scope: Scope, clientId: number, name: string): Promise<Project> {
  const existing = await scope.db.manager.findOneBy(Project, { clientId, name });
  return existing ?? createProject(scope, { clientId: String(clientId), name });
}

/** Records a session's other work while it is open: an ended session takes no more. */
type SessionWork = (scope: Scope, sessionId: string, startedAt: Date) => Promise<void>;

async function ensureSession(
  scope: Scope,
  s: SeedSession,
  ids: Map<string, number>,
  machineId: number,
  during?: SessionWork,
): Promise<boolean> {
  const existing = await scope.db.manager.findOneBy(Session, { title: s.title });
  if (existing) {
    ids.set(s.title, existing.id);
    return false;
  }
  const startedAt = daysAgo(s.day, s.hour);
  const session = await startSession(scope, {
    mode: s.mode,
    clientId: s.client ? String(ids.get(s.client)) : undefined,
    projectId: s.project ? String(ids.get(s.project)) : undefined,
    machineId: String(machineId),
    title: s.title,
    startedAt,
  });
  // each item starts where the one before ended: after-hours work is judged by fixed times, not by the hour the seed runs
  let offset = 0;
  for (const [category, description, minutes] of s.work) {
    await logWorkItem(scope, {
      sessionId: String(session.id),
      category,
      description,
      minutes,
      startedAt: new Date(startedAt.getTime() + offset * 60_000),
    });
    offset += minutes;
  }
  for (const [kind, text] of s.notes ?? []) await writeNote(scope, { sessionId: String(session.id), kind, text });
  await during?.(scope, String(session.id), startedAt);
  await tagSession(scope, { sessionId: String(session.id), tags: s.tags });
  await endSession(scope, {
    sessionId: String(session.id),
    endedAt: new Date(startedAt.getTime() + s.hours * 3_600_000),
    summary: s.summary,
  });
  ids.set(s.title, session.id);
  return true;
}

/** The technician's laptop; registered once (registering again would move its last-seen time). */
async function ensureMachine(scope: Scope): Promise<Machine> {
  const identity = { hostname: 'TECH-LAPTOP', username: 'mike', platform: Platform.WIN32, homeDirectory: 'C:\\Users\\mike' };
  const existing = await scope.db.manager.findOneBy(Machine, { fingerprint: machineFingerprint(identity) });
  if (existing) return existing;
  const capabilities = {
    docker: true,
    powershellVersion: '7.4',
    vpnProfiles: ['Dataforth', 'Grabb & Durando'],
    packageManagers: [{ name: 'winget', install: 'winget install --id {package}' }],
  };
  return (await registerMachine(scope, { ...identity, preferredShell: 'powershell', capabilities })).machine;
}

/**
 * Fills the database behind `scope` with the demo dataset, in one transaction: it lands whole or
 * leaves nothing. Safe to run again. Returns the invites of the users it added.
 */
export function seed(scope: Scope): Promise<{ sessionsCreated: number; invites: Invite[] }> {
  return scope.db.atomically(scope, () => seedAll(scope));
}

async function seedAll(scope: Scope): Promise<{ sessionsCreated: number; invites: Invite[] }> {
  const ids = new Map<string, number>();
  for (const c of clients) {
    const client = await ensureClient(scope, c);
    ids.set(c.name, client.id);
    for (const name of c.projects) ids.set(name, (await ensureProject(scope, client.id, name)).id);
  }
  await seedBilling(scope, ids);
  const machine = await ensureMachine(scope);
  const hosts = await seedInfrastructure(scope, ids);
  const work: Record<string, SessionWork> = {
    'Migrate file shares off AD2': (scope, sessionId, startedAt) => sharesSessionWork(scope, sessionId, startedAt, hosts),
    'Replace the SonicWall': (scope, sessionId) => firewallSessionWork(scope, sessionId),
  };
  let sessionsCreated = 0;
  for (const s of sessions) if (await ensureSession(scope, s, ids, machine.id, work[s.title])) sessionsCreated++;
  if ((await scope.db.manager.count(PendingTask)) === 0) {
    await addPendingTask(scope, {
      title: 'Decommission AD2 after the share freeze',
      clientId: String(ids.get('Dataforth')),
      dueDate: daysAgo(-7, 0).toISOString().slice(0, 10),
    });
    await addPendingTask(scope, { title: 'Remove the old MX records from the registrar', clientId: String(ids.get('Dataforth')) });
    await addPendingTask(scope, { title: 'Send the firewall change report', clientId: String(ids.get('Grabb & Durando')) });
  }
  const invites = await seedEnvironment(scope, ids, hosts);
  return { sessionsCreated, invites };
}

async function main() {
  const { db } = await openDatabase(loadConfig().DATABASE_URL);
  const { sessionsCreated, invites } = await seed(systemScope(db, 'seed'));
  console.log(
    `Seed done: ${sessionsCreated} new sessions (${sessions.length - sessionsCreated} already there); every table group has demo records.`,
  );
  // Shown once, like the first admin's password: only their hashes are stored.
  for (const { user, token, expiresAt } of invites) {
    console.log(
      `\nInvite for ${user.email} (works once, until ${expiresAt.toISOString()}); to set a password and log in:\n` +
        `  mutation { acceptInvite(input: { token: "${token}", password: "<12 characters or more>" }) { accessToken } }`,
    );
  }
  await db.dataSource.destroy();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
