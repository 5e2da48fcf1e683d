import { describe, expect, it } from 'vitest';
import { checkDigitFor } from '../../shared/domain/personnummerArbitraries.fixture.ts';
import { isComposeItem, isReadItem } from '../outlook/OutlookHostApi.ts';
import type { ReadItemLike } from '../outlook/OutlookHostApi.ts';
import { createHarnessOutlook } from './createHarnessOutlook.ts';

const user = { displayName: 'Elin Berg', emailAddress: 'elin.berg@sjoby.example' };
const shared = {
  id: 'AAMk-1',
  mailbox: 'bygglov@sjoby.example',
  subject: 'Bygglov',
  from: 'Ingrid',
  receivedDateTime: '2026-11-18T08:00:00Z',
};
const own = { ...shared, id: 'AAMk-2', mailbox: 'elin.berg@sjoby.example' };
// A fictitious date with a computed check digit: not a real person's number.
const personnummer = `19800101-238${checkDigitFor('800101238')}`;

function harness(supportsSharedMailboxes = true) {
  const storage = new Map<string, string>();
  const h = createHarnessOutlook({
    userProfile: user,
    displayLanguage: 'sv-SE',
    supportsSharedMailboxes,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  });
  h.setMessages([shared, own]);
  return { h, storage };
}

describe('the demo harness’s Outlook', () => {
  it('makes the selected message the current item, with an EWS id and shared properties only for shared mailboxes', async () => {
    const { h } = harness();
    let changes = 0;
    h.api.context.mailbox.addHandlerAsync?.('olkItemSelectedChanged', () => (changes += 1));
    h.select(shared);
    const item = h.api.context.mailbox.item as ReadItemLike;
    expect(isReadItem(item)).toBe(true);
    expect(item.itemId).not.toBe(shared.id);
    expect(h.api.context.mailbox.convertToRestId(item.itemId, 'v2.0')).toBe(shared.id);
    const props = await new Promise((resolve) => item.getSharedPropertiesAsync?.((r) => resolve(r.value)));
    expect(props).toMatchObject({ targetMailbox: 'bygglov@sjoby.example' });
    h.select(own);
    expect((h.api.context.mailbox.item as ReadItemLike).getSharedPropertiesAsync).toBeUndefined();
    expect(changes).toBe(2);
  });

  it('has no getSharedPropertiesAsync below Mailbox 1.13', () => {
    const { h } = harness(false);
    h.select(shared);
    expect((h.api.context.mailbox.item as ReadItemLike).getSharedPropertiesAsync).toBeUndefined();
    expect(h.api.context.requirements?.isSetSupported('Mailbox', '1.13')).toBe(false);
  });

  it('opens forms only by EWS id, as Outlook does', () => {
    const { h } = harness();
    expect(() => h.api.context.mailbox.displayMessageForm(shared.id)).toThrow(/EWS/);
    h.api.context.mailbox.displayMessageForm(h.api.context.mailbox.convertToEwsId(shared.id, 'v2.0'));
    expect(h.getState().selected?.id).toBe(shared.id);
  });

  it('shows and removes item notifications', () => {
    const { h } = harness();
    h.select(shared);
    const item = h.api.context.mailbox.item as ReadItemLike;
    item.notificationMessages.replaceAsync('brevladevakten', {
      type: 'informationalMessage',
      message: 'Försenat',
    });
    expect([...h.getState().notifications.values()].map((n) => n.message)).toEqual(['Försenat']);
    item.notificationMessages.removeAsync('brevladevakten');
    expect(h.getState().notifications.size).toBe(0);
  });

  it('runs the compose handlers: a signature on open, a Smart Alert on a blocked send, sent otherwise', async () => {
    const { h } = harness();
    h.openCompose();
    expect(isComposeItem(h.api.context.mailbox.item)).toBe(true);
    await expect.poll(() => h.getState().compose?.bodyHtml ?? '').toContain('data-brevladevakten-signature');
    h.edit({ subject: `Ansökan ${personnummer}` });
    await h.send();
    expect(h.getState().alert?.message).toContain('19800101-****');
    h.answerAlert(false);
    expect(h.getState().compose).not.toBeNull();
    h.edit({ subject: 'Ansökan' });
    await h.send();
    expect(h.getState().compose).toBeNull();
    expect(h.getState().sent).toBe(1);
  });

  it('takes a display name that arrives later, as Outlook’s userProfile is read, without changing the caller’s object', () => {
    const { h } = harness();
    h.setDisplayName('Elin Berg (Bygglov)');
    expect(h.api.context.mailbox.userProfile.displayName).toBe('Elin Berg (Bygglov)');
    expect(user.displayName).toBe('Elin Berg');
  });

  it('keeps roaming settings in its storage', () => {
    const { h, storage } = harness();
    h.api.context.roamingSettings.set('autoSignature', false);
    h.api.context.roamingSettings.saveAsync();
    expect([...storage.values()].join()).toContain('"autoSignature":false');
  });
});
