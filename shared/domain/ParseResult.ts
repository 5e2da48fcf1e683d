/**
 * One problem found while validating untrusted input (configuration, register rows). `path` locates the
 * value (`openingHours.mon`, `closedDates[2]`; empty for the value itself), `expected` says in words what
 * would be valid, `found` is what was there, as JSON (`"8-17"`), or `nothing` when it was missing.
 * Callers that nest a value (the configuration module) prefix the path with their own.
 */
export interface ValidationIssue {
  path: string;
  expected: string;
  found: string;
}

/** The outcome of validating untrusted input: the value, or every problem found (never a throw). */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

/** How a found value is shown in a ValidationIssue: JSON, shortened; `nothing` for a missing value. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Joins a path prefix and a path: `a` + `b` → `a.b`, `a` + `[0]` → `a[0]`, either empty → the other. */
export function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
