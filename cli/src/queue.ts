import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MspApiError, type MspClient } from '@msp-tracker/sdk';
import { configDir } from './config';
import { isUnreachable } from './api';

/** Writes that may wait for the service: each carries its idempotency key, so a replay never doubles it. */
export const QUEUEABLE = ['LogWorkItem', 'LogCommand', 'LogFileChange', 'Note', 'EndSession'] as const;
export type QueueableOperation = (typeof QUEUEABLE)[number];

export interface QueuedWrite {
  id: string;
  operation: QueueableOperation;
  input: Record<string, unknown> & { idempotencyKey: string };
  queuedAt: string;
  /** Set when the service refused the replay (for example LOCKED): kept, with the reason, for `msp sync` to show. */
  refused?: { code: string; message: string; at: string };
}

const queueFile = () => join(configDir(), 'queue.jsonl');

export function readQueue(): QueuedWrite[] {
  if (!existsSync(queueFile())) return [];
  return readFileSync(queueFile(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as QueuedWrite);
}

let queuedInThisRun = false;
/** True once this process queued a write: the service was just found unreachable, no point replaying now. */
export const queuedThisRun = (): boolean => queuedInThisRun;

/** Appends one line and fsyncs it: once `msp` says "queued", the write survives a crash. */
function append(entry: QueuedWrite): void {
  queuedInThisRun = true;
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  const fd = openSync(queueFile(), 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces the queue whole (temporary file, fsync, rename). */
function rewrite(entries: QueuedWrite[]): void {
  const temporary = `${queueFile()}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, queueFile());
}

type Send = (client: MspClient, operation: QueueableOperation, input: QueuedWrite['input']) => Promise<unknown>;
const send: Send = (client, operation, input) => (client[operation] as (variables: { input: unknown }) => Promise<unknown>)({ input });

export interface ReplayResult {
  sent: number;
  refused: QueuedWrite[];
  /** Still waiting because the service could not be reached. */
  waiting: number;
}

/** Sends the queue in order; stops at the first unreachable answer; a refused write stays, with its reason. */
export async function replayQueue(client: MspClient, retryRefused = false): Promise<ReplayResult> {
  const entries = readQueue();
  const kept: QueuedWrite[] = [];
  let sent = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.refused && !retryRefused) {
      kept.push(entry);
      continue;
    }
    try {
      await send(client, entry.operation, entry.input);
      sent += 1;
    } catch (error) {
      if (isUnreachable(error)) {
        kept.push(...entries.slice(i));
        break;
      }
      const refusal =
        error instanceof MspApiError
          ? { code: error.code, message: error.errors.map((e) => e.message).join('; ') }
          : { code: 'FAILED', message: String(error) };
      kept.push({ ...entry, refused: { ...refusal, at: new Date().toISOString() } });
    }
  }
  if (entries.length) rewrite(kept);
  return { sent, refused: kept.filter((entry) => entry.refused), waiting: kept.filter((entry) => !entry.refused).length };
}

/**
 * A write that may wait: earlier queued writes go first (order is kept); if the service cannot be
 * reached, this one joins the queue and the answer says so instead of failing.
 */
export async function writeOrQueue<R>(
  client: MspClient,
  operation: QueueableOperation,
  input: Record<string, unknown>,
): Promise<{ queued: false; result: R } | { queued: true; entry: QueuedWrite }> {
  const keyed = { ...input, idempotencyKey: (input.idempotencyKey as string | undefined) ?? randomUUID() };
  const entry: QueuedWrite = { id: randomUUID(), operation, input: keyed, queuedAt: new Date().toISOString() };
  const before = await replayQueue(client);
  if (before.waiting > 0) {
    append(entry);
    return { queued: true, entry };
  }
  try {
    return { queued: false, result: (await send(client, operation, keyed)) as R };
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    append(entry);
    return { queued: true, entry };
  }
}
