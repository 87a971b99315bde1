import { ApolloServerPlugin } from '@apollo/server';
import { ApiAuditEntry } from '../../entities/api-audit-entry.entity';
import { now } from '../../entities/columns';
import type { Context } from '../graphql/context';
import { Database } from '../database/database';
import { countedAs } from '../database/statement-counter';
import { Logger } from '../logger';

const FLUSH_EVERY_MS = 1_000;
const FLUSH_AT = 200;

/**
 * One api_audit_log row per request: operation, caller, IP, outcome, duration, request id; never
 * variables. Rows are buffered and written in batches off the request path.
 */
export function apiAudit(
  db: Database,
  logger: Logger,
): { plugin: ApolloServerPlugin<Context>; backlog(): number; flush(): Promise<void>; stop(): Promise<void> } {
  let buffer: Partial<ApiAuditEntry>[] = [];
  // writes run one after another, so awaiting the last one means every earlier batch is written too (stop needs that)
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: Partial<ApiAuditEntry>[]) => {
    if (!db.dataSource.isInitialized) return;
    await countedAs('audit', () => db.manager.insert(ApiAuditEntry, rows)).catch((err) =>
      logger.error({ err, rows: rows.length }, 'could not write the API audit log'),
    );
  };
  const flush = () => {
    if (buffer.length) {
      const rows = buffer;
      buffer = [];
      writing = writing.then(() => write(rows));
    }
    return writing;
  };
  const timer = setInterval(() => void flush(), FLUSH_EVERY_MS);
  timer.unref();
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      const started = Date.now();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          buffer.push({
            operation: (operationName ?? 'anonymous').slice(0, 100),
            actor: contextValue.actor,
            ip: contextValue.ip?.slice(0, 64) ?? null,
            outcome: String(errors?.[0]?.extensions?.code ?? (errors?.length ? 'ERROR' : 'OK')).slice(0, 40),
            durationMs: Date.now() - started,
            requestId: contextValue.requestId,
            createdAt: now(),
          });
          if (buffer.length >= FLUSH_AT) void flush();
        },
      };
    },
  };
  return {
    plugin,
    backlog: () => buffer.length,
    flush,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}
