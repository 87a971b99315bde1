/** Exponential backoff with jitter: base·2^attempt, cut by a random part of up to half, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 8000, random: () => number = Math.random): number {
  const full = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(full - (full / 2) * random());
}

/** Seconds a Retry-After header asks for (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/**
 * A provider's budget ("N requests per W seconds, per IP") as fixed windows a shared counter can keep
 * without exceeding N in ANY sliding window of W: W is split into k sub-windows of W/k seconds, and a
 * sliding window of W touches at most k+1 of them, so each gets N/(k+1). Syncro's 180/60 s becomes
 * 25 per 10 s (at most 175 in any minute).
 */
export function subWindowBudget(requests: number, windowSeconds: number): { points: number; durationSeconds: number } {
  const k = Math.max(1, Math.min(6, windowSeconds));
  const durationSeconds = Math.max(1, Math.floor(windowSeconds / k));
  const windows = Math.ceil(windowSeconds / durationSeconds);
  return { points: Math.max(1, Math.floor(requests / (windows + 1))), durationSeconds };
}
