import { errors, fail, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';

export type QueryOptionName =
  'select' | 'expand' | 'filter' | 'orderby' | 'top' | 'skip' | 'skiptoken' | 'count' | 'search';

const knownOptions = new Set<string>([
  'select',
  'expand',
  'filter',
  'orderby',
  'top',
  'skip',
  'skiptoken',
  'count',
  'search',
  'format',
  'deltatoken',
]);

/**
 * The system query options of a request, by name without `$`. Graph accepts them with or without
 * the `$` prefix (`expand=fields` is common in SharePoint samples); each may appear once. Options
 * the endpoint does not support are a 400 naming the ones it does — silently ignoring `$filter`
 * would hand a client the wrong messages.
 */
export function readQueryOptions(
  url: URL,
  supported: readonly QueryOptionName[],
): Outcome<Partial<Record<QueryOptionName, string>>> {
  const options: Partial<Record<QueryOptionName, string>> = {};
  for (const [rawName, value] of url.searchParams) {
    const name = rawName.replace(/^\$/, '').toLowerCase();
    if (!rawName.startsWith('$') && !knownOptions.has(name)) continue; // a custom parameter: Graph ignores it
    if (!knownOptions.has(name))
      return fail(errors.badRequest(`Query option '${rawName}' is not supported.`));
    if (!(supported as readonly string[]).includes(name)) {
      const list = supported.map((s) => `$${s}`).join(', ') || 'none';
      return fail(
        errors.badRequest(
          `Query option '$${name}' is not supported by the emulator on this resource. Supported: ${list}.`,
        ),
      );
    }
    if (options[name as QueryOptionName] !== undefined) {
      return fail(
        errors.badRequest(
          `Query option '$${name}' was specified more than once, it must be specified at most once.`,
        ),
      );
    }
    options[name as QueryOptionName] = value;
  }
  return ok(options);
}

/** Parses `$top` (0 … max); Graph rejects other values. */
export function parseTop(value: string | undefined, max: number): Outcome<number | null> {
  if (value === undefined) return ok(null);
  if (!/^\d+$/.test(value.trim()))
    return fail(errors.badRequest(`Invalid value '${value}' for $top: expected a whole number.`));
  return ok(Math.min(Number(value), max));
}

export function parseSkip(value: string | undefined): Outcome<number> {
  if (value === undefined) return ok(0);
  if (!/^\d+$/.test(value.trim()))
    return fail(errors.badRequest(`Invalid value '${value}' for $skip: expected a whole number.`));
  return ok(Number(value));
}

export function parseCount(value: string | undefined): Outcome<boolean> {
  if (value === undefined) return ok(false);
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false')
    return fail(errors.badRequest(`Invalid value '${value}' for $count: expected true or false.`));
  return ok(lower === 'true');
}

/**
 * Parses `$select` against a type's properties (case-insensitive, answered in Graph's casing).
 * Returns `null` when absent.
 */
export function parseSelect(
  value: string | undefined,
  properties: readonly string[],
  typeName: string,
): Outcome<string[] | null> {
  if (value === undefined) return ok(null);
  const selected: string[] = [];
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const canonical = properties.find((p) => p.toLowerCase() === name.toLowerCase());
    if (!canonical)
      return fail(errors.badRequest(`Could not find a property named '${name}' on type '${typeName}'.`));
    if (!selected.includes(canonical)) selected.push(canonical);
  }
  return ok(selected);
}

/** Parses `$orderby` for one sortable property: `prop`, `prop asc` or `prop desc`. */
export function parseOrderBy(
  value: string | undefined,
  sortable: readonly string[],
  typeName: string,
): Outcome<{ property: string; direction: 'asc' | 'desc' } | null> {
  if (value === undefined) return ok(null);
  const clauses = value
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const first = clauses[0];
  if (clauses.length !== 1 || !first) {
    return fail(
      errors.badRequest(`The emulator sorts ${typeName} by one property only; got '$orderby=${value}'.`),
    );
  }
  const match = /^(\S+)(?:\s+(asc|desc))?$/i.exec(first);
  const property = sortable.find((p) => p.toLowerCase() === match?.[1]?.toLowerCase());
  if (!match || !property) {
    return fail(
      errors.badRequest(
        `The emulator cannot sort ${typeName} by '${first}'. Supported: ${sortable.map((s) => `${s} asc|desc`).join(', ')}.`,
      ),
    );
  }
  return ok({ property, direction: (match[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' });
}

/** `Prefer: odata.maxpagesize=N`, which Graph honours where `$top` is absent. */
export function preferredPageSize(request: Request): number | null {
  const prefer = request.headers.get('Prefer') ?? '';
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer);
  return match?.[1] ? Number(match[1]) : null;
}
