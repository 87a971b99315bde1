/**
 * The human text of a PSA error body, whatever its shape: Syncro alone answers 422 with `error` (string),
 * `message` (array), `errors` (string, array or `{ field: [..] }`); Halo and Autotask have their own.
 */
export function errorText(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 300) || 'no details given';
  if (!body || typeof body !== 'object') return 'no details given';
  const b = body as Record<string, unknown>;
  const parts = ['error', 'message', 'errors', 'error_description'].flatMap((k) => flatten(b[k]));
  return parts.length ? parts.join('; ').slice(0, 300) : 'no details given';
}

function flatten(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      flatten(v).map((t) => (t.toLowerCase().startsWith(k.toLowerCase()) ? t : `${k} ${t}`)),
    );
  return [];
}
