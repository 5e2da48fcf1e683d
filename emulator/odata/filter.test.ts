import { describe, expect, it } from 'vitest';
import { compileFilter, filterProperties, maxOrClauses, parseFilter } from './filter.ts';
import type { FilterableProperties } from './filter.ts';

interface Row {
  receivedDateTime: string;
  isRead: boolean;
  displayName: string;
}

const properties: FilterableProperties<Row> = {
  receivedDateTime: { type: 'dateTime', get: (r) => r.receivedDateTime },
  isRead: { type: 'boolean', get: (r) => r.isRead },
  displayName: { type: 'string', get: (r) => r.displayName, startsWith: true },
};

function predicate(expression: string) {
  const parsed = parseFilter(expression);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const compiled = compileFilter(parsed.value, properties, 'rows');
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value;
}

const row = (receivedDateTime: string, isRead = false, displayName = 'Anna Berg'): Row => ({
  receivedDateTime,
  isRead,
  displayName,
});

describe('parseFilter and compileFilter', () => {
  it('compares instants across offsets, not as strings', () => {
    const after = predicate('receivedDateTime ge 2026-11-17T09:00:00Z');
    expect(after(row('2026-11-17T10:30:00+01:00'))).toBe(true);
    expect(after(row('2026-11-17T09:30:00+01:00'))).toBe(false);
  });

  it('combines clauses with and, or and parentheses', () => {
    const window = predicate(
      '(receivedDateTime ge 2026-11-01T00:00:00Z and receivedDateTime lt 2026-11-02T00:00:00Z) or isRead eq true',
    );
    expect(window(row('2026-11-01T12:00:00Z'))).toBe(true);
    expect(window(row('2026-11-03T12:00:00Z'))).toBe(false);
    expect(window(row('2026-11-03T12:00:00Z', true))).toBe(true);
  });

  it('matches startswith case-insensitively', () => {
    expect(predicate("startswith(displayName,'an')")(row('2026-11-01T00:00:00Z'))).toBe(true);
    expect(predicate("startswith(displayName,'berg')")(row('2026-11-01T00:00:00Z'))).toBe(false);
  });

  it('lists the filtered properties left to right', () => {
    const parsed = parseFilter('receivedDateTime ge 2026-11-01 and isRead eq false');
    expect(parsed.ok && filterProperties(parsed.value)).toEqual(['receivedDateTime', 'isRead']);
  });

  it('rejects a property the resource cannot filter on, naming the supported ones', () => {
    const parsed = parseFilter("subject eq 'x'");
    const compiled = parsed.ok ? compileFilter(parsed.value, properties, 'rows') : parsed;
    expect(!compiled.ok && compiled.error.message).toMatch(
      /cannot filter rows on 'subject'.*receivedDateTime, isRead, displayName/,
    );
  });

  it('rejects a quoted instant as Graph does: a string is not a DateTimeOffset', () => {
    const parsed = parseFilter("receivedDateTime ge '2026-11-01T00:00:00Z'");
    const compiled = parsed.ok ? compileFilter(parsed.value, properties, 'rows') : parsed;
    expect(!compiled.ok && compiled.error.message).toMatch(/Edm.DateTimeOffset.*Edm.String/);
  });

  it('reports syntax errors with the expression', () => {
    for (const bad of [
      'receivedDateTime ge',
      "displayName eq 'open",
      'isRead eq false and',
      'receivedDateTime between 1',
    ]) {
      const parsed = parseFilter(bad);
      expect(parsed.ok, bad).toBe(false);
      expect(!parsed.ok && parsed.error).toMatchObject({ status: 400, code: 'BadRequest' });
    }
  });

  it('tests collections with any(x: x/prop …), and only with the lambda variable', () => {
    type Item = { props: Array<Record<string, string>> };
    const collections = {
      singleValueExtendedProperties: { properties: ['id', 'value'], elements: (i: Item) => i.props },
    };
    const compile = (expression: string) => {
      const parsed = parseFilter(expression);
      return parsed.ok ? compileFilter<Item>(parsed.value, {}, 'items', collections) : parsed;
    };
    const replied = compile(
      "singleValueExtendedProperties/Any(ep: ep/id eq 'Integer 0x1081' and ep/value eq '102')",
    );
    if (!replied.ok) throw new Error(replied.error.message);
    expect(replied.value({ props: [{ id: 'Integer 0x1081', value: '102' }] })).toBe(true);
    expect(replied.value({ props: [{ id: 'Integer 0x1081', value: '104' }] })).toBe(false);
    expect(replied.value({ props: [] })).toBe(false);
    const parsed = parseFilter("singleValueExtendedProperties/any(ep: ep/id eq 'x')");
    expect(parsed.ok && filterProperties(parsed.value)).toEqual(['singleValueExtendedProperties']);
    expect(compile("singleValueExtendedProperties/any(ep: id eq 'x')").ok).toBe(false);
    expect(compile("attachments/any(a: a/name eq 'x')").ok).toBe(false);
    expect(parseFilter("singleValueExtendedProperties/any(ep ep/id eq 'x')").ok).toBe(false);
  });

  it('matches `in (…)` case-insensitively, only where the resource allows it', () => {
    type Person = { upn: string };
    const people: FilterableProperties<Person> = {
      userPrincipalName: { type: 'string', get: (p) => p.upn, in: true },
      displayName: { type: 'string', get: (p) => p.upn },
    };
    const compile = (expression: string) => {
      const parsed = parseFilter(expression);
      return parsed.ok ? compileFilter(parsed.value, people, 'users') : parsed;
    };
    const inList = compile("userPrincipalName in ('Anna@x.se', 'bo@x.se')");
    if (!inList.ok) throw new Error(inList.error.message);
    expect(inList.value({ upn: 'anna@X.se' })).toBe(true);
    expect(inList.value({ upn: 'bo@x.se' })).toBe(true);
    expect(inList.value({ upn: 'cecilia@x.se' })).toBe(false);
    expect(!compile("displayName in ('a')").ok && 'refused').toBe('refused');
    expect(!compile('userPrincipalName in (true)').ok && 'refused').toBe('refused');
    for (const bad of ["userPrincipalName in ('a'", "userPrincipalName in 'a'", 'userPrincipalName in ()']) {
      expect(parseFilter(bad).ok, bad).toBe(false);
    }
  });

  it("reads a doubled quote as one apostrophe: 'o''brien@x.se' is o'brien@x.se", () => {
    const parsed = parseFilter(
      "userPrincipalName in ('o''brien@x.se','d''arcy@x.se') or mail eq 'o''neil@x.se'",
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.value.kind !== 'or' || parsed.value.left.kind !== 'in') throw new Error('shape');
    expect(parsed.value.left.literals).toEqual([
      { kind: 'string', value: "o'brien@x.se" },
      { kind: 'string', value: "d'arcy@x.se" },
    ]);
    expect(parsed.value.right).toMatchObject({ kind: 'compare', literal: { value: "o'neil@x.se" } });
  });

  it('counts the child clauses of an or as the directory does: one per `in` value, nested ors flattened', () => {
    const count = (expression: string) => {
      const parsed = parseFilter(expression);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return maxOrClauses(parsed.value);
    };
    const list = (n: number) => Array.from({ length: n }, (_, i) => `'p${i}@x.se'`).join(',');
    expect(count(`userPrincipalName in (${list(15)})`)).toBe(15);
    expect(count(`userPrincipalName in (${list(16)})`)).toBe(16);
    expect(count(`userPrincipalName in (${list(8)}) or mail in (${list(8)})`)).toBe(16);
    expect(count(`(mail eq 'a' or mail eq 'b') or mail eq 'c'`)).toBe(3);
    expect(count(`accountEnabled eq true and (mail eq 'a' or mail in (${list(3)}))`)).toBe(4);
    expect(count("displayName eq 'a'")).toBe(1);
  });
});
