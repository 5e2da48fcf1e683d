import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import type { ReadItemLike } from './OutlookHostApi.ts';
import { resolveMailbox } from './resolveMailbox.ts';

const user = 'Elin.Berg@sjoby.example';

/** An Outlook read item from office-addin-mock, with or without getSharedPropertiesAsync. */
function itemWith(shared: 'shared' | 'ownAnswer' | 'fails' | 'absent'): ReadItemLike {
  const item: Record<string, unknown> = { itemId: 'AAMk=', subject: 'Bygglov' };
  if (shared !== 'absent') {
    item.getSharedPropertiesAsync = (callback: (r: unknown) => void) =>
      callback(
        shared === 'fails'
          ? { status: 'failed', value: undefined, error: { message: 'not supported' } }
          : { status: 'succeeded', value: shared === 'shared' ? { targetMailbox: 'Bygglov@sjoby.example', owner: 'bygglov@sjoby.example', delegatePermissions: 31 } : {} },
      );
  }
  const mock = new OfficeMockObject({ host: 'outlook', context: { mailbox: { item } } }) as unknown as { context: { mailbox: { item: ReadItemLike } } };
  return mock.context.mailbox.item;
}

describe('resolveMailbox', () => {
  it('takes the target mailbox of a shared-mailbox item', async () => {
    expect(await resolveMailbox(itemWith('shared'), user, { supportsShared: true })).toEqual({ address: 'bygglov@sjoby.example', how: 'shared' });
  });

  it('is the user’s own mailbox when the item has no shared properties', async () => {
    expect(await resolveMailbox(itemWith('absent'), user, { supportsShared: true })).toEqual({ address: 'elin.berg@sjoby.example', how: 'own' });
    expect(await resolveMailbox(itemWith('ownAnswer'), user, { supportsShared: true })).toEqual({ address: 'elin.berg@sjoby.example', how: 'own' });
  });

  it('below Mailbox 1.13 finds the mailbox among the synced ones, else assumes the own mailbox', async () => {
    expect(
      await resolveMailbox(itemWith('absent'), user, { supportsShared: false, findInSynced: () => 'miljo@sjoby.example' }),
    ).toEqual({ address: 'miljo@sjoby.example', how: 'guessed' });
    expect(await resolveMailbox(itemWith('absent'), user, { supportsShared: false, findInSynced: () => null })).toEqual({
      address: 'elin.berg@sjoby.example',
      how: 'own',
    });
  });

  it('degrades when the client refuses the call', async () => {
    expect(
      await resolveMailbox(itemWith('fails'), user, { supportsShared: true, findInSynced: () => 'bygglov@sjoby.example' }),
    ).toEqual({ address: 'bygglov@sjoby.example', how: 'guessed' });
  });
});
