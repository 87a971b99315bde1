import { PsaUnavailableError, UncertainWriteError } from './errors';

/**
 * A PSA write that happens at most once although no PSA takes idempotency keys: look for it first
 * (an earlier, interrupted call may have landed it), and after an answer that leaves it uncertain
 * (5xx, timeout, dropped connection) read back again before sending it once more.
 */
export async function writeOnce<T>(o: {
  provider: string;
  what: string;
  find: () => Promise<T | undefined>;
  write: () => Promise<T>;
  /** False when we know it is not there yet (we just created what it belongs to). */
  checkFirst?: boolean;
  attempts?: number;
}): Promise<{ value: T; found: boolean }> {
  if (o.checkFirst !== false) {
    const existing = await o.find();
    if (existing) return { value: existing, found: true };
  }
  let last: UncertainWriteError | undefined;
  for (let attempt = 0; attempt < (o.attempts ?? 3); attempt++) {
    try {
      return { value: await o.write(), found: false };
    } catch (error) {
      if (!(error instanceof UncertainWriteError)) throw error;
      last = error;
      const landed = await o.find();
      if (landed) return { value: landed, found: true };
    }
  }
  throw new PsaUnavailableError(o.provider, `${o.what}: ${last?.detail ?? 'no answer'}, and reading back found nothing`);
}
