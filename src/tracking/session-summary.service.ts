import { EntityManager, In } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { CommandRun } from '../../entities/command-run.entity';
import { FileChange } from '../../entities/file-change.entity';
import { Note } from '../../entities/note.entity';
import { ProblemSolution } from '../../entities/problem-solution.entity';
import { Session } from '../../entities/session.entity';
import { WorkCategory, WorkItem } from '../../entities/work-item.entity';
import { amountSql, formatHours, formatHoursOfCentiminutes, formatMoney } from '../billing/money';
import { dialectOf } from '../database/dialect';
import { clip } from '../kit/text';

export interface CategoryTime {
  category: WorkCategory;
  minutes: number;
  billableMinutes: number;
}

/** A session's figures, computed in SQL from its work items and work details. */
export interface SessionBreakdown {
  minutes: number;
  billableMinutes: number;
  /** Billable quantity after the labor-type rules, hundredths of a minute. */
  billableCentiminutes: number;
  /** The rate the amount uses: the billed rate once billed, else the client's current rate. */
  rateCents: number;
  amountCents: number;
  byCategory: CategoryTime[];
  commands: number;
  failedCommands: number;
  filesChanged: number;
  problemsSolved: number;
  notes: number;
}

type Count = { sessionId: number; n: number | string };

/** Rows per session of a child table, in one grouped statement. */
async function countsBySession(
  manager: EntityManager,
  entity: Function,
  sessionIds: number[],
  extra?: string,
): Promise<Map<number, number>> {
  const qb = manager
    .createQueryBuilder(entity, 'x')
    .select('x.sessionId', 'sessionId')
    .addSelect('COUNT(*)', 'n')
    .where('x.sessionId IN (:...sessionIds)', { sessionIds });
  if (extra) qb.andWhere(extra);
  const rows = await qb.groupBy('x.sessionId').getRawMany<Count>();
  return new Map(rows.map((r) => [Number(r.sessionId), Number(r.n)]));
}

/** Breakdowns of several sessions: six grouped statements (plus one for client rates), whatever the number of sessions. */
export async function sessionBreakdowns(manager: EntityManager, sessions: readonly Session[]): Promise<SessionBreakdown[]> {
  if (!sessions.length) return [];
  const ids = sessions.map((s) => s.id);
  const times = await manager
    .createQueryBuilder(WorkItem, 'w')
    .innerJoin('w.session', 's')
    .leftJoin('s.client', 'c')
    .select([
      'w.sessionId AS sessionId',
      'w.category AS category',
      'SUM(w.minutes) AS minutes',
      'SUM(CASE WHEN w.billable = :yes THEN w.minutes ELSE 0 END) AS billable',
      'SUM(w.billableCentiminutes) AS quantity',
      // each line rounded once, by the one money rule; the billed rate once billed, else the current one
      `SUM(${amountSql(dialectOf(manager.connection), 'w.billable_centiminutes', 'COALESCE(s.billed_rate_cents, c.hourly_rate_cents, 0)')}) AS amount`,
    ])
    .where('w.sessionId IN (:...ids)', { ids, yes: true })
    .groupBy('w.sessionId, w.category')
    .orderBy('w.category')
    .getRawMany<{
      sessionId: number;
      category: WorkCategory;
      minutes: number | string;
      billable: number | string;
      quantity: number | string;
      amount: number | string;
    }>();
  const clientIds = [...new Set(sessions.map((s) => s.clientId).filter((id): id is number => id != null))];
  const rates = new Map(
    (clientIds.length ? await manager.findBy(Client, { id: In(clientIds) }) : []).map((c) => [c.id, c.hourlyRateCents]),
  );
  const [commands, failed, files, problems, notes] = await Promise.all([
    countsBySession(manager, CommandRun, ids),
    countsBySession(manager, CommandRun, ids, 'x.success = 0'),
    countsBySession(manager, FileChange, ids),
    countsBySession(manager, ProblemSolution, ids),
    countsBySession(manager, Note, ids),
  ]);
  return sessions.map((session) => {
    const byCategory = times
      .filter((t) => Number(t.sessionId) === session.id)
      .map((t) => ({ category: t.category, minutes: Number(t.minutes), billableMinutes: Number(t.billable) }))
      .sort((a, b) => b.minutes - a.minutes || a.category.localeCompare(b.category));
    const billableMinutes = byCategory.reduce((sum, c) => sum + c.billableMinutes, 0);
    const own = times.filter((t) => Number(t.sessionId) === session.id);
    const rateCents = session.billedRateCents ?? (session.clientId ? (rates.get(session.clientId) ?? 0) : 0);
    return {
      minutes: byCategory.reduce((sum, c) => sum + c.minutes, 0),
      billableMinutes,
      rateCents,
      billableCentiminutes: own.reduce((sum, t) => sum + Number(t.quantity), 0),
      amountCents: own.reduce((sum, t) => sum + Number(t.amount), 0),
      byCategory,
      commands: commands.get(session.id) ?? 0,
      failedCommands: failed.get(session.id) ?? 0,
      filesChanged: files.get(session.id) ?? 0,
      problemsSolved: problems.get(session.id) ?? 0,
      notes: notes.get(session.id) ?? 0,
    };
  });
}

const MAX_LISTED = 5;
const MAX_SUMMARY = 20000;
const utc = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

/** The names behind the counts, a few of each, for the markdown. */
async function details(manager: EntityManager, sessionId: number) {
  const [failures, files, problems] = await Promise.all([
    manager.find(CommandRun, { where: { sessionId, success: false }, order: { ranAt: 'ASC', id: 'ASC' }, take: MAX_LISTED }),
    manager.find(FileChange, { where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' }, take: MAX_LISTED }),
    manager.find(ProblemSolution, { where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' }, take: MAX_LISTED }),
  ]);
  return { failures, files, problems };
}

/**
 * The dense markdown summary stored when a session ends; `own` is what the caller wrote, kept first.
 * Generated lines start with "- **" (search leaves them out: their records are indexed themselves).
 */
export async function summaryMarkdown(manager: EntityManager, session: Session, own: string | null | undefined): Promise<string> {
  const [b] = await sessionBreakdowns(manager, [session]);
  const client = session.clientId ? await manager.findOneBy(Client, { id: session.clientId }) : null;
  const { failures, files, problems } = await details(manager, session.id);
  const more = (shown: number, total: number) => (total > shown ? `, +${total - shown} more` : '');
  const span = `${utc(session.startedAt)}–${session.endedAt ? utc(session.endedAt).slice(11) : 'open'} UTC`;
  const lines = [
    `## ${session.title ?? `Session ${session.id}`}`,
    `${[client?.name, session.mode, span].filter(Boolean).join(' · ')}`,
    own?.trim() ? `\n${own.trim()}\n` : '',
    `- **Time:** ${formatHours(b.minutes)} h logged${b.byCategory.length ? ` — ${b.byCategory.map((c) => `${c.category.toLowerCase()} ${formatHours(c.minutes)} h`).join(', ')}` : ''}`,
    session.billable || b.billableMinutes
      ? `- **Billable:** ${formatHoursOfCentiminutes(b.billableCentiminutes)} h × ${formatMoney(b.rateCents)}/h = ${formatMoney(b.amountCents)}`
      : null,
    b.commands
      ? `- **Commands:** ${b.commands} run, ${b.failedCommands} failed${failures.length ? ` (${failures.map((f) => `\`${clip(f.command, 60)}\``).join(', ')}${more(failures.length, b.failedCommands)})` : ''}`
      : null,
    b.filesChanged
      ? `- **Files changed:** ${b.filesChanged} — ${files.map((f) => clip(f.path, 80)).join(', ')}${more(files.length, b.filesChanged)}`
      : null,
    b.problemsSolved
      ? `- **Problems solved:** ${b.problemsSolved} — ${problems.map((p) => `${clip(p.symptom, 80)} → ${clip(p.solution, 80)}`).join('; ')}${more(problems.length, b.problemsSolved)}`
      : null,
    b.notes ? `- **Notes:** ${b.notes}` : null,
  ];
  return clip(lines.filter((line): line is string => line !== null && line !== '').join('\n'), MAX_SUMMARY);
}
