import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import schema from './config.schema.json' with { type: 'json' };
import { describeConfigErrors, parseAppConfig, parseJsonText } from './index.ts';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as Record<string, never>;
const demo = read('config.json');
const example = read('config.example.json');
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

function variant(mutate: (c: Record<string, Record<string, unknown>>) => void) {
  const copy = structuredClone(demo) as Record<string, Record<string, unknown>>;
  mutate(copy);
  return copy;
}

describe('parseAppConfig', () => {
  it.each([
    ['the demo configuration', demo],
    ['the example configuration for a real tenant', example],
  ])('accepts %s, as does the JSON schema', (_, config) => {
    expect(parseAppConfig(config).ok).toBe(true);
    expect(validateSchema(config), JSON.stringify(validateSchema.errors)).toBe(true);
  });

  it('reads the organisation calendar into work-calendar options', () => {
    const result = parseAppConfig(demo);
    expect(result.ok && result.value.organisation.calendar.openingHours?.fri).toBe('08:00-16:00');
    expect(result.ok && result.value.organisation.calendar.closedDates).toContain('2026-05-15');
  });

  const broken: Array<[string, Record<string, unknown>, string, string]> = [
    ['opening hours written loosely', variant((c) => ((c.organisation as { calendar: { openingHours: object } }).calendar.openingHours = { mon: '8-17' })), 'organisation.calendar.openingHours.mon', '"8-17"'],
    ['a citizen-service address that is not an address', variant((c) => (c.organisation!.citizenServiceAddress = 'medborgarservice')), 'organisation.citizenServiceAddress', '"medborgarservice"'],
    ['a missing organisation name', variant((c) => delete c.organisation!.name), 'organisation.name', 'nothing'],
    ['an empty handled-categories list', variant((c) => (c.organisation!.handledCategories = [])), 'organisation.handledCategories', '[]'],
    ['an unknown auth mode', variant((c) => (c.auth!.mode = 'saml')), 'auth.mode', '"saml"'],
    ['a client id that is not a GUID', variant((c) => (c.auth!.clientId = 'brevladevakten')), 'auth.clientId', '"brevladevakten"'],
    ['a Graph URL without the version', variant((c) => (c.graph!.baseUrl = 'https://graph.microsoft.com')), 'graph.baseUrl', '"https://graph.microsoft.com"'],
    ['a misspelt field', variant((c) => (c.register!.listID = 'x')), 'register.listID', '"listID"'],
    ['a statistics target given in per cent', variant((c) => (c.app!.statisticsTarget = 90)), 'app.statisticsTarget', '90'],
  ];

  it.each(broken)('rejects %s, naming the field and what was found', (_, config, path, found) => {
    const result = parseAppConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.errors.find((e) => e.path === path);
    expect(issue, JSON.stringify(result.errors)).toBeDefined();
    expect(issue?.found).toBe(found);
    expect(issue?.expected.length).toBeGreaterThan(3);
    // The editor schema agrees that the file is broken.
    expect(validateSchema(config)).toBe(false);
  });

  it('requires a real client id when signing in to a real tenant', () => {
    const config = variant((c) => (c.auth!.mode = 'msal'));
    const result = parseAppConfig(config);
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['auth.clientId']);
  });

  it('describes the problems in one message that names the file and each field', () => {
    const result = parseAppConfig(broken[0]![1]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const message = describeConfigErrors('config.json', result.errors);
    expect(message).toMatch(/^Configuration error in `config.json`/);
    expect(message).toContain('organisation.calendar.openingHours.mon');
    expect(message).toContain('"8-17"');
  });

  it('reports a file that is not JSON with the position of the syntax error', () => {
    const result = parseJsonText('config.json', '{ "organisation": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/config.json.*not valid JSON/);
  });

  it('names the calendar itself when it is not an object', () => {
    const result = parseAppConfig(variant((c) => ((c.organisation as Record<string, unknown>).calendar = 'mån-fre')));
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['organisation.calendar']);
  });

  it('rejects something that is not an object at all', () => {
    const result = parseAppConfig([1, 2]);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: '(root)', expected: 'an object' });
  });
});
