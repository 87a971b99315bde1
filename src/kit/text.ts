/**
 * A LIKE pattern matching `text` anywhere, with `%` and `_` taken literally. The escape character is
 * `!` because a backslash means different things in MariaDB and SQLite string literals.
 */
export const likeContains = (text: string): string => `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** The SQL that goes with likeContains. */
export const likeSql = (column: string, parameter: string): string => `LOWER(${column}) LIKE :${parameter} ESCAPE '!'`;

/** "Acme Corp. (EU)" → "acme-corp-eu". */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');

/** The given parts that hold text, one per line. */
export const joinLines = (...parts: (string | null | undefined)[]): string => parts.filter((p): p is string => !!p?.trim()).join('\n');

/** At most `max` characters, the last one an ellipsis when the text was cut. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
