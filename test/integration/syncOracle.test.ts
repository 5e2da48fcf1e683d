import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchOracle, requestsSelectingBodies, strictOraclePath } from '../oracle/graphRequestOracle.ts';

const shared = fileURLToPath(
  new URL('../../../shared/oracles/graph-v1.0-mail-subset.openapi.json', import.meta.url),
);

describe('the vendored strict Graph oracle', () => {
  it.runIf(existsSync(shared))('is the same as the shared copy', () => {
    expect(readFileSync(strictOraclePath, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('accepts the requests mailbox sync sends', () => {
    const accepted: Array<[string, string]> = [
      [
        'GET',
        'http://localhost:4000/v1.0/users/bygglov%40sjoby.example/mailFolders/inbox/messages/delta?$select=subject',
      ],
      ['GET', '/users/bygglov@sjoby.example/mailFolders/inbox/messages/delta()?$deltatoken=x'],
      ['GET', '/users/bygglov@sjoby.example/messages/AAMk=?$select=id'],
      ['PATCH', '/users/bygglov@sjoby.example/messages/AAMk='],
      ['POST', '/me/getMailTips'],
      ['POST', '/me/calendar/getSchedule'],
      ['PATCH', '/sites/s/lists/l/items/7/fields'],
      ['GET', '/sites/s/lists/l/items?$expand=fields'],
      ['POST', 'http://localhost:4000/v1.0/$batch'],
      ['POST', '/users/bygglov@sjoby.example/messages/AAMk=/createForward'],
    ];
    for (const [method, url] of accepted)
      expect(matchOracle(method, url), `${method} ${url}`).toMatchObject({ ok: true });
  });

  it('refuses paths and methods outside the subset', () => {
    expect(matchOracle('GET', '/users/x/mailboxSettings/automaticRepliesSetting')).toMatchObject({
      ok: false,
    });
    expect(matchOracle('DELETE', '/users/x/messages/y')).toMatchObject({ ok: false });
    expect(matchOracle('GET', '/sites/s/lists/l/items/7')).toMatchObject({ ok: false });
    expect(matchOracle('POST', '/users/x/messages/y/send')).toMatchObject({ ok: false });
  });

  it('finds a request that selects a body field', () => {
    expect(
      requestsSelectingBodies([
        { url: '/users/x/messages?$select=subject,bodyPreview' },
        { url: '/users/x/messages?$select=subject' },
      ]),
    ).toEqual(['/users/x/messages?$select=subject,bodyPreview']);
  });
});
