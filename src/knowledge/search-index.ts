import { EntityManager, ObjectLiteral } from 'typeorm';
import { CommandRun } from '../../entities/command-run.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { Note } from '../../entities/note.entity';
import { ProblemSolution } from '../../entities/problem-solution.entity';
import { SearchDocument, SearchSource } from '../../entities/search-document.entity';
import { Session } from '../../entities/session.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { joinLines } from '../kit/text';
import { writeDocumentTerms } from './term-index';

/** The searchable text of a record: `title` is its headline (weighs more in ranking), `body` the rest. */
interface IndexedText {
  title: string;
  body: string;
  occurredAt: Date;
  /** The session the record belongs to, when it belongs to one: the document takes its client and mode. */
  sessionId: number | null;
}

/**
 * A session summary without what endSession generated (heading, meta line, "- **Time:** …" facts): those
 * facts are indexed from their own records, and words like "failed" or "billable" would match every session.
 */
const ownWords = (session: Session) =>
  (session.summary ?? '')
    .split('\n')
    .filter((line) => !/^(## |- \*\*)/.test(line) && !line.includes(' · '))
    .join('\n')
    .trim();

/** What each searchable entity contributes to the index, and the properties that text is made of. */
const SOURCES = new Map<Function, { source: SearchSource; fields: string[]; text: (row: never) => IndexedText }>([
  [
    Session,
    {
      source: SearchSource.SESSION,
      fields: ['title', 'summary', 'startedAt'],
      text: (s: Session) => ({ title: s.title ?? '', body: ownWords(s), occurredAt: s.startedAt, sessionId: s.id }),
    },
  ],
  [
    WorkItem,
    {
      source: SearchSource.WORK_ITEM,
      fields: ['description'],
      text: (w: WorkItem) => ({ title: '', body: w.description, occurredAt: w.createdAt, sessionId: w.sessionId }),
    },
  ],
  [
    ProblemSolution,
    {
      source: SearchSource.PROBLEM_SOLUTION,
      fields: ['symptom', 'rootCause', 'solution'],
      text: (p: ProblemSolution) => ({
        title: p.symptom,
        body: joinLines(p.rootCause, p.solution),
        occurredAt: p.createdAt,
        sessionId: p.sessionId,
      }),
    },
  ],
  [
    CommandRun,
    {
      source: SearchSource.COMMAND,
      fields: ['command', 'errorMessage', 'host', 'ranAt'],
      text: (c: CommandRun) => ({ title: c.command, body: joinLines(c.errorMessage, c.host), occurredAt: c.ranAt, sessionId: c.sessionId }),
    },
  ],
  [
    Note,
    {
      source: SearchSource.NOTE,
      fields: ['text'],
      text: (n: Note) => ({ title: '', body: n.text, occurredAt: n.createdAt, sessionId: n.sessionId }),
    },
  ],
  [
    FailurePattern,
    {
      source: SearchSource.FAILURE_PATTERN,
      fields: ['description', 'recommendedAlternative', 'environmentConditions', 'lastSeenAt'],
      text: (f: FailurePattern) => ({
        title: f.description,
        body: joinLines(f.recommendedAlternative, f.environmentConditions.join(', ')),
        occurredAt: f.lastSeenAt,
        sessionId: null,
      }),
    },
  ],
]);

export const isSearchable = (target: Function): boolean => SOURCES.has(target);

/** Whether an update changed any property the record's search text is made of (billing one does not). */
export const changesSearchText = (target: Function, changedProperties: string[]): boolean =>
  changedProperties.some((property) => SOURCES.get(target)?.fields.includes(property));

/**
 * Writes (or rewrites) the search document of a record, in the caller's transaction, so the index never
 * lags behind or runs ahead of the records.
 */
export async function indexRecord(manager: EntityManager, target: Function, row: ObjectLiteral): Promise<void> {
  const entry = SOURCES.get(target);
  if (!entry || row.id == null) return;
  const text = entry.text(row as never);
  const session =
    text.sessionId == null ? null : target === Session ? (row as Session) : await manager.findOneBy(Session, { id: text.sessionId });
  const document = {
    source: entry.source,
    sourceId: row.id as number,
    clientId: session?.clientId ?? null,
    sessionId: session?.id ?? null,
    mode: session?.mode ?? null,
    occurredAt: text.occurredAt,
    title: text.title.slice(0, 300),
    body: text.body,
  };
  await manager
    .createQueryBuilder()
    .insert()
    .into(SearchDocument)
    .values(document)
    .orUpdate(['client_id', 'session_id', 'mode', 'occurred_at', 'title', 'body'], ['source', 'source_id'])
    .execute();
  const [{ id }]: { id: number }[] = await manager.query('SELECT id FROM search_documents WHERE source = ? AND source_id = ?', [
    document.source,
    document.sourceId,
  ]);
  await writeDocumentTerms(manager, { ...document, id: Number(id) });
}
