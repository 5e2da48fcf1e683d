import { parseCalendarOptions } from '../domain/index.ts';
import type { ParseResult, ValidationIssue, WorkCalendarOptions } from '../domain/index.ts';
import type { AppConfig } from './AppConfig.ts';

// Hand-written rather than generic JSON-Schema validation: the app validates its configuration in the
// browser at start-up, and every message must name the field, the expectation and what was found.
// `config.schema.json` describes the same shape for editors; a test keeps the two in step.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function found(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

class Reader {
  readonly issues: ValidationIssue[] = [];

  fail(path: string, expected: string, value: unknown): void {
    this.issues.push({ path, expected, found: found(value) });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, 'an object', value);
    return {};
  }

  string(parent: Record<string, unknown>, key: string, path: string, test?: { pattern: RegExp; expected: string }): string {
    const value = parent[key];
    const at = join(path, key);
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(at, test?.expected ?? 'a non-empty string', value);
      return '';
    }
    if (test && !test.pattern.test(value)) this.fail(at, test.expected, value);
    return value;
  }

  url(parent: Record<string, unknown>, key: string, path: string, expected: string): string {
    const value = this.string(parent, key, path, { pattern: /^https?:\/\/[^\s/]+/, expected });
    return value.replace(/\/+$/, '');
  }

  stringList(parent: Record<string, unknown>, key: string, path: string): string[] {
    const value = parent[key];
    const at = join(path, key);
    if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
      this.fail(at, 'a non-empty list of non-empty strings', value);
      return [];
    }
    return value as string[];
  }
}

function join(path: string, key: string): string {
  if (!key) return path;
  return path ? `${path}.${key}` : key;
}

function unknownKeys(reader: Reader, value: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (key === '$schema' && path === '') continue;
    if (!known.includes(key)) reader.fail(join(path, key), `one of the known fields ${known.join(', ')}`, key);
  }
}

/**
 * Validates the parsed contents of `config.json`. Never throws: the result lists every problem, each with
 * its path (e.g. `organisation.calendar.openingHours.mon`), what was expected and what was found.
 */
export function parseAppConfig(json: unknown): ParseResult<AppConfig> {
  const r = new Reader();
  const root = r.object(json, '(root)');
  unknownKeys(r, root, ['organisation', 'register', 'graph', 'auth', 'app'], '');

  const org = r.object(root.organisation, 'organisation');
  const orgKeys = [
    'name',
    'postalAddress',
    'visitingAddress',
    'switchboard',
    'website',
    'citizenServiceAddress',
    'signatureTemplate',
    'calendar',
    'handledCategories',
  ] as const;
  unknownKeys(r, org, orgKeys, 'organisation');
  const calendarResult = parseCalendarOptions(org.calendar ?? {});
  let calendar: WorkCalendarOptions = {};
  if (calendarResult.ok) calendar = calendarResult.value;
  else for (const issue of calendarResult.errors) r.issues.push({ ...issue, path: join('organisation.calendar', issue.path) });

  const organisation: AppConfig['organisation'] = {
    name: r.string(org, 'name', 'organisation'),
    postalAddress: r.string(org, 'postalAddress', 'organisation'),
    visitingAddress: r.string(org, 'visitingAddress', 'organisation'),
    switchboard: r.string(org, 'switchboard', 'organisation'),
    website: r.url(org, 'website', 'organisation', 'an http(s) URL such as "https://www.kommun.se"'),
    citizenServiceAddress: r.string(org, 'citizenServiceAddress', 'organisation', {
      pattern: EMAIL,
      expected: 'an e-mail address such as "medborgarservice@kommun.se"',
    }),
    signatureTemplate: r.string(org, 'signatureTemplate', 'organisation'),
    calendar,
    handledCategories: r.stringList(org, 'handledCategories', 'organisation'),
  };

  const reg = r.object(root.register, 'register');
  unknownKeys(r, reg, ['siteId', 'listId'], 'register');
  const register = { siteId: r.string(reg, 'siteId', 'register'), listId: r.string(reg, 'listId', 'register') };

  const graphObj = r.object(root.graph, 'graph');
  unknownKeys(r, graphObj, ['baseUrl'], 'graph');
  const graph = {
    baseUrl: r.url(graphObj, 'baseUrl', 'graph', 'a Graph base URL with version, such as "https://graph.microsoft.com/v1.0"'),
  };
  if (graph.baseUrl && !/\/(v1\.0|beta)$/.test(graph.baseUrl)) {
    r.fail('graph.baseUrl', 'a URL ending in the API version "/v1.0"', graphObj.baseUrl);
  }

  const authObj = r.object(root.auth, 'auth');
  unknownKeys(r, authObj, ['mode', 'clientId', 'tenantId'], 'auth');
  const mode = authObj.mode;
  if (mode !== 'demo' && mode !== 'msal') r.fail('auth.mode', '"demo" (local emulator) or "msal" (a real tenant)', mode);
  const guid = { pattern: GUID, expected: 'a GUID such as "2f1e0c3a-…" from the Entra app registration' };
  const auth: AppConfig['auth'] = {
    mode: mode === 'msal' ? 'msal' : 'demo',
    clientId: r.string(authObj, 'clientId', 'auth', guid),
    tenantId: r.string(authObj, 'tenantId', 'auth', guid),
  };
  if (auth.mode === 'msal' && /^0{8}-/.test(auth.clientId)) {
    r.fail('auth.clientId', 'the application (client) id of your Entra app registration when auth.mode is "msal"', auth.clientId);
  }

  const appObj = r.object(root.app, 'app');
  unknownKeys(r, appObj, ['baseUrl', 'statisticsTarget'], 'app');
  const target = appObj.statisticsTarget ?? 0.9;
  if (typeof target !== 'number' || !(target > 0 && target <= 1)) {
    r.fail('app.statisticsTarget', 'a share between 0 and 1, such as 0.9 for 90 %', appObj.statisticsTarget);
  }
  const app = {
    baseUrl: r.url(appObj, 'baseUrl', 'app', 'the https URL the app is served from, such as "https://brevladevakten.kommun.se"'),
    statisticsTarget: typeof target === 'number' ? target : 0.9,
  };

  if (r.issues.length > 0) return { ok: false, errors: r.issues };
  return { ok: true, value: { organisation, register, graph, auth, app } };
}
