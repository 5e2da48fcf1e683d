import { describe, expect, it } from 'vitest';
import config from '../../config.json' with { type: 'json' };
import { createDemoTenant, demoCalendarOptions } from './createDemoTenant.ts';
import { demoRegisterDefaults } from './mailboxes.ts';

describe('createDemoTenant', () => {
  it('defaults to the calendar and register of config.json', () => {
    expect(demoCalendarOptions).toEqual(config.organisation.calendar);
    expect({ siteId: demoRegisterDefaults.siteId, listId: demoRegisterDefaults.listId }).toEqual(
      config.register,
    );
  });

  it('refuses a `now` that is not an instant, saying what it got', () => {
    expect(() => createDemoTenant({ now: 'tomorrow' })).toThrow(
      /`now` must be an ISO 8601 instant; got "tomorrow"/,
    );
  });

  it('puts the register on the site and list it is given', () => {
    const tenant = createDemoTenant({
      now: '2026-11-17T10:00:00+01:00',
      register: { siteId: 'contoso.sharepoint.com,1,2', listId: 'mailboxes' },
    });
    const site = tenant.findSite('contoso.sharepoint.com,1,2');
    expect(site && tenant.findList(site, 'mailboxes')?.items.size).toBe(13);
  });
});
